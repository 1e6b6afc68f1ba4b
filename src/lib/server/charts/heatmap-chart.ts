import { levelForMean } from '../../domain/dashboards/position.ts';
import {
	axisColour,
	fit,
	formatMean,
	legend,
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

	const parts: string[] = [];
	input.columns.forEach((column, c) => {
		const cx = labelWidth + c * cellWidth + cellWidth / 2;
		const lines = wrap(column, cellWidth - 6, 11, 2);
		lines.forEach((l, i) =>
			parts.push(text(cx, top - 8 - (lines.length - 1 - i) * 13, l, { size: 11, anchor: 'middle' }))
		);
	});
	input.rows.forEach((row, r) => {
		const y = top + r * cellHeight;
		parts.push(
			text(labelWidth - 8, y + cellHeight / 2 + 4, fit(row, labelWidth - 14, 12), { anchor: 'end' })
		);
		input.columns.forEach((_, c) => {
			const x = labelWidth + c * cellWidth;
			const value = input.cells[r]?.[c] ?? null;
			if (value === null) {
				parts.push(rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2, '#ffffff', 'stroke="#d0d0d0"'));
				return;
			}
			const level = levelForMean(scale, value);
			const tone = levelTones[level ? scale.indexOf(level) : 0]!;
			parts.push(
				rect(
					x + 1,
					y + 1,
					cellWidth - 2,
					cellHeight - 2,
					tone.fill,
					`stroke="${axisColour}" stroke-opacity="0.25"`
				),
				text(x + cellWidth / 2, y + cellHeight / 2 + 4, formatMean(value, locale), {
					anchor: 'middle',
					fill: tone.text
				})
			);
		});
	});
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
