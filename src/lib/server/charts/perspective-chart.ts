import {
	cachedChart,
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
	textColour,
	titleOption,
	type Chart,
	type ChartOptions,
	type ScaleLevel
} from './render.ts';

/**
 * Grouped horizontal bars: per value (category) one bar per perspective, each labelled
 * with its mean so the groups read without colour. Perspectives below the anonymity
 * threshold must be left out (or merged) by the caller.
 */
export function perspectiveChart(
	input: {
		title: string;
		categories: string[];
		series: { name: string; values: (number | null)[] }[];
		scale: ScaleLevel[];
	},
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	return cachedChart('perspective', input, locale, options?.width, () => {
		const width = options?.width ?? 680;
		const barHeight = 14;
		const groupHeight = Math.max(30, input.series.length * (barHeight + 4) + 14);
		const legendRows = Math.ceil(input.series.length / 4);
		const height = 60 + legendRows * 22 + input.categories.length * groupHeight + 40;
		const svg = renderSvg(
			{
				title: titleOption(input.title),
				legend: { ...legendOption(), data: input.series.map((s) => s.name) },
				grid: { left: 180, right: 50, top: 44, bottom: 40 + legendRows * 22 },
				xAxis: scaleAxis(input.scale, 'belowLowest'),
				yAxis: {
					type: 'category',
					inverse: true,
					data: input.categories,
					axisLabel: { color: textColour, fontFamily, fontSize: 12, width: 165, overflow: 'truncate' },
					axisLine: { lineStyle: { color: axisColour } },
					axisTick: { show: false }
				},
				series: input.series.map((s, i) => ({
					name: s.name,
					type: 'bar',
					barWidth: barHeight,
					barGap: '25%',
					itemStyle: { color: seriesColours[i % seriesColours.length] },
					label: {
						show: true,
						position: 'right',
						fontSize: 11,
						color: textColour,
						fontFamily,
						formatter: (p: { value: unknown }) =>
							typeof p.value === 'number' ? formatMean(p.value, locale) : ''
					},
					data: s.values.map((v) => (v === null ? '-' : v))
				}))
			},
			{ width, height },
			input.title,
			locale
		);
		return {
			svg,
			table: {
				caption: input.title,
				columns: [m.dashboards_chart_item({}, { locale }), ...input.series.map((s) => s.name)],
				rows: input.categories.map((category, c) => [
					category,
					...input.series.map((s) => {
						const v = s.values[c] ?? null;
						return v === null ? '—' : round1(v);
					})
				])
			}
		};
	});
}
