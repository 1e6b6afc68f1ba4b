// Server-rendered charts (ECharts → SVG): the same chart in page, e-mail and PDF, each
// with the table that carries its data.
export { positionChart, type PositionRow } from './position-chart.ts';
export { trendChart, type TrendSeries } from './trend-chart.ts';
export { perspectiveChart } from './perspective-chart.ts';
export { heatmapChart } from './heatmap-chart.ts';
export { distributionChart } from './distribution-chart.ts';
export {
	formatCell,
	formatMean,
	type Chart,
	type ChartTable,
	type ChartLocale,
	type ScaleLevel
} from './render.ts';
