import { levelForMean } from '../../domain/dashboards/position.ts';
import {
	cachedChart,
	ambitionColour,
	axisColour,
	fontFamily,
	formatMean,
	legendOption,
	localeOf,
	m,
	renderSvg,
	round1,
	scaleAxis,
	seriesColours,
	sortedScale,
	standardColour,
	textColour,
	titleOption,
	type Chart,
	type ChartOptions,
	type ScaleLevel
} from './render.ts';

export interface PositionRow {
	label: string;
	/** The mean rank, null when nothing was rated. */
	position: number | null;
	/** The rank of the standard level. */
	standard: number;
	/** The ambition's target rank, null when none was set. */
	ambition: number | null;
}

/**
 * Horizontal bars: where each value or standard stands (mean rank), with a marker for
 * the standard (a bar) and for the ambition (a diamond).
 */
export function positionChart(
	input: { title: string; rows: PositionRow[]; scale: ScaleLevel[] },
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	return cachedChart('position', input, locale, options?.width, () => {
		const scale = sortedScale(input.scale);
		const labelOf = (rank: number | null) =>
			rank === null ? '—' : (scale.find((l) => l.rank === rank)?.label ?? String(rank));
		const noData = m.dashboards_chart_no_data({}, { locale });
		const width = options?.width ?? 680;
		const height = 110 + input.rows.length * 38;
		const svg = renderSvg(
			{
				title: titleOption(input.title),
				legend: {
					...legendOption(),
					data: [
						m.dashboards_chart_position({}, { locale }),
						m.dashboards_chart_standard({}, { locale }),
						m.dashboards_chart_ambition({}, { locale })
					]
				},
				grid: { left: 180, right: 40, top: 44, bottom: 66 },
				xAxis: scaleAxis(scale, 'belowLowest'),
				yAxis: {
					type: 'category',
					inverse: true,
					data: input.rows.map((r) => r.label),
					axisLabel: { color: textColour, fontFamily, fontSize: 12, width: 165, overflow: 'truncate' },
					axisLine: { lineStyle: { color: axisColour } },
					axisTick: { show: false }
				},
				series: [
					{
						name: m.dashboards_chart_position({}, { locale }),
						type: 'bar',
						barWidth: 18,
						itemStyle: { color: seriesColours[0] },
						label: {
							show: true,
							position: 'right',
							color: textColour,
							fontFamily,
							formatter: (p: { value: unknown }) =>
								typeof p.value === 'number' ? formatMean(p.value, locale) : noData
						},
						data: input.rows.map((r) =>
							r.position === null
								? {
										value: scale[0] ? scale[0].rank - 1 : 0,
										itemStyle: { color: 'transparent' },
										label: { formatter: noData }
									}
								: r.position
						)
					},
					{
						name: m.dashboards_chart_standard({}, { locale }),
						type: 'scatter',
						symbol: 'rect',
						symbolSize: [4, 28],
						itemStyle: { color: standardColour },
						z: 3,
						data: input.rows.map((r) => r.standard)
					},
					{
						name: m.dashboards_chart_ambition({}, { locale }),
						type: 'scatter',
						symbol: 'diamond',
						symbolSize: 16,
						itemStyle: { color: ambitionColour, borderColor: '#ffffff', borderWidth: 1 },
						z: 4,
						data: input.rows.map((r) => (r.ambition === null ? '-' : r.ambition))
					}
				]
			},
			{ width, height },
			input.title,
			locale
		);
		return {
			svg,
			table: {
				caption: input.title,
				columns: [
					m.dashboards_chart_item({}, { locale }),
					m.dashboards_chart_mean({}, { locale }),
					m.dashboards_chart_position({}, { locale }),
					m.dashboards_chart_standard({}, { locale }),
					m.dashboards_chart_ambition({}, { locale })
				],
				rows: input.rows.map((r) => [
					r.label,
					r.position === null ? '—' : round1(r.position),
					r.position === null ? noData : (levelForMean(scale, r.position)?.label ?? '—'),
					labelOf(r.standard),
					labelOf(r.ambition)
				])
			}
		};
	});
}
