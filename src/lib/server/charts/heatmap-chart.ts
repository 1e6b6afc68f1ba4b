import { levelForMean } from '../../domain/dashboards/position.ts';
import {
	axisColour,
	cachedChart,
	escapeXml,
	fontFamily,
	formatMean,
	localeOf,
	m,
	round1,
	sortedScale,
	svgOpening,
	textColour,
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

/** Shortens a label to about `max` characters (the data table has it in full). */
function shorten(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Words in at most `maxLines` lines of about `width` characters; the last line shortened if needed. */
function wrap(text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && (line + ' ' + word).length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines.map((l) => shorten(l, width + 2));
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = shorten(`${kept[maxLines - 1]} ${lines[maxLines]}`, width);
	return kept;
}

const cellWidth = 92;
const cellHeight = 28;
const rowLabelWidth = 200;
const headerHeight = 64;
const legendHeight = 40;

/**
 * A grid of rows (teams) × columns (values): each cell coloured by its nearest scale
 * level and labelled with its mean, so it reads without colour too; empty without data.
 * Drawn as plain SVG rather than with ECharts: an institution has a hundred teams and
 * more, and a grid of rectangles needs no layout engine (well under a millisecond).
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
	return cachedChart('heatmap', input, locale, options?.width, () => {
		const scale = sortedScale(input.scale);
		const levelTones = tonesFor(scale.length);
		const width = Math.max(options?.width ?? 0, rowLabelWidth + input.columns.length * cellWidth + 10, 520);
		const gridBottom = headerHeight + input.rows.length * cellHeight;
		const height = gridBottom + legendHeight + 8;
		const font = `font-family="${fontFamily}"`;
		const parts: string[] = [svgOpening(width, height, input.title, locale)];
		parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
		parts.push(
			`<text x="0" y="20" ${font} font-size="15" font-weight="bold" fill="${textColour}">${escapeXml(input.title)}</text>`
		);
		input.columns.forEach((column, c) => {
			const x = rowLabelWidth + c * cellWidth + cellWidth / 2;
			const lines = wrap(column, 15, 2);
			lines.forEach((line, i) => {
				const y = headerHeight - 10 - (lines.length - 1 - i) * 13;
				parts.push(
					`<text x="${x}" y="${y}" ${font} font-size="11" text-anchor="middle" fill="${textColour}">${escapeXml(line)}</text>`
				);
			});
		});
		input.rows.forEach((row, r) => {
			const y = headerHeight + r * cellHeight;
			parts.push(
				`<text x="${rowLabelWidth - 8}" y="${y + cellHeight / 2 + 4}" ${font} font-size="12" text-anchor="end" fill="${textColour}">${escapeXml(shorten(row, 30))}</text>`
			);
			input.columns.forEach((_, c) => {
				const x = rowLabelWidth + c * cellWidth;
				const value = input.cells[r]?.[c] ?? null;
				if (value === null) {
					parts.push(
						`<rect x="${x + 1}" y="${y + 1}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="#ffffff" stroke="#d0d0d0"/>`
					);
					return;
				}
				const level = levelForMean(scale, value);
				const tone = levelTones[level ? scale.indexOf(level) : 0]!;
				parts.push(
					`<rect x="${x + 1}" y="${y + 1}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${tone.fill}" stroke="${axisColour}" stroke-opacity="0.25"/>`,
					`<text x="${x + cellWidth / 2}" y="${y + cellHeight / 2 + 4}" ${font} font-size="12" text-anchor="middle" fill="${tone.text}">${formatMean(value, locale)}</text>`
				);
			});
		});
		let x = 0;
		scale.forEach((level, i) => {
			const y = gridBottom + 16;
			parts.push(
				`<rect x="${x}" y="${y}" width="22" height="14" fill="${levelTones[i]!.fill}" stroke="${axisColour}" stroke-opacity="0.5"/>`,
				`<text x="${x + 28}" y="${y + 11}" ${font} font-size="12" fill="${textColour}">${escapeXml(level.label)}</text>`
			);
			x += 40 + level.label.length * 7;
		});
		parts.push('</svg>');
		return {
			svg: parts.join('\n'),
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
	});
}
