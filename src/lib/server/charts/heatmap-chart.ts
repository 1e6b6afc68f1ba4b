import { levelForMean } from '../../domain/dashboards/position.ts';
import {
	axisColour,
	fit,
	escapeXml,
	fontFamily,
	formatMean,
	legend,
	n,
	localeOf,
	m,
	rect,
	round1,
	sortedScale,
	svgDocument,
	text,
	textColour,
	titleHeight,
	wrap,
	type Chart,
	type ChartOptions,
	type ScaleLevel
} from './render.ts';

// Light to dark blue; text is dark on the light ones and white on the dark ones, at
// least 4.5:1 either way. A scale of n levels takes n tones spread over this list.
const tones = [
	{ fill: '#eef3fa', text: textColour },
	{ fill: '#cddcef', text: textColour },
	{ fill: '#9dbbe0', text: textColour },
	{ fill: '#6f9ad0', text: textColour },
	{ fill: '#2c5f9e', text: '#ffffff' },
	{ fill: '#154273', text: '#ffffff' }
];

function tonesFor(count: number) {
	if (count <= 1) return [tones[2]!];
	return Array.from({ length: count }, (_, i) => tones[Math.round((i * (tones.length - 1)) / (count - 1))]!);
}

const cellWidth = 92;
const cellHeight = 28;
const labelWidth = 200;

/**
 * A grid of rows (teams) × columns (values): each cell coloured by its nearest scale
 * level and labelled with its mean, so it reads without colour too; empty without data.
 */
export function heatmapChart(
	input: {
		title: string;
		rows: string[];
		columns: string[];
		cells: (number | null)[][];
		scale: ScaleLevel[];
	},
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	const scale = sortedScale(input.scale);
	const levelTones = tonesFor(scale.length);
	const width = Math.max(options?.width ?? 0, labelWidth + input.columns.length * cellWidth + 10, 520);
	const top = titleHeight(input.title, width) + 34;
	const bottom = top + input.rows.length * cellHeight;

	// Hundreds of cells: the shared attributes (font, anchor, outline) sit once on a group
	// and each cell carries only its place, tone and number, so a page stays small.
	const parts: string[] = [];
	input.columns.forEach((column, c) => {
		const cx = labelWidth + c * cellWidth + cellWidth / 2;
		const lines = wrap(column, cellWidth - 6, 11, 2);
		lines.forEach((l, i) =>
			parts.push(text(cx, top - 8 - (lines.length - 1 - i) * 13, l, { size: 11, anchor: 'middle' }))
		);
	});
	const size = `width="${cellWidth - 2}" height="${cellHeight - 2}"`;
	const labels: string[] = [];
	const empty: string[] = [];
	const filled: string[] = [];
	const numbers: string[] = [];
	input.rows.forEach((row, r) => {
		const y = top + r * cellHeight;
		labels.push(
			`<text x="${labelWidth - 8}" y="${n(y + cellHeight / 2 + 4)}">${escapeXml(fit(row, labelWidth - 14, 12))}</text>`
		);
		input.columns.forEach((_, c) => {
			const x = labelWidth + c * cellWidth;
			const value = input.cells[r]?.[c] ?? null;
			const place = `x="${n(x + 1)}" y="${n(y + 1)}" ${size}`;
			if (value === null) {
				empty.push(`<rect ${place}/>`);
				return;
			}
			const level = levelForMean(scale, value);
			const tone = levelTones[level ? scale.indexOf(level) : 0]!;
			filled.push(`<rect ${place} fill="${tone.fill}"/>`);
			const fill = tone.text === textColour ? '' : ` fill="${tone.text}"`;
			numbers.push(
				`<text x="${n(x + cellWidth / 2)}" y="${n(y + cellHeight / 2 + 4)}"${fill}>${formatMean(value, locale)}</text>`
			);
		});
	});
	if (labels.length)
		parts.push(
			`<g font-family="${fontFamily}" font-size="12" fill="${textColour}" text-anchor="end">${labels.join('')}</g>`
		);
	if (empty.length) parts.push(`<g fill="#ffffff" stroke="#d0d0d0">${empty.join('')}</g>`);
	if (filled.length) parts.push(`<g stroke="${axisColour}" stroke-opacity="0.25">${filled.join('')}</g>`);
	if (numbers.length)
		parts.push(
			`<g font-family="${fontFamily}" font-size="12" fill="${textColour}" text-anchor="middle">${numbers.join('')}</g>`
		);
	const key = legend(
		scale.map((level, i) => ({
			label: level.label,
			swatch: (lx: number, ly: number) =>
				rect(lx - 10, ly - 7, 20, 14, levelTones[i]!.fill, `stroke="${axisColour}" stroke-opacity="0.5"`)
		})),
		0,
		bottom + 14,
		width
	);
	parts.push(...key.parts);
	const height = bottom + 14 + key.height + 6;

	return {
		svg: svgDocument({ width, height }, input.title, locale, parts),
		table: {
			caption: input.title,
			columns: [m.dashboards_chart_item({}, { locale }), ...input.columns],
			rows: input.rows.map((row, r) => [
				row,
				...input.columns.map((_, c) => {
					const v = input.cells[r]?.[c] ?? null;
					return v === null ? '—' : round1(v);
				})
			])
		}
	};
}
