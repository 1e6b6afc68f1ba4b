import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

/*
 * The SVG toolkit behind every chart. The charts are drawn here as plain SVG rather
 * than with ECharts' server-side renderer: ECharts needed 5–10 ms per chart on these
 * machines (its layout engine, not the drawing), a dashboard shows four, and the pages
 * must stay within twice their bare database read. A chart of rectangles, lines and
 * labels on a known scale needs no layout engine: this draws one in well under a
 * millisecond, byte for byte the same for the same data, without scripts, styles or
 * animation, so the same SVG works in the page, an e-mail and the PDF (Typst).
 * See docs/decisions/ for the record.
 */

/** The data behind a chart, as a table for screen readers, the PDF and anyone who prefers numbers. */
export interface ChartTable {
	caption: string;
	columns: string[];
	rows: (string | number)[][];
}

export interface Chart {
	/** A standalone, accessible SVG (role="img", <title>), the same in page, e-mail and PDF. */
	svg: string;
	table: ChartTable;
}

/** A level of the model version's rating scale. */
export interface ScaleLevel {
	rank: number;
	label: string;
}

export type ChartLocale = 'nl' | 'en';

export interface ChartOptions {
	/** Defaults to the request's locale. */
	locale?: ChartLocale;
	/** Width in pixels (the SVG scales down on small screens; this sets the proportions). */
	width?: number;
}

// Dark tones that keep at least 3:1 against white (WCAG 1.4.11), in an order that
// also differs in lightness, so neighbouring series stay apart in greyscale print.
export const seriesColours = ['#154273', '#a90061', '#275937', '#8a5a00', '#42145f', '#00689d', '#5c5c5c'];
export const textColour = '#1b1b1b';
export const axisColour = '#4b4b4b';
export const gridColour = '#d0d0d0';
export const standardColour = '#1b1b1b';
export const ambitionColour = '#a90061';
export const fontFamily = 'Arial, Helvetica, sans-serif';

export function localeOf(options: ChartOptions | undefined): ChartLocale {
	return options?.locale ?? (getLocale() === 'en' ? 'en' : 'nl');
}

const formats = {
	nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
};

/** A mean for display: one decimal, the locale's decimal sign. */
export function formatMean(value: number, locale: ChartLocale): string {
	return formats[locale].format(value);
}

/** A table cell for display: numbers in the locale's format, the rest as given. */
export function formatCell(cell: string | number, locale: ChartLocale = 'nl'): string {
	return typeof cell === 'number' ? formatMean(cell, locale) : cell;
}

/** One decimal, for tables (numbers stay numbers so spreadsheets and PDFs can use them). */
export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}

export function sortedScale(scale: readonly ScaleLevel[]): ScaleLevel[] {
	return [...scale].sort((a, b) => a.rank - b.rank);
}

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** A coordinate with at most one decimal, so the output is short and stable. */
export const n = (value: number): string => String(Math.round(value * 10) / 10);

/** The width of a text in pixels, estimated (a sans-serif letter is about 0.56 em on average). */
export function textWidth(text: string, fontSize: number): number {
	return text.length * fontSize * 0.56;
}

/** Shortens a text to fit `maxWidth` pixels, with an ellipsis (the data table has it in full). */
export function fit(text: string, maxWidth: number, fontSize: number): string {
	if (textWidth(text, fontSize) <= maxWidth) return text;
	const chars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.56)) - 1);
	return `${text.slice(0, chars).trimEnd()}…`;
}

/** Words over at most `maxLines` lines of `maxWidth` pixels; the last line shortened if needed. */
export function wrap(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && textWidth(candidate, fontSize) > maxWidth) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines.map((l) => fit(l, maxWidth, fontSize));
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = fit(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, maxWidth, fontSize);
	return kept;
}

export interface TextOptions {
	size?: number;
	anchor?: 'start' | 'middle' | 'end';
	weight?: 'bold';
	fill?: string;
	/** Degrees, around (x, y). */
	rotate?: number;
}

/** A <text> element (the content escaped). */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
	const size = options.size ?? 12;
	const attrs = [
		`x="${n(x)}"`,
		`y="${n(y)}"`,
		`font-family="${fontFamily}"`,
		`font-size="${size}"`,
		options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
		options.weight ? `font-weight="${options.weight}"` : '',
		`fill="${options.fill ?? textColour}"`,
		options.rotate ? `transform="rotate(${options.rotate} ${n(x)} ${n(y)})"` : ''
	].filter(Boolean);
	return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

export function rect(x: number, y: number, width: number, height: number, fill: string, extra = ''): string {
	return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(Math.max(0, height))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
	return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}"${extra ? ` ${extra}` : ''}/>`;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross' | 'bar';
export const markerShapes: MarkerShape[] = [
	'circle',
	'square',
	'triangle',
	'diamond',
	'triangle-down',
	'cross'
];

/** A point marker centred on (x, y) with radius r, so series differ in shape, not only in colour. */
export function marker(
	shape: MarkerShape,
	x: number,
	y: number,
	r: number,
	fill: string,
	extra = ''
): string {
	const tail = `fill="${fill}"${extra ? ` ${extra}` : ''}`;
	switch (shape) {
		case 'circle':
			return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${tail}/>`;
		case 'square':
			return rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, fill, extra);
		case 'triangle':
			return `<path d="M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y + r * 0.8)}L${n(x - r)} ${n(y + r * 0.8)}Z" ${tail}/>`;
		case 'triangle-down':
			return `<path d="M${n(x)} ${n(y + r)}L${n(x + r)} ${n(y - r * 0.8)}L${n(x - r)} ${n(y - r * 0.8)}Z" ${tail}/>`;
		case 'diamond':
			return `<path d="M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z" ${tail}/>`;
		case 'cross': {
			const a = r * 0.35;
			return `<path d="M${n(x - r)} ${n(y - a)}H${n(x - a)}V${n(y - r)}H${n(x + a)}V${n(y - a)}H${n(x + r)}V${n(y + a)}H${n(x + a)}V${n(y + r)}H${n(x - a)}V${n(y + a)}H${n(x - r)}Z" ${tail}/>`;
		}
		case 'bar':
			return rect(x - 2, y - r * 1.6, 4, r * 3.2, fill, extra);
	}
}

/** The opening of every chart's SVG: its size, and an accessible name and title. */
export function svgOpening(width: number, height: number, title: string, locale: ChartLocale): string {
	const label = escapeXml(m.dashboards_chart_aria({ title }, { locale }));
	return (
		`<svg role="img" aria-label="${label}" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" ` +
		`xmlns="http://www.w3.org/2000/svg" version="1.1">\n<title>${escapeXml(title)}</title>`
	);
}

/** A whole chart: background, title (wrapped over at most two lines) and the parts. */
export function svgDocument(
	size: { width: number; height: number },
	title: string,
	locale: ChartLocale,
	parts: string[]
): string {
	const titleLines = wrap(title, size.width - 8, 15, 2);
	return [
		svgOpening(size.width, size.height, title, locale),
		rect(0, 0, size.width, size.height, '#ffffff'),
		...titleLines.map((l, i) => text(0, 18 + i * 18, l, { size: 15, weight: 'bold' })),
		...parts,
		'</svg>'
	].join('\n');
}

/** Height the title takes (one or two lines). */
export function titleHeight(title: string, width: number): number {
	return wrap(title, width - 8, 15, 2).length > 1 ? 48 : 30;
}

export interface LegendItem {
	label: string;
	swatch: (x: number, y: number) => string;
}

/** Legend items flowing left to right, wrapping at `width`; returns the parts and the height used. */
export function legend(
	items: LegendItem[],
	x0: number,
	y0: number,
	width: number
): { parts: string[]; height: number } {
	const parts: string[] = [];
	let x = x0;
	let y = y0;
	for (const item of items) {
		const label = fit(item.label, width - 30, 12);
		const itemWidth = 30 + textWidth(label, 12) + 18;
		if (x > x0 && x + itemWidth > x0 + width) {
			x = x0;
			y += 22;
		}
		parts.push(item.swatch(x + 10, y + 7), text(x + 26, y + 11, label));
		x += itemWidth;
	}
	return { parts, height: items.length ? y - y0 + 22 : 0 };
}

/** How many rows a legend of these labels takes at `width` (to size the chart first). */
export function legendRows(labels: string[], width: number): number {
	if (labels.length === 0) return 0;
	let rows = 1;
	let x = 0;
	for (const label of labels) {
		const itemWidth = 30 + textWidth(fit(label, width - 30, 12), 12) + 18;
		if (x > 0 && x + itemWidth > width) {
			rows++;
			x = 0;
		}
		x += itemWidth;
	}
	return rows;
}

/** A linear scale from a domain onto pixels. */
export function linear(domain: [number, number], range: [number, number]): (value: number) => number {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	const span = d1 - d0 || 1;
	return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/**
 * A horizontal axis along the rating scale below a plot: a grid line per level and the
 * level's words under it (wrapped).
 */
export function scaleAxisX(
	scale: ScaleLevel[],
	x: (rank: number) => number,
	top: number,
	bottom: number,
	left: number
): string[] {
	const parts = [line(left, bottom, x(scale.at(-1)?.rank ?? 0), bottom, axisColour)];
	const slot = scale.length > 1 ? Math.abs(x(scale[1]!.rank) - x(scale[0]!.rank)) - 6 : 120;
	for (const level of scale) {
		const px = x(level.rank);
		parts.push(line(px, top, px, bottom, gridColour));
		wrap(level.label, Math.max(50, slot), 11, 2).forEach((l, i) =>
			parts.push(text(px, bottom + 15 + i * 13, l, { size: 11, anchor: 'middle', fill: axisColour }))
		);
	}
	return parts;
}

export { m };
