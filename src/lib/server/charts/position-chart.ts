import { levelForMean } from '../../domain/dashboards/position.ts';
import {
	ambitionColour,
	fit,
	formatMean,
	legend,
	legendRows,
	linear,
	localeOf,
	m,
	marker,
	rect,
	round1,
	scaleAxisX,
	seriesColours,
	sortedScale,
	standardColour,
	svgDocument,
	text,
	titleHeight,
	type Chart,
	type ChartOptions,
	type ScaleLevel
} from './render.ts';

export interface PositionRow {
	label: string;
	/** The mean rank, null when nothing was rated. */
	position: number | null;
	/** The rank of the standard level. */
	standard: number;
	/** The ambition's target rank, null when none was set. */
	ambition: number | null;
}

const rowHeight = 34;
const labelWidth = 180;

/**
 * Horizontal bars: where each value or standard stands (mean rank, labelled), with a
 * marker for the standard (an upright bar) and for the ambition (a diamond).
 */
export function positionChart(
	input: { title: string; rows: PositionRow[]; scale: ScaleLevel[] },
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	const scale = sortedScale(input.scale);
	const width = options?.width ?? 680;
	const names = {
		position: m.dashboards_chart_position({}, { locale }),
		standard: m.dashboards_chart_standard({}, { locale }),
		ambition: m.dashboards_chart_ambition({}, { locale }),
		noData: m.dashboards_chart_no_data({}, { locale })
	};
	const labelOf = (rank: number | null) =>
		rank === null ? '—' : (scale.find((l) => l.rank === rank)?.label ?? String(rank));

	const top = titleHeight(input.title, width) + 6;
	const bottom = top + Math.max(1, input.rows.length) * rowHeight;
	const legendLabels = [names.position, names.standard, names.ambition];
	const height = bottom + 40 + legendRows(legendLabels, width) * 22 + 6;
	const lowest = (scale[0]?.rank ?? 1) - 1;
	const x = linear([lowest, scale.at(-1)?.rank ?? lowest + 1], [labelWidth, width - 60]);

	const parts = scaleAxisX(scale, x, top, bottom, labelWidth);
	input.rows.forEach((row, i) => {
		const mid = top + i * rowHeight + rowHeight / 2;
		parts.push(text(labelWidth - 8, mid + 4, fit(row.label, labelWidth - 14, 12), { anchor: 'end' }));
		if (row.position === null) {
			parts.push(text(x(lowest) + 6, mid + 4, names.noData, { size: 11 }));
		} else {
			const end = x(Math.max(lowest, row.position));
			parts.push(
				rect(x(lowest), mid - 9, end - x(lowest), 18, seriesColours[0]!),
				text(end + 6, mid + 4, formatMean(row.position, locale), { size: 11 })
			);
		}
		parts.push(marker('bar', x(row.standard), mid, 8, standardColour));
		if (row.ambition !== null)
			parts.push(
				marker('diamond', x(row.ambition), mid, 7, ambitionColour, 'stroke="#ffffff" stroke-width="1.5"')
			);
	});
	const key = legend(
		[
			{ label: names.position, swatch: (lx, ly) => rect(lx - 10, ly - 6, 20, 12, seriesColours[0]!) },
			{ label: names.standard, swatch: (lx, ly) => marker('bar', lx, ly, 5, standardColour) },
			{ label: names.ambition, swatch: (lx, ly) => marker('diamond', lx, ly, 7, ambitionColour) }
		],
		0,
		bottom + 40,
		width
	);
	parts.push(...key.parts);

	return {
		svg: svgDocument({ width, height }, input.title, locale, parts),
		table: {
			caption: input.title,
			columns: [
				m.dashboards_chart_item({}, { locale }),
				m.dashboards_chart_mean({}, { locale }),
				names.position,
				names.standard,
				names.ambition
			],
			rows: input.rows.map((r) => [
				r.label,
				r.position === null ? '—' : round1(r.position),
				r.position === null ? names.noData : (levelForMean(scale, r.position)?.label ?? '—'),
				labelOf(r.standard),
				labelOf(r.ambition)
			])
		}
	};
}
