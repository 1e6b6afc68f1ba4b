import {
	cachedChart,
	axisColour,
	fontFamily,
	legendOption,
	localeOf,
	m,
	renderSvg,
	round1,
	scaleAxis,
	seriesColours,
	standardColour,
	symbols,
	textColour,
	titleOption,
	type Chart,
	type ChartOptions,
	type ScaleLevel
} from './render.ts';

export interface TrendSeries {
	name: string;
	points: { x: string; y: number | null }[];
}

/**
 * Lines over time (one per value, say), each with its own colour, symbol and dash so
 * they differ without colour; a gap where a moment has no figure. `standardRank` draws
 * the standard as a dashed line.
 */
export function trendChart(
	input: { title: string; series: TrendSeries[]; scale: ScaleLevel[]; standardRank?: number },
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	return cachedChart('trend', input, locale, options?.width, () => {
		const moments: string[] = [];
		for (const s of input.series) for (const p of s.points) if (!moments.includes(p.x)) moments.push(p.x);
		const valueAt = (s: TrendSeries, x: string) => s.points.find((p) => p.x === x)?.y ?? null;
		const width = options?.width ?? 680;
		const legendRows = Math.ceil(input.series.length / 4);
		const height = 300 + legendRows * 22;
		const standardName = m.dashboards_chart_standard({}, { locale });
		const svg = renderSvg(
			{
				title: titleOption(input.title),
				legend: { ...legendOption(), data: input.series.map((s) => s.name) },
				grid: { left: 110, right: 30, top: 48, bottom: 50 + legendRows * 22 },
				xAxis: {
					type: 'category',
					data: moments,
					boundaryGap: moments.length === 1,
					axisLabel: { color: axisColour, fontFamily, fontSize: 11 },
					axisLine: { lineStyle: { color: axisColour } }
				},
				yAxis: scaleAxis(input.scale, 'lowest'),
				series: input.series.map((s, i) => ({
					name: s.name,
					type: 'line',
					connectNulls: false,
					symbol: symbols[i % symbols.length],
					symbolSize: 9,
					itemStyle: { color: seriesColours[i % seriesColours.length] },
					lineStyle: { width: 2, type: i % 2 === 0 ? 'solid' : 'dashed' },
					data: moments.map((x) => valueAt(s, x) ?? '-'),
					...(i === 0 && input.standardRank !== undefined
						? {
								markLine: {
									silent: true,
									symbol: 'none',
									lineStyle: { color: standardColour, type: 'dotted', width: 1.5 },
									label: { formatter: standardName, color: textColour, fontFamily, position: 'insideEndTop' },
									data: [{ yAxis: input.standardRank }]
								}
							}
						: {})
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
				columns: [m.dashboards_chart_moment({}, { locale }), ...input.series.map((s) => s.name)],
				rows: moments.map((x) => [
					x,
					...input.series.map((s) => {
						const y = valueAt(s, x);
						return y === null ? '—' : round1(y);
					})
				])
			}
		};
	});
}
