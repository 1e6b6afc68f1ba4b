import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { Actor } from '../policy/policy.ts';
import { user } from '../auth/auth.table.ts';
import { improvementAction, type actionStatus } from '../agenda/agenda.table.ts';
import { requireEvaluation, type EvaluationRow } from '../evaluations/evaluation.access.ts';
import {
	capacityAssessment,
	finding,
	instrumentType,
	rating,
	type findingKind
} from '../evaluations/evaluation.table.ts';
import * as models from '../model/model.queries.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { notFound } from '../http/errors.ts';
import { currentAmbitions } from '../ambitions/ambition.service.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';
import {
	anonymityThreshold,
	perspectiveGroups,
	perspectiveOrder,
	type Perspective,
	type PerspectiveGroup
} from './anonymity.ts';

export type FindingKind = (typeof findingKind.enumValues)[number];
export type ActionStatus = (typeof actionStatus.enumValues)[number];

/** How one standard was rated: counts per level key (null = niet beoordeeld). */
export interface StandardRatings {
	key: string;
	title: string;
	valueKeys: string[];
	/** Distinct respondents, all perspectives together. */
	respondents: number;
	counts: Record<string, number>;
	notRated: number;
	/** Rated with a level at or above the scale's standard level. */
	meets: number;
	ranks: number[];
	/** Per shown perspective group: the sum and count of ranks, for the perspective view. */
	byGroup: Partial<Record<PerspectiveGroup, { rankSum: number; rated: number }>>;
}

export interface ReportData {
	evaluation: EvaluationRow;
	instrumentName: string;
	institutionName: string;
	teamName: string | null;
	model: { number: number; document: ModelDocument };
	threshold: number;
	/** Respondents per perspective, before merging. */
	respondents: Map<Perspective, number>;
	groups: Map<Perspective, PerspectiveGroup>;
	standards: StandardRatings[];
	/** The subject's current ambitions as target ranks, keyed `value:<key>` or `standard:<key>`. */
	ambitions: Map<string, number>;
	findings: { kind: FindingKind; valueKey: string | null; standardKey: string | null; text: string }[];
	capacities: {
		key: string;
		name: string;
		helps: number;
		hinders: number;
		notes: { effect: 'helps' | 'hinders'; note: string }[];
	}[];
	actions: {
		title: string;
		reason: string;
		valueKey: string | null;
		standardKey: string | null;
		capacityKey: string | null;
		ownerName: string | null;
		dueOn: string | null;
		status: ActionStatus;
		progress: number;
	}[];
}

/**
 * Everything the self-evaluation report shows, read after the `evaluation.export` check
 * (404 for another institution's evaluation). Ratings come without respondent identity;
 * perspectives under the network's anonymity threshold are merged.
 */
export async function loadReportData(
	db: Database,
	actor: Actor | null,
	evaluationId: string
): Promise<ReportData> {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.export');
	return loadReportDataFor(db, row);
}

/** The same read for an evaluation already authorised by the caller. */
export async function loadReportDataFor(db: Database, row: EvaluationRow): Promise<ReportData> {
	const [
		version,
		[names],
		threshold,
		ratingRows,
		respondents,
		findingRows,
		capacityRows,
		actionRows,
		ambitionRows
	] = await Promise.all([
		models.find(db, row.modelVersionId),
		db
			.select({
				instrumentName: instrumentType.name,
				institutionName: institution.name,
				teamName: team.name
			})
			.from(instrumentType)
			.innerJoin(institution, eq(institution.id, row.institutionId))
			.leftJoin(team, eq(team.id, sql`${row.teamId}::uuid`))
			.where(eq(instrumentType.id, row.instrumentTypeId)),
		anonymityThreshold(db),
		db
			.select({
				standardKey: rating.standardKey,
				perspective: rating.perspective,
				levelKey: rating.levelKey,
				rank: rating.rank,
				n: sql<number>`count(*)::int`
			})
			.from(rating)
			.where(eq(rating.evaluationId, row.id))
			.groupBy(rating.standardKey, rating.perspective, rating.levelKey, rating.rank),
		respondentsByPerspective(db, row.id),
		db
			.select({
				kind: finding.kind,
				valueKey: finding.valueKey,
				standardKey: finding.standardKey,
				text: finding.text
			})
			.from(finding)
			.where(eq(finding.evaluationId, row.id))
			.orderBy(asc(finding.createdAt), asc(finding.id)),
		db
			.select({
				key: capacityAssessment.capacityKey,
				effect: capacityAssessment.effect,
				note: capacityAssessment.note
			})
			.from(capacityAssessment)
			.where(eq(capacityAssessment.evaluationId, row.id))
			.orderBy(asc(capacityAssessment.updatedAt), asc(capacityAssessment.id)),
		subjectActions(db, row),
		currentAmbitions(db, { institutionId: row.institutionId, teamId: row.teamId })
	]);
	if (!version || !names) throw notFound('De evaluatie');
	const doc = version.document;

	const groups = perspectiveGroups(respondents, threshold);

	const standardRank =
		doc.ratingScale.levels.find((l) => l.key === doc.ratingScale.standardLevelKey)?.rank ?? 0;
	const inScope = new Set(row.scopeStandardKeys);
	const standards = new Map<string, StandardRatings>();
	for (const s of doc.standards) {
		if (!inScope.has(s.key)) continue;
		standards.set(s.key, {
			key: s.key,
			title: s.title,
			valueKeys: s.valueKeys,
			respondents: 0,
			counts: {},
			notRated: 0,
			meets: 0,
			ranks: [],
			byGroup: {}
		});
	}
	for (const r of ratingRows) {
		const s = standards.get(r.standardKey);
		if (!s) continue;
		s.respondents += r.n;
		if (r.levelKey === null || r.rank === null) {
			s.notRated += r.n;
			continue;
		}
		s.counts[r.levelKey] = (s.counts[r.levelKey] ?? 0) + r.n;
		if (r.rank >= standardRank) s.meets += r.n;
		for (let i = 0; i < r.n; i++) s.ranks.push(r.rank);
		const group = groups.get(r.perspective) ?? 'other';
		const g = (s.byGroup[group] ??= { rankSum: 0, rated: 0 });
		g.rankSum += r.rank * r.n;
		g.rated += r.n;
	}

	const capacityNames = new Map(doc.capacities.map((c) => [c.key, c.name]));
	const capacities = new Map<string, ReportData['capacities'][number]>();
	for (const c of doc.capacities)
		capacities.set(c.key, { key: c.key, name: c.name, helps: 0, hinders: 0, notes: [] });
	for (const c of capacityRows) {
		const entry =
			capacities.get(c.key) ??
			capacities
				.set(c.key, { key: c.key, name: capacityNames.get(c.key) ?? c.key, helps: 0, hinders: 0, notes: [] })
				.get(c.key)!;
		entry[c.effect] += 1;
		if (c.note.trim()) entry.notes.push({ effect: c.effect, note: c.note.trim() });
	}

	return {
		evaluation: row,
		instrumentName: names.instrumentName,
		institutionName: names.institutionName,
		teamName: row.teamId ? names.teamName : null,
		model: { number: version.number, document: doc },
		threshold,
		respondents,
		groups,
		standards: [...standards.values()],
		ambitions: new Map(ambitionRows.map((a) => [`${a.targetKind}:${a.targetKey}`, a.rank])),
		findings: findingRows,
		capacities: [...capacities.values()].filter((c) => c.helps + c.hinders > 0),
		actions: actionRows
	};
}

/**
 * The improvement actions a report or export shows: those made in this evaluation and
 * the open ones of the same subject (they carry into the next evaluation).
 */
export async function subjectActions(db: Database, row: EvaluationRow): Promise<ReportData['actions']> {
	const rows = await db
		.select({
			title: improvementAction.title,
			reason: improvementAction.reason,
			valueKey: improvementAction.valueKey,
			standardKey: improvementAction.standardKey,
			capacityKey: improvementAction.capacityKey,
			ownerName: user.name,
			dueOn: improvementAction.dueOn,
			status: improvementAction.status,
			progress: improvementAction.progress
		})
		.from(improvementAction)
		.leftJoin(user, eq(user.id, improvementAction.ownerId))
		.where(
			or(
				eq(improvementAction.evaluationId, row.id),
				// Open actions of the same subject carry into this evaluation.
				and(
					eq(improvementAction.institutionId, row.institutionId),
					row.teamId ? eq(improvementAction.teamId, row.teamId) : sql`${improvementAction.teamId} is null`,
					inArray(improvementAction.status, ['open', 'in_progress'])
				)
			)
		)
		.orderBy(sql`${improvementAction.dueOn} asc nulls last`, asc(improvementAction.createdAt))
		.limit(500);
	return rows.map((a) => ({ ...a, progress: Number(a.progress) }));
}

/**
 * Distinct respondents per perspective: those who rated. Group sizes count raters only
 * (as the rating summary does): someone who only assessed a capacity adds no rating to
 * a group, so counting them would let a group of too few ratings through.
 */
export async function respondentsByPerspective(
	db: Database,
	evaluationId: string
): Promise<Map<Perspective, number>> {
	const rows = await db
		.select({ perspective: rating.perspective, n: sql<number>`count(distinct ${rating.respondent})::int` })
		.from(rating)
		.where(eq(rating.evaluationId, evaluationId))
		.groupBy(rating.perspective);
	return new Map(rows.map((r) => [r.perspective, Number(r.n)]));
}

/** The perspective groups shown, in their fixed order, `other` last (only when it has anyone). */
export function shownGroups(groups: ReadonlyMap<Perspective, PerspectiveGroup>): PerspectiveGroup[] {
	const shown: PerspectiveGroup[] = perspectiveOrder.filter((p) => groups.get(p) === p);
	if ([...groups.values()].includes('other')) shown.push('other');
	return shown;
}

/** The median of sorted-or-not ranks (the lower middle for an even count), or null. */
export function medianRank(ranks: readonly number[]): number | null {
	if (!ranks.length) return null;
	const sorted = [...ranks].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
