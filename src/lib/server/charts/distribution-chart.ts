import {
	axisColour,
	cachedChart,
	fontFamily,
	legendOption,
	localeOf,
	m,
	renderSvg,
	textColour,
	titleOption,
	type Chart,
	type ChartOptions
} from './render.ts';

// Ordered light to dark, so the order of the levels reads in greyscale too; labels on
// the light tones are dark, on the dark tones white.
const tones = [
	{ fill: '#cddcef', text: textColour },
	{ fill: '#8fb1db', text: textColour },
	{ fill: '#3e6fae', text: '#ffffff' },
	{ fill: '#154273', text: '#ffffff' },
	{ fill: '#0b2440', text: '#ffffff' }
];

/**
 * 100% stacked bars: per category (a value) how the counted things (teams) spread over
 * ordered groups (scale levels). Each part is labelled with its count, so the chart
 * reads without colour; the table adds the totals.
 */
export function distributionChart(
	input: { title: string; categories: string[]; series: { name: string; values: number[] }[] },
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	return cachedChart('distribution', input, locale, options?.width, () => {
		const totals = input.categories.map((_, c) => input.series.reduce((n, s) => n + (s.values[c] ?? 0), 0));
		const width = options?.width ?? 680;
		const legendRows = Math.ceil(input.series.length / 3);
		const height = 80 + legendRows * 22 + input.categories.length * 40;
		const toneOf = (i: number) =>
			tones[Math.round((i * (tones.length - 1)) / Math.max(1, input.series.length - 1))] ?? tones[0]!;
		const percent = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent' });
		const svg = renderSvg(
			{
				title: titleOption(input.title),
				legend: { ...legendOption(), data: input.series.map((s) => s.name) },
				grid: { left: 180, right: 20, top: 44, bottom: 36 + legendRows * 22 },
				xAxis: {
					type: 'value',
					min: 0,
					max: 100,
					interval: 25,
					axisLabel: {
						color: axisColour,
						fontFamily,
						fontSize: 11,
						formatter: (v: number) => percent.format(v / 100)
					},
					splitLine: { lineStyle: { color: '#d0d0d0' } }
				},
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
					stack: 'all',
					barWidth: 22,
					itemStyle: { color: toneOf(i).fill, borderColor: '#ffffff', borderWidth: 1 },
					label: {
						show: true,
						color: toneOf(i).text,
						fontFamily,
						fontSize: 11,
						formatter: (p: { dataIndex: number }) => {
							const n = s.values[p.dataIndex] ?? 0;
							return n > 0 ? String(n) : '';
						}
					},
					data: s.values.map((n, c) => (totals[c] ? (100 * n) / totals[c]! : 0))
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
				columns: [
					m.dashboards_chart_item({}, { locale }),
					...input.series.map((s) => s.name),
					m.dashboards_chart_total({}, { locale })
				],
				rows: input.categories.map((category, c) => [
					category,
					...input.series.map((s) => String(s.values[c] ?? 0)),
					String(totals[c] ?? 0)
				])
			}
		};
	});
}
