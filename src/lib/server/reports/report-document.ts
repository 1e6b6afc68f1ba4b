import { m } from '../../paraglide/messages.js';
import type { PerspectiveGroup } from './anonymity.ts';
import { medianRank, shownGroups, type FindingKind, type ReportData } from './report-data.ts';
import type { ReportBlock, ReportDocument, ReportTable } from './report-template.ts';

export type Locale = 'nl' | 'en';

/** A chart as the charts module returns it: the SVG and its data as a table. */
export interface ChartOutput {
	svg: string;
	table: { caption: string; columns: string[]; rows: (string | number)[][] };
}

/** Charts for the report; each may be absent (no data, or no chart function). */
export interface ReportCharts {
	overview?: ChartOutput | null;
	perValue?: Map<string, ChartOutput[]>;
}

const findingKinds: FindingKind[] = ['strength', 'concern', 'good_practice', 'risk'];

export function perspectiveGroupLabel(group: PerspectiveGroup, locale: Locale): string {
	const o = { locale };
	switch (group) {
		case 'student':
			return m.reports_perspective_student({}, o);
		case 'teacher':
			return m.reports_perspective_teacher({}, o);
		case 'work_field':
			return m.reports_perspective_work_field({}, o);
		case 'management':
			return m.reports_perspective_management({}, o);
		case 'board':
			return m.reports_perspective_board({}, o);
		case 'support':
			return m.reports_perspective_support({}, o);
		case 'external':
			return m.reports_perspective_external({}, o);
		case 'other':
			return m.reports_perspective_other({}, o);
	}
}

export function evaluationStatusLabel(status: ReportData['evaluation']['status'], locale: Locale): string {
	const o = { locale };
	return {
		planned: m.reports_status_planned,
		preparation: m.reports_status_preparation,
		execution: m.reports_status_execution,
		reporting: m.reports_status_reporting,
		finalised: m.reports_status_finalised
	}[status]({}, o);
}

export function actionStatusLabel(status: ReportData['actions'][number]['status'], locale: Locale): string {
	const o = { locale };
	return {
		open: m.reports_action_status_open,
		in_progress: m.reports_action_status_in_progress,
		done: m.reports_action_status_done,
		cancelled: m.reports_action_status_cancelled
	}[status]({}, o);
}

function findingKindLabel(kind: FindingKind, locale: Locale): string {
	const o = { locale };
	return {
		strength: m.reports_finding_strength,
		concern: m.reports_finding_concern,
		good_practice: m.reports_finding_good_practice,
		risk: m.reports_finding_risk
	}[kind]({}, o);
}

/** A date as `23 november 2026` (nl) or `23 November 2026` (en). */
export function formatDate(value: string | Date | null, locale: Locale): string {
	if (!value) return '—';
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	}).format(date);
}

/** Plain text as paragraphs: an empty line starts a new one. */
function paragraphs(text: string): ReportBlock[] {
	return text
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => ({ kind: 'paragraph', text: p }));
}

function percent(part: number, whole: number): string {
	return whole ? `${part} (${Math.round((part / whole) * 100)}%)` : '0';
}

function chartBlocks(chart: ChartOutput, index: number, locale: Locale): ReportBlock {
	const caption = chart.table.caption;
	return {
		kind: 'figure',
		file: `charts/${index}.svg`,
		alt: `${caption}. ${m.reports_pdf_chart_table_note({}, { locale })}`,
		caption,
		table: {
			...chart.table,
			rows: chart.table.rows.map((r) =>
				r.map((c) => (typeof c === 'number' ? numberFormat[locale].format(c) : c))
			),
			numeric: numericColumns(chart.table.rows)
		}
	};
}

const numberFormat = {
	nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
};

function numericColumns(rows: (string | number)[][]): number[] {
	const first = rows[0];
	if (!first) return [];
	return first.flatMap((_, i) => (rows.every((r) => typeof r[i] === 'number') ? [i] : []));
}

/**
 * The report as Typst data: blocks in reading order (cover, scope, positions and findings
 * per value, capacities, agenda, participants) and the chart SVGs they refer to.
 */
export function buildReportDocument(
	data: ReportData,
	locale: Locale,
	charts: ReportCharts = {},
	now = new Date()
): { document: ReportDocument; svgs: string[] } {
	const o = { locale };
	const ev = data.evaluation;
	const doc = data.model.document;
	const svgs: string[] = [];
	const figure = (chart: ChartOutput): ReportBlock => {
		svgs.push(chart.svg);
		return chartBlocks(chart, svgs.length, locale);
	};
	const draft = ev.status !== 'finalised';
	const blocks: ReportBlock[] = [];

	// Cover
	blocks.push({ kind: 'title', text: ev.title, subtitle: m.reports_pdf_kind({}, o) });
	if (draft)
		blocks.push({
			kind: 'mark',
			text: `${m.reports_pdf_concept({}, o)} — ${m.reports_pdf_concept_note({}, o)}`
		});
	if (doc.exampleContent) blocks.push({ kind: 'mark', text: m.reports_pdf_example_note({}, o) });
	const modelLabel =
		m.reports_pdf_model_version({ name: doc.name, number: data.model.number }, o) +
		(doc.exampleContent ? ` (${m.reports_pdf_example_content({}, o)})` : '');
	const cover: [string, string][] = [
		[m.reports_pdf_cover_instrument({}, o), data.instrumentName],
		[m.reports_pdf_cover_institution({}, o), data.institutionName],
		data.teamName
			? [m.reports_pdf_cover_team({}, o), data.teamName]
			: [m.reports_pdf_cover_subject({}, o), m.reports_pdf_subject_institution({}, o)],
		[
			m.reports_pdf_cover_period({}, o),
			`${formatDate(ev.startsOn, locale)} – ${formatDate(ev.endsOn, locale)}`
		],
		[m.reports_pdf_cover_model({}, o), modelLabel],
		[m.reports_pdf_cover_status({}, o), evaluationStatusLabel(ev.status, locale)],
		[
			m.reports_pdf_cover_revision({}, o),
			ev.revisionOf ? m.reports_pdf_revision_of({ revision: ev.revision }, o) : String(ev.revision)
		]
	];
	if (ev.finalisedAt) cover.push([m.reports_pdf_cover_finalised({}, o), formatDate(ev.finalisedAt, locale)]);
	cover.push([m.reports_pdf_cover_generated({}, o), formatDate(now, locale)]);
	blocks.push({ kind: 'terms', items: cover });

	// Scope
	const valueNames = new Map(doc.values.map((v) => [v.key, v.name]));
	blocks.push({ kind: 'heading', level: 1, text: m.reports_pdf_scope({}, o) });
	blocks.push({
		kind: 'paragraph',
		text: ev.scopeAll ? m.reports_pdf_scope_all({}, o) : m.reports_pdf_scope_chosen({}, o)
	});
	blocks.push({
		kind: 'table',
		table: {
			caption: m.reports_pdf_scope_caption({}, o),
			columns: [m.reports_pdf_col_standard({}, o), m.reports_pdf_col_values({}, o)],
			rows: data.standards.map((s) => [s.title, s.valueKeys.map((k) => valueNames.get(k) ?? k).join(', ')])
		}
	});
	if (ev.plan.trim()) {
		blocks.push({ kind: 'heading', level: 2, text: m.reports_pdf_plan({}, o) });
		blocks.push(...paragraphs(ev.plan));
	}

	// Positions and findings per value
	const scale = doc.ratingScale;
	const valuesInScope = doc.values.filter((v) => data.standards.some((s) => s.valueKeys.includes(v.key)));
	const findingsByValue = groupFindings(data, new Set(valuesInScope.map((v) => v.key)));
	blocks.push({ kind: 'heading', level: 1, text: m.reports_pdf_positions({}, o) });
	blocks.push({ kind: 'paragraph', text: m.reports_pdf_positions_intro({}, o) });
	if (charts.overview) blocks.push(figure(charts.overview));
	for (const value of valuesInScope) {
		blocks.push({ kind: 'heading', level: 2, text: value.name });
		const standards = data.standards.filter((s) => s.valueKeys.includes(value.key));
		blocks.push({
			kind: 'table',
			table: {
				caption: m.reports_pdf_position_caption({ value: value.name }, o),
				columns: [
					m.reports_pdf_col_standard({}, o),
					...scale.levels.map((l) => l.label),
					scale.notRatedLabel,
					m.reports_pdf_col_meets({}, o),
					m.reports_pdf_col_median({}, o)
				],
				rows: standards.map((s) => {
					const median = medianRank(s.ranks);
					const rated = s.ranks.length;
					return [
						s.title,
						...scale.levels.map((l) => s.counts[l.key] ?? 0),
						s.notRated,
						percent(s.meets, rated),
						median === null ? '—' : (scale.levels.find((l) => l.rank === median)?.label ?? String(median))
					];
				}),
				numeric: scale.levels.map((_, i) => i + 1).concat([scale.levels.length + 1])
			}
		});
		for (const chart of charts.perValue?.get(value.key) ?? []) blocks.push(figure(chart));
		blocks.push(...findingBlocks(findingsByValue.get(value.key), locale));
	}
	const general = findingsByValue.get(null);
	if (general?.length) {
		blocks.push({ kind: 'heading', level: 2, text: m.reports_pdf_general({}, o) });
		blocks.push({ kind: 'paragraph', text: m.reports_pdf_general_intro({}, o) });
		blocks.push(...findingBlocks(general, locale));
	}

	// Capacities
	blocks.push({ kind: 'heading', level: 1, text: m.reports_pdf_capacities({}, o) });
	blocks.push({ kind: 'paragraph', text: m.reports_pdf_capacities_intro({}, o) });
	blocks.push({
		kind: 'table',
		table: {
			caption: m.reports_pdf_capacities_caption({}, o),
			columns: [
				m.reports_pdf_col_capacity({}, o),
				m.reports_pdf_col_helps({}, o),
				m.reports_pdf_col_hinders({}, o)
			],
			rows: data.capacities.map((c) => [c.name, c.helps, c.hinders]),
			numeric: [1, 2]
		}
	});
	const withNotes = data.capacities.filter((c) => c.notes.length);
	if (withNotes.length) {
		blocks.push({ kind: 'heading', level: 2, text: m.reports_pdf_capacity_notes({}, o) });
		for (const c of withNotes) {
			blocks.push({ kind: 'heading', level: 3, text: c.name });
			blocks.push({
				kind: 'list',
				items: c.notes.map(
					(n) =>
						`${n.effect === 'helps' ? m.reports_effect_helps({}, o) : m.reports_effect_hinders({}, o)}: ${n.note}`
				)
			});
		}
	}

	// Improvement agenda
	const standardTitles = new Map(doc.standards.map((s) => [s.key, s.title]));
	const capacityNames = new Map(doc.capacities.map((c) => [c.key, c.name]));
	blocks.push({ kind: 'heading', level: 1, text: m.reports_pdf_agenda({}, o) });
	blocks.push({ kind: 'paragraph', text: m.reports_pdf_agenda_intro({}, o) });
	if (data.actions.length) {
		blocks.push({
			kind: 'table',
			table: {
				caption: m.reports_pdf_agenda_caption({}, o),
				columns: [
					m.reports_pdf_col_action({}, o),
					m.reports_pdf_col_link({}, o),
					m.reports_pdf_col_owner({}, o),
					m.reports_pdf_col_due({}, o),
					m.reports_pdf_col_status({}, o),
					m.reports_pdf_col_progress({}, o)
				],
				rows: data.actions.map((a) => [
					a.reason.trim() ? `${a.title} — ${a.reason.trim()}` : a.title,
					[
						a.valueKey ? (valueNames.get(a.valueKey) ?? a.valueKey) : null,
						a.standardKey ? (standardTitles.get(a.standardKey) ?? a.standardKey) : null,
						a.capacityKey ? (capacityNames.get(a.capacityKey) ?? a.capacityKey) : null
					]
						.filter(Boolean)
						.join('; ') || '—',
					a.ownerName ?? '—',
					a.dueOn ? formatDate(a.dueOn, locale) : '—',
					actionStatusLabel(a.status, locale),
					`${a.progress}%`
				]),
				numeric: [5]
			}
		});
	} else blocks.push({ kind: 'paragraph', text: m.reports_pdf_no_actions({}, o) });

	// Participants by perspective (small perspectives merged)
	const counts = new Map<PerspectiveGroup, number>();
	for (const [p, n] of data.respondents) {
		const g = data.groups.get(p) ?? 'other';
		counts.set(g, (counts.get(g) ?? 0) + n);
	}
	const groups = shownGroups(data.groups);
	const total = [...data.respondents.values()].reduce((a, b) => a + b, 0);
	blocks.push({ kind: 'heading', level: 1, text: m.reports_pdf_participants({}, o) });
	blocks.push({
		kind: 'table',
		table: {
			caption: m.reports_pdf_participants_caption({}, o),
			columns: [m.reports_pdf_col_perspective({}, o), m.reports_pdf_col_respondents({}, o)],
			rows: [
				...groups.map((g) => [perspectiveGroupLabel(g, locale), counts.get(g) ?? 0]),
				[m.reports_pdf_col_total({}, o), total]
			],
			numeric: [1]
		}
	});
	blocks.push({ kind: 'paragraph', text: m.reports_pdf_threshold_note({ threshold: data.threshold }, o) });

	const title = ev.title;
	return {
		document: {
			lang: locale,
			title,
			author: data.institutionName,
			keywords: [m.reports_pdf_kind({}, o), data.instrumentName],
			draftMark: draft ? m.reports_pdf_concept({}, o) : null,
			header: [title, data.teamName ?? data.institutionName].join(' — '),
			blocks
		},
		svgs
	};
}

type ReportFinding = ReportData['findings'][number];

/** Findings per value key (null: not tied to a value in scope). */
function groupFindings(data: ReportData, valueKeys: Set<string>): Map<string | null, ReportFinding[]> {
	const valuesOfStandard = new Map(data.standards.map((s) => [s.key, s.valueKeys]));
	const result = new Map<string | null, ReportFinding[]>();
	for (const f of data.findings) {
		let key: string | null = f.valueKey && valueKeys.has(f.valueKey) ? f.valueKey : null;
		if (!key && f.standardKey)
			key = valuesOfStandard.get(f.standardKey)?.find((v) => valueKeys.has(v)) ?? null;
		const list = result.get(key) ?? [];
		list.push(f);
		result.set(key, list);
	}
	return result;
}

function findingBlocks(findings: ReportFinding[] | undefined, locale: Locale): ReportBlock[] {
	if (!findings?.length) return [{ kind: 'paragraph', text: m.reports_pdf_no_findings({}, { locale }) }];
	const blocks: ReportBlock[] = [];
	for (const kind of findingKinds) {
		const items = findings.filter((f) => f.kind === kind).map((f) => f.text.trim());
		if (!items.length) continue;
		blocks.push({ kind: 'heading', level: 3, text: findingKindLabel(kind, locale) });
		blocks.push({ kind: 'list', items });
	}
	return blocks;
}

export type { ReportTable };
