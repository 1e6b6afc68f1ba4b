import { groupPerspectives } from '../../domain/anonymity.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';
import {
	levelForMean,
	meanRank,
	nearestLevel,
	shownSeparately,
	versusAmbition,
	versusStandard,
	type VersusAmbition,
	type VersusStandard
} from '../../domain/dashboards/position.ts';
import {
	distributionChart,
	heatmapChart,
	perspectiveChart,
	positionChart,
	trendChart,
	type Chart,
	type ChartLocale,
	type ScaleLevel
} from '../charts/index.ts';
import { m } from '../../paraglide/messages.js';
import type {
	EvaluationFigure,
	InstitutionDashboardData,
	NetworkDashboardData,
	PositionRow,
	TeamDashboardData
} from './dashboard.queries.ts';

// Shapes the query results into what a page shows: rows with words, and charts with
// their tables. Pure: no database, no authorization.

type Perspective = 'student' | 'teacher' | 'work_field' | 'management' | 'board' | 'support' | 'external';
const perspectiveOrder: Perspective[] = [
	'student',
	'teacher',
	'work_field',
	'management',
	'board',
	'support',
	'external'
];

export function perspectiveLabel(p: Perspective, locale: ChartLocale): string {
	const labels: Record<Perspective, () => string> = {
		student: () => m.dashboards_perspective_student({}, { locale }),
		teacher: () => m.dashboards_perspective_teacher({}, { locale }),
		work_field: () => m.dashboards_perspective_work_field({}, { locale }),
		management: () => m.dashboards_perspective_management({}, { locale }),
		board: () => m.dashboards_perspective_board({}, { locale }),
		support: () => m.dashboards_perspective_support({}, { locale }),
		external: () => m.dashboards_perspective_external({}, { locale })
	};
	return labels[p]();
}

const dateFormats = {
	nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
	en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
};

/** A calendar date (yyyy-mm-dd) in words. */
export function formatDay(date: string | null, locale: ChartLocale): string {
	if (!date) return '—';
	return dateFormats[locale].format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export interface ScaleInfo {
	levels: ScaleLevel[];
	standardRank: number;
}

export function scaleOf(doc: ModelDocument | undefined): ScaleInfo {
	const levels = (doc?.ratingScale.levels ?? []).map((l) => ({ rank: l.rank, label: l.label }));
	const standardRank =
		doc?.ratingScale.levels.find((l) => l.key === doc.ratingScale.standardLevelKey)?.rank ?? 0;
	return { levels, standardRank };
}

/** One value or standard: where the subject stands, in figures and words. */
export interface PositionLine {
	key: string;
	name: string;
	mean: number | null;
	positionLabel: string | null;
	versusStandard: VersusStandard | null;
	ambitionLabel: string | null;
	ambitionText: string | null;
	versusAmbition: VersusAmbition | null;
	respondents: number;
	heldOn: string | null;
	evaluationId: string | null;
}

interface AmbitionLike {
	targetKind: 'value' | 'standard';
	targetKey: string;
	rank: number;
	text: string;
}

function positionLines(
	items: { key: string; name: string }[],
	positions: PositionRow[],
	ambitions: AmbitionLike[],
	kind: 'value' | 'standard',
	scale: ScaleInfo
): PositionLine[] {
	return items.map((item) => {
		const p = positions.find((x) => x.kind === kind && x.key === item.key);
		const ambition = ambitions.find((a) => a.targetKind === kind && a.targetKey === item.key) ?? null;
		const level = p ? nearestLevel(scale.levels, p.rankSum, p.ratedCount) : null;
		return {
			key: item.key,
			name: item.name,
			mean: p ? meanRank(p.rankSum, p.ratedCount) : null,
			positionLabel: level?.label ?? null,
			versusStandard: versusStandard(level?.rank ?? null, p?.standardRank ?? scale.standardRank),
			ambitionLabel: ambition ? (scale.levels.find((l) => l.rank === ambition.rank)?.label ?? null) : null,
			ambitionText: ambition?.text ?? null,
			versusAmbition: versusAmbition(level?.rank ?? null, ambition?.rank ?? null),
			respondents: p?.respondents ?? 0,
			heldOn: p?.heldOn ?? null,
			evaluationId: p?.evaluationId ?? null
		};
	});
}

function positionChartOf(
	title: string,
	lines: PositionLine[],
	ambitions: AmbitionLike[],
	kind: 'value' | 'standard',
	scale: ScaleInfo,
	locale: ChartLocale
): Chart {
	return positionChart(
		{
			title,
			rows: lines.map((l) => ({
				label: l.name,
				position: l.mean,
				standard: scale.standardRank,
				ambition: ambitions.find((a) => a.targetKind === kind && a.targetKey === l.key)?.rank ?? null
			})),
			scale: scale.levels
		},
		{ locale }
	);
}

/**
 * Perspectives shown separately in one evaluation (the rule is `groupPerspectives`). A
 * perspective's size is its smallest number of respondents on any value it answered, so
 * every cell shown has at least that many.
 */
export function perspectiveGroups(
	scores: { perspective: Perspective; respondents: number }[],
	threshold: number
): { shown: Perspective[]; merged: Perspective[] } {
	const size = new Map<Perspective, number>();
	for (const s of scores) {
		if (s.respondents <= 0) continue;
		size.set(s.perspective, Math.min(size.get(s.perspective) ?? Infinity, s.respondents));
	}
	return groupPerspectives(size, threshold, perspectiveOrder);
}

function valuesOf(doc: ModelDocument | undefined) {
	return (doc?.values ?? []).map((v) => ({ key: v.key, name: v.name }));
}

function standardsOf(doc: ModelDocument | undefined, level: 'team' | 'institution') {
	return (doc?.standards ?? [])
		.filter((s) => s.levelKey === level)
		.map((s) => ({ key: s.key, name: s.title }));
}

/** Unique x labels for evaluations: the date, with the title when two share a date. */
function momentLabels(evaluations: { id: string; title: string; heldOn: string }[], locale: ChartLocale) {
	const labels = new Map<string, string>();
	const seen = new Map<string, number>();
	for (const e of evaluations) {
		const day = formatDay(e.heldOn, locale);
		const n = (seen.get(day) ?? 0) + 1;
		seen.set(day, n);
		labels.set(e.id, n === 1 ? day : `${day} (${n})`);
	}
	return labels;
}

// ---------------------------------------------------------------- team

export function teamView(data: TeamDashboardData, locale: ChartLocale) {
	const latest = data.evaluations.at(-1) ?? null;
	const doc =
		data.models.get(latest?.modelVersionId ?? '') ?? data.models.get(data.positions[0]?.modelVersionId ?? '');
	const scale = scaleOf(doc);
	const values = positionLines(valuesOf(doc), data.positions, data.ambitions, 'value', scale);
	const standards = positionLines(
		standardsOf(doc, 'team'),
		data.positions,
		data.ambitions,
		'standard',
		scale
	);
	const valueNames = new Map(values.map((v) => [v.key, v.name]));

	const charts: {
		values: Chart | null;
		standards: Chart | null;
		trend: Chart | null;
		perspectives: Chart | null;
	} = {
		values: null,
		standards: null,
		trend: null,
		perspectives: null
	};
	if (data.positions.length > 0) {
		charts.values = positionChartOf(
			m.dashboards_team_values_chart({}, { locale }),
			values,
			data.ambitions,
			'value',
			scale,
			locale
		);
		const rated = standards.filter(
			(s) =>
				s.mean !== null || data.ambitions.some((a) => a.targetKind === 'standard' && a.targetKey === s.key)
		);
		if (rated.length > 0)
			charts.standards = positionChartOf(
				m.dashboards_team_standards_chart({}, { locale }),
				rated,
				data.ambitions,
				'standard',
				scale,
				locale
			);
	}

	const moments = momentLabels(data.evaluations, locale);
	if (data.evaluations.length > 0) {
		charts.trend = trendChart(
			{
				title: m.dashboards_team_trend_chart({}, { locale }),
				series: values.map((v) => ({
					name: v.name,
					points: data.evaluations.map((e) => {
						const rows = data.scores.filter((s) => s.evaluationId === e.id && s.key === v.key);
						const rated = rows.reduce((n, s) => n + s.ratedCount, 0);
						const sum = rows.reduce((n, s) => n + s.rankSum, 0);
						return { x: moments.get(e.id)!, y: meanRank(sum, rated) };
					})
				})),
				scale: scale.levels,
				standardRank: scale.standardRank
			},
			{ locale }
		);
	}

	let perspectives: {
		evaluation: { id: string; title: string; heldOn: string } | null;
		shown: string[];
		merged: string[];
	} = {
		evaluation: null,
		shown: [],
		merged: []
	};
	if (latest) {
		const rows = data.scores.filter((s) => s.evaluationId === latest.id);
		const groups = perspectiveGroups(rows, data.threshold);
		perspectives = {
			evaluation: { id: latest.id, title: latest.title, heldOn: latest.heldOn },
			shown: groups.shown.map((p) => perspectiveLabel(p, locale)),
			merged: groups.merged.map((p) => perspectiveLabel(p, locale))
		};
		const keys = values.filter((v) => rows.some((r) => r.key === v.key)).map((v) => v.key);
		const meanOf = (key: string, which: Perspective[] | null) => {
			const part = rows.filter((r) => r.key === key && (which === null || which.includes(r.perspective)));
			return meanRank(
				part.reduce((n, r) => n + r.rankSum, 0),
				part.reduce((n, r) => n + r.ratedCount, 0)
			);
		};
		if (keys.length > 0 && groups.shown.length > 0) {
			const series = [
				{ name: m.dashboards_perspective_all({}, { locale }), values: keys.map((k) => meanOf(k, null)) },
				...groups.shown.map((p) => ({
					name: perspectiveLabel(p, locale),
					values: keys.map((k) => meanOf(k, [p]))
				}))
			];
			if (groups.merged.length > 0)
				series.push({
					name: m.dashboards_perspective_other({}, { locale }),
					values: keys.map((k) => meanOf(k, groups.merged))
				});
			charts.perspectives = perspectiveChart(
				{
					title: m.dashboards_team_perspectives_chart({ date: formatDay(latest.heldOn, locale) }, { locale }),
					categories: keys.map((k) => valueNames.get(k) ?? k),
					series,
					scale: scale.levels
				},
				{ locale }
			);
		}
	}

	return {
		team: data.team,
		threshold: data.threshold,
		values,
		standards: standards.filter((s) => s.mean !== null),
		charts,
		perspectives,
		actions: data.actions,
		evaluations: [...data.evaluations]
			.reverse()
			.map((e) => ({ id: e.id, title: e.title, heldOn: e.heldOn, instrumentName: e.instrumentName }))
	};
}

// ---------------------------------------------------------------- institution

export function institutionView(data: InstitutionDashboardData, locale: ChartLocale) {
	const doc = data.models.get(data.modelVersionId ?? '') ?? data.models.values().next().value;
	const scale = scaleOf(doc);
	const values = valuesOf(doc);
	// Looked up by key rather than searched: a page has teams × values cells.
	const positionOf = new Map(data.teamPositions.map((p) => [`${p.teamId}|${p.key}`, p]));
	const cells = data.teams.map((t) =>
		values.map((v) => {
			const p = positionOf.get(`${t.id}|${v.key}`);
			return p ? meanRank(p.rankSum, p.ratedCount) : null;
		})
	);
	const heatmap =
		data.teams.length > 0 && values.length > 0
			? heatmapChart(
					{
						title: m.dashboards_institution_heatmap_chart({}, { locale }),
						rows: data.teams.map((t) => t.name),
						columns: values.map((v) => v.name),
						cells,
						scale: scale.levels
					},
					{ locale }
				)
			: null;

	const own = positionLines(values, data.ownPositions, data.ambitions, 'value', scale);
	const ownChart =
		data.ownPositions.length > 0
			? positionChartOf(
					m.dashboards_institution_own_chart({}, { locale }),
					own,
					data.ambitions,
					'value',
					scale,
					locale
				)
			: null;

	// Coverage: per team of the page (and the institution itself) the years each instrument was used.
	const years = [...new Set(data.coverage.map((c) => c.year))].sort();
	const yearsOf = new Map<string, number[]>();
	for (const c of data.coverage) {
		const key = `${c.subjectId}|${c.instrumentTypeId}`;
		yearsOf.set(key, [...(yearsOf.get(key) ?? []), c.year]);
	}
	const subjects = [
		{ id: data.institution.id, name: m.dashboards_institution_itself({}, { locale }) },
		...data.teams
	];
	const coverage = {
		instruments: data.instruments,
		years,
		rows: subjects
			.map((s) => ({
				id: s.id,
				name: s.name,
				isTeam: s.id !== data.institution.id,
				cells: data.instruments.map((i) => (yearsOf.get(`${s.id}|${i.id}`) ?? []).sort().join(', '))
			}))
			.filter((row) => row.isTeam || row.cells.some((c) => c !== '')),
		teamsWithout: data.teamsWithoutCoverage
	};

	return {
		institution: data.institution,
		filters: data.filters,
		options: data.options,
		page: data.page,
		teamCount: data.teamCount,
		teamsWithPositions: data.teamsWithPositions,
		heatmap,
		// Names and ids only: the figures are in the heatmap and its table.
		teams: data.teams,
		values,
		own,
		ownChart,
		coverage,
		actions: data.actions
	};
}

// ---------------------------------------------------------------- network

/** Teams per value and level, summed; rows for values with fewer teams than the threshold are left out. */
function distributionRows(
	rows: { valueKey: string; positionRank: number; standardRank: number; teams: number }[],
	values: { key: string; name: string }[],
	scale: ScaleInfo,
	threshold: number
) {
	return values.map((v) => {
		const part = rows.filter((r) => r.valueKey === v.key);
		const total = part.reduce((n, r) => n + r.teams, 0);
		const perLevel = scale.levels.map((l) =>
			part.filter((r) => r.positionRank === l.rank).reduce((n, r) => n + r.teams, 0)
		);
		const versus = { below: 0, at: 0, above: 0 };
		for (const r of part) versus[versusStandard(r.positionRank, r.standardRank)!] += r.teams;
		return { key: v.key, name: v.name, total, perLevel, versus, shown: shownSeparately(total, threshold) };
	});
}

export function networkView(data: NetworkDashboardData, locale: ChartLocale) {
	const doc = data.model?.document;
	const scale = scaleOf(doc);
	const values = valuesOf(doc);
	const overall = distributionRows(data.distribution, values, scale, data.threshold);
	const shownRows = overall.filter((r) => r.shown);
	const chart =
		shownRows.length > 0
			? distributionChart(
					{
						title: m.dashboards_network_distribution_chart({}, { locale }),
						categories: shownRows.map((r) => r.name),
						series: scale.levels.map((l, i) => ({
							name: l.label,
							values: shownRows.map((r) => r.perLevel[i]!)
						}))
					},
					{ locale }
				)
			: null;

	// Institutions that published, by name (alphabetically), each with its own frozen summary.
	const institutions = data.published.map((inst) => ({
		id: inst.id,
		name: inst.name,
		publicationId: inst.publicationId
	}));

	// Instrument use per year: built-in instruments by name, institutions' own ones together.
	const years = [...new Set(data.usage.map((u) => u.year))].sort();
	const ownName = m.dashboards_network_own_instruments({}, { locale });
	const byInstrument = new Map<
		string,
		{ name: string; builtIn: boolean; perYear: Map<number, { evaluations: number; institutions: number }> }
	>();
	for (const u of data.usage) {
		const id = u.builtIn ? u.instrumentTypeId : 'own';
		const entry = byInstrument.get(id) ?? {
			name: u.builtIn ? u.name : ownName,
			builtIn: u.builtIn,
			perYear: new Map()
		};
		const cell = entry.perYear.get(u.year) ?? { evaluations: 0, institutions: 0 };
		cell.evaluations += u.evaluations;
		cell.institutions += u.institutions;
		entry.perYear.set(u.year, cell);
		byInstrument.set(id, entry);
	}
	const instruments = [...byInstrument.values()]
		.sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name, 'nl'))
		.map((i) => ({ name: i.name, perYear: years.map((y) => i.perYear.get(y)?.evaluations ?? 0) }));

	return {
		threshold: data.threshold,
		// Teams with a position on the value most often evaluated (a team counts once).
		totals: { institutions: data.totals.institutions, teams: Math.max(0, ...overall.map((v) => v.total)) },
		levels: scale.levels,
		values: overall,
		chart,
		institutions,
		years,
		instruments
	};
}

// ---------------------------------------------------------------- compare

export interface CompareSide {
	id: string;
	title: string;
	heldOn: string | null;
	status: string;
	modelVersionId: string;
}

export function compareView(
	sides: { a: CompareSide; b: CompareSide; figuresA: EvaluationFigure[]; figuresB: EvaluationFigure[] },
	doc: ModelDocument | undefined,
	level: 'team' | 'institution',
	locale: ChartLocale
) {
	const scale = scaleOf(doc);
	const line = (kind: 'value' | 'standard', item: { key: string; name: string }) => {
		const fa = sides.figuresA.find((f) => f.kind === kind && f.key === item.key);
		const fb = sides.figuresB.find((f) => f.kind === kind && f.key === item.key);
		const a = fa ? meanRank(fa.rankSum, fa.ratedCount) : null;
		const b = fb ? meanRank(fb.rankSum, fb.ratedCount) : null;
		const change = a !== null && b !== null ? Math.round((b - a) * 10) / 10 : null;
		return {
			key: item.key,
			name: item.name,
			a,
			b,
			levelA: levelForMean(scale.levels, a)?.label ?? null,
			levelB: levelForMean(scale.levels, b)?.label ?? null,
			change,
			direction:
				change === null
					? null
					: change > 0
						? ('up' as const)
						: change < 0
							? ('down' as const)
							: ('same' as const)
		};
	};
	const values = valuesOf(doc)
		.map((v) => line('value', v))
		.filter((l) => l.a !== null || l.b !== null);
	const standards = standardsOf(doc, level)
		.map((s) => line('standard', s))
		.filter((l) => l.a !== null || l.b !== null);
	const nameA = `${sides.a.title} (${formatDay(sides.a.heldOn, locale)})`;
	const nameB = `${sides.b.title} (${formatDay(sides.b.heldOn, locale)})`;
	const chart =
		values.length > 0
			? perspectiveChart(
					{
						title: m.dashboards_compare_chart({}, { locale }),
						categories: values.map((v) => v.name),
						series: [
							{ name: nameA, values: values.map((v) => v.a) },
							{ name: nameB, values: values.map((v) => v.b) }
						],
						scale: scale.levels
					},
					{ locale }
				)
			: null;
	return { a: sides.a, b: sides.b, values, standards, chart };
}
