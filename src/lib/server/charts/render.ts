import { createHash } from 'node:crypto';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	TitleComponent,
	VisualMapComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

echarts.use([
	BarChart,
	HeatmapChart,
	LineChart,
	ScatterChart,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	TitleComponent,
	VisualMapComponent,
	SVGRenderer
]);

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
	width?: number;
}

// Dark tones that keep at least 3:1 against white (WCAG 1.4.11), in an order that
// also differs in lightness, so neighbouring series stay apart in greyscale print.
export const seriesColours = ['#154273', '#a90061', '#275937', '#8a5a00', '#42145f', '#00689d', '#5c5c5c'];
export const textColour = '#1b1b1b';
export const axisColour = '#4b4b4b';
export const standardColour = '#1b1b1b';
export const ambitionColour = '#a90061';
export const symbols = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'];
export const fontFamily = 'sans-serif';

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

/** An axis from the lowest to the highest level, labelled with the scale's words. */
export function scaleAxis(scale: readonly ScaleLevel[], from: 'lowest' | 'belowLowest') {
	const levels = sortedScale(scale);
	const lowest = levels[0]?.rank ?? 0;
	const highest = levels.at(-1)?.rank ?? 1;
	const labels = new Map(levels.map((l) => [l.rank, l.label]));
	return {
		type: 'value' as const,
		min: from === 'lowest' ? lowest : lowest - 1,
		max: highest,
		interval: 1,
		axisLabel: {
			color: axisColour,
			fontFamily,
			fontSize: 11,
			width: 90,
			overflow: 'break' as const,
			formatter: (value: number) => labels.get(value) ?? ''
		},
		splitLine: { lineStyle: { color: '#d0d0d0' } },
		axisLine: { show: true, lineStyle: { color: axisColour } }
	};
}

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/**
 * Renders an ECharts option to SVG on the server: no animation, no interactivity
 * styles, no instance counters in class names (so the same data gives the same bytes),
 * and an accessible name.
 */
export function renderSvg(
	option: EChartsCoreOption,
	size: { width: number; height: number },
	title: string,
	locale: ChartLocale
): string {
	const chart = echarts.init(null, null, {
		renderer: 'svg',
		ssr: true,
		width: size.width,
		height: size.height
	});
	let svg: string;
	try {
		chart.setOption({
			animation: false,
			backgroundColor: '#ffffff',
			textStyle: { fontFamily, color: textColour },
			...option
		});
		svg = chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
	return svg
		.replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
		.replace(/ class="zr\d+-cls-\d+"/g, '')
		.replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
		.replace(/^<svg\b[^>]*>/, svgOpening(size.width, size.height, title, locale));
}

/** The opening of every chart's SVG: its size, and an accessible name and title. */
export function svgOpening(width: number, height: number, title: string, locale: ChartLocale): string {
	const label = escapeXml(m.dashboards_chart_aria({ title }, { locale }));
	return (
		`<svg role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
		`xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1">\n` +
		`<title>${escapeXml(title)}</title>`
	);
}

// Rendering a chart costs milliseconds (ECharts lays out text); the same figures give
// the same bytes, so recent charts are kept. Figures change only when an evaluation is
// finalised or an ambition set, so a dashboard mostly renders from here.
const cache = new Map<string, Chart>();
const cacheEntries = 400;

/** The chart for these inputs from the cache, else built and remembered. Treat the result as read-only. */
export function cachedChart(
	name: string,
	input: unknown,
	locale: ChartLocale,
	width: number | undefined,
	build: () => Chart
): Chart {
	const key = createHash('sha256')
		.update(`${name}\u0000${locale}\u0000${width ?? ''}\u0000${JSON.stringify(input)}`)
		.digest('base64');
	const hit = cache.get(key);
	if (hit) {
		cache.delete(key);
		cache.set(key, hit);
		return hit;
	}
	const chart = build();
	cache.set(key, chart);
	if (cache.size > cacheEntries) cache.delete(cache.keys().next().value!);
	return chart;
}

export function titleOption(title: string) {
	return {
		text: title,
		left: 0,
		top: 4,
		textStyle: {
			fontSize: 15,
			fontWeight: 'bold' as const,
			color: textColour,
			fontFamily,
			width: 600,
			overflow: 'break' as const
		}
	};
}

export function legendOption() {
	return { bottom: 4, left: 0, textStyle: { color: textColour, fontFamily, fontSize: 12 }, itemGap: 16 };
}

export { m };
