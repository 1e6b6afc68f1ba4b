import {
	axisColour,
	fit,
	gridColour,
	legend,
	legendRows,
	line,
	linear,
	localeOf,
	m,
	rect,
	svgDocument,
	text,
	textColour,
	titleHeight,
	type Chart,
	type ChartOptions
} from './render.ts';

// Ordered light to dark, so the order of the groups reads in greyscale too; labels on
// the light tones are dark, on the dark tones white (at least 4.5:1 either way).
const tones = [
	{ fill: '#cddcef', text: textColour },
	{ fill: '#8fb1db', text: textColour },
	{ fill: '#3e6fae', text: '#ffffff' },
	{ fill: '#154273', text: '#ffffff' },
	{ fill: '#0b2440', text: '#ffffff' }
];

const labelWidth = 180;
const rowHeight = 34;

/**
 * 100% stacked bars: per category (a value) how the counted things (teams) spread over
 * ordered groups (scale levels). Each part wide enough is labelled with its count; the
 * table has every count and the totals.
 */
export function distributionChart(
	input: { title: string; categories: string[]; series: { name: string; values: number[] }[] },
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	const width = options?.width ?? 680;
	const totals = input.categories.map((_, c) => input.series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
	const toneOf = (i: number) =>
		tones[Math.round((i * (tones.length - 1)) / Math.max(1, input.series.length - 1))] ?? tones[0]!;
	const percent = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent' });
	const top = titleHeight(input.title, width) + 6;
	const bottom = top + Math.max(1, input.categories.length) * rowHeight;
	const names = input.series.map((s) => s.name);
	const height = bottom + 30 + legendRows(names, width) * 22 + 6;
	const x = linear([0, 100], [labelWidth, width - 20]);

	const parts: string[] = [];
	for (const tick of [0, 25, 50, 75, 100]) {
		parts.push(
			line(x(tick), top, x(tick), bottom, gridColour),
			text(x(tick), bottom + 16, percent.format(tick / 100), { size: 11, anchor: 'middle', fill: axisColour })
		);
	}
	input.categories.forEach((category, c) => {
		const mid = top + c * rowHeight + rowHeight / 2;
		parts.push(text(labelWidth - 8, mid + 4, fit(category, labelWidth - 14, 12), { anchor: 'end' }));
		let from = 0;
		input.series.forEach((s, i) => {
			const count = s.values[c] ?? 0;
			if (!totals[c] || count === 0) return;
			const share = (100 * count) / totals[c]!;
			const tone = toneOf(i);
			parts.push(rect(x(from), mid - 11, x(from + share) - x(from), 22, tone.fill, 'stroke="#ffffff"'));
			if (x(from + share) - x(from) > 18)
				parts.push(
					text((x(from) + x(from + share)) / 2, mid + 4, String(count), {
						size: 11,
						anchor: 'middle',
						fill: tone.text
					})
				);
			from += share;
		});
	});
	parts.push(
		...legend(
			input.series.map((s, i) => ({
				label: s.name,
				swatch: (lx: number, ly: number) =>
					rect(lx - 10, ly - 6, 20, 12, toneOf(i).fill, `stroke="${axisColour}" stroke-width="0.5"`)
			})),
			0,
			bottom + 30,
			width
		).parts
	);

	return {
		svg: svgDocument({ width, height }, input.title, locale, parts),
		table: {
			caption: input.title,
			columns: [m.dashboards_chart_item({}, { locale }), ...names, m.dashboards_chart_total({}, { locale })],
			rows: input.categories.map((category, c) => [
				category,
				...input.series.map((s) => String(s.values[c] ?? 0)),
				String(totals[c] ?? 0)
			])
		}
	};
}
