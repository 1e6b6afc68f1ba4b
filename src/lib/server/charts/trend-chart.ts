import {
	axisColour,
	gridColour,
	legend,
	legendRows,
	line,
	linear,
	localeOf,
	m,
	marker,
	markerShapes,
	n,
	round1,
	seriesColours,
	sortedScale,
	standardColour,
	svgDocument,
	text,
	titleHeight,
	wrap,
	type Chart,
	type ChartOptions,
	type ScaleLevel
} from './render.ts';

export interface TrendSeries {
	name: string;
	points: { x: string; y: number | null }[];
}

const left = 124;
const dashes = ['', '6 3', '2 3', '8 3 2 3'];

/**
 * Lines over time (one per value, say), each with its own colour, marker shape and dash
 * so they differ without colour; a gap where a moment has no figure. `standardRank`
 * draws the standard as a dotted line.
 */
export function trendChart(
	input: { title: string; series: TrendSeries[]; scale: ScaleLevel[]; standardRank?: number },
	options?: ChartOptions
): Chart {
	const locale = localeOf(options);
	const scale = sortedScale(input.scale);
	const width = options?.width ?? 680;
	const moments: string[] = [];
	for (const s of input.series) for (const p of s.points) if (!moments.includes(p.x)) moments.push(p.x);
	const valueAt = (s: TrendSeries, x: string) => s.points.find((p) => p.x === x)?.y ?? null;

	const top = titleHeight(input.title, width) + 10;
	const bottom = top + 200;
	const right = width - 30;
	const rotate = moments.length > 6;
	const axisSpace = rotate ? 60 : 30;
	const names = input.series.map((s) => s.name);
	const height = bottom + axisSpace + legendRows(names, width) * 22 + 6;
	const y = linear([scale[0]?.rank ?? 0, scale.at(-1)?.rank ?? 1], [bottom, top]);
	const step = moments.length > 1 ? (right - left - 30) / (moments.length - 1) : 0;
	const x = (i: number) => (moments.length > 1 ? left + 15 + i * step : (left + right) / 2);

	const parts: string[] = [];
	for (const level of scale) {
		parts.push(line(left, y(level.rank), right, y(level.rank), gridColour));
		wrap(level.label, left - 12, 11, 2).forEach((l, i, all) =>
			parts.push(
				text(left - 8, y(level.rank) + 4 + (i - (all.length - 1) / 2) * 13, l, {
					size: 11,
					anchor: 'end',
					fill: axisColour
				})
			)
		);
	}
	parts.push(line(left, top, left, bottom, axisColour), line(left, bottom, right, bottom, axisColour));
	moments.forEach((moment, i) => {
		parts.push(line(x(i), bottom, x(i), bottom + 4, axisColour));
		parts.push(
			rotate
				? text(x(i), bottom + 14, moment, { size: 11, anchor: 'end', fill: axisColour, rotate: -35 })
				: text(x(i), bottom + 17, moment, { size: 11, anchor: 'middle', fill: axisColour })
		);
	});
	if (input.standardRank !== undefined) {
		const sy = y(input.standardRank);
		parts.push(
			line(left, sy, right, sy, standardColour, 'stroke-width="1.5" stroke-dasharray="2 3"'),
			text(right, sy - 5, m.dashboards_chart_standard({}, { locale }), { size: 11, anchor: 'end' })
		);
	}
	input.series.forEach((s, i) => {
		const colour = seriesColours[i % seriesColours.length]!;
		const dash = dashes[i % dashes.length]!;
		let run: string[] = [];
		const flush = () => {
			if (run.length > 1)
				parts.push(
					`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
				);
			run = [];
		};
		moments.forEach((moment, j) => {
			const v = valueAt(s, moment);
			if (v === null) return flush();
			run.push(`${n(x(j))},${n(y(v))}`);
		});
		flush();
		moments.forEach((moment, j) => {
			const v = valueAt(s, moment);
			if (v !== null)
				parts.push(
					marker(
						markerShapes[i % markerShapes.length]!,
						x(j),
						y(v),
						5,
						colour,
						'stroke="#ffffff" stroke-width="1"'
					)
				);
		});
	});
	parts.push(
		...legend(
			input.series.map((s, i) => ({
				label: s.name,
				swatch: (lx: number, ly: number) =>
					line(
						lx - 10,
						ly,
						lx + 10,
						ly,
						seriesColours[i % seriesColours.length]!,
						`stroke-width="2"${dashes[i % dashes.length] ? ` stroke-dasharray="${dashes[i % dashes.length]}"` : ''}`
					) +
					marker(markerShapes[i % markerShapes.length]!, lx, ly, 5, seriesColours[i % seriesColours.length]!)
			})),
			0,
			bottom + axisSpace,
			width
		).parts
	);

	return {
		svg: svgDocument({ width, height }, input.title, locale, parts),
		table: {
			caption: input.title,
			columns: [m.dashboards_chart_moment({}, { locale }), ...names],
			rows: moments.map((moment) => [
				moment,
				...input.series.map((s) => {
					const v = valueAt(s, moment);
					return v === null ? '—' : round1(v);
				})
			])
		}
	};
}
