import {
	fit,
	formatMean,
	legend,
	legendRows,
	linear,
	localeOf,
	m,
	rect,
	round1,
	scaleAxisX,
	seriesColours,
	sortedScale,
	svgDocument,
	text,
	titleHeight,
	type Chart,
	type ChartOptions,
	type ScaleLevel
} from './render.ts';

const labelWidth = 180;
const barHeight = 12;

/**
 * Grouped horizontal bars: per category (a value) one bar per series (a perspective),
 * each labelled with its mean so the groups read without colour. Perspectives below
 * the anonymity threshold must be left out (or merged) by the caller.
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
	const scale = sortedScale(input.scale);
	const width = options?.width ?? 680;
	const groupHeight = Math.max(28, input.series.length * (barHeight + 3) + 14);
	const top = titleHeight(input.title, width) + 6;
	const bottom = top + Math.max(1, input.categories.length) * groupHeight;
	const names = input.series.map((s) => s.name);
	const height = bottom + 40 + legendRows(names, width) * 22 + 6;
	const lowest = (scale[0]?.rank ?? 1) - 1;
	const x = linear([lowest, scale.at(-1)?.rank ?? lowest + 1], [labelWidth, width - 50]);

	const parts = scaleAxisX(scale, x, top, bottom, labelWidth);
	input.categories.forEach((category, c) => {
		const groupTop = top + c * groupHeight + 7;
		parts.push(
			text(labelWidth - 8, top + c * groupHeight + groupHeight / 2 + 4, fit(category, labelWidth - 14, 12), {
				anchor: 'end'
			})
		);
		input.series.forEach((s, i) => {
			const value = s.values[c] ?? null;
			if (value === null) return;
			const y = groupTop + i * (barHeight + 3);
			const end = x(Math.max(lowest, value));
			parts.push(
				rect(x(lowest), y, end - x(lowest), barHeight, seriesColours[i % seriesColours.length]!),
				text(end + 5, y + barHeight - 2, formatMean(value, locale), { size: 10 })
			);
		});
	});
	parts.push(
		...legend(
			input.series.map((s, i) => ({
				label: s.name,
				swatch: (lx: number, ly: number) =>
					rect(lx - 10, ly - 6, 20, 12, seriesColours[i % seriesColours.length]!)
			})),
			0,
			bottom + 40,
			width
		).parts
	);

	return {
		svg: svgDocument({ width, height }, input.title, locale, parts),
		table: {
			caption: input.title,
			columns: [m.dashboards_chart_item({}, { locale }), ...names],
			rows: input.categories.map((category, c) => [
				category,
				...input.series.map((s) => {
					const v = s.values[c] ?? null;
					return v === null ? '—' : round1(v);
				})
			])
		}
	};
}
