import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/database.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';
import { modelVersion } from '../model/model.table.ts';
import { institution, learningRoute, location, network, team } from '../organisation/organisation.table.ts';
import { evaluation, instrumentType, rating } from '../evaluations/evaluation.table.ts';
import { improvementAction } from '../agenda/agenda.table.ts';
import { user } from '../auth/auth.table.ts';
import { publication } from '../reports/publication.table.ts';
import { currentAmbitions } from '../ambitions/ambition.service.ts';
import {
	evaluationScore,
	institutionDistribution,
	institutionInstrumentUsage,
	rollupGeneration,
	subjectInstrumentUsage,
	subjectPosition
} from './rollup.table.ts';

/*
 * The reads behind the dashboards: plain functions over the roll-ups, without
 * authorization or rendering (the services authorize first; the benchmark calls these
 * directly as "the bare SQL read the page needs"). None of them reads ratings, except
 * `evaluationFigures` for an evaluation that is not finalised yet (it has no roll-up).
 */

const dutchToday = sql`(now() at time zone 'Europe/Amsterdam')::date`;

/**
 * The day an evaluation took place: its end date, else the (Dutch) day it was finalised.
 * "Latest" means latest by this day everywhere (roll-ups, pages, publication figures).
 */
export const evaluationHeldOn = sql`coalesce(${evaluation.endsOn}, (${evaluation.finalisedAt} at time zone 'Europe/Amsterdam')::date)`;
const openStatuses = ['open', 'in_progress'] as const;

// ---------------------------------------------------------------- model versions

// Published and retired versions never change, so their documents are kept once read.
const documents = new Map<string, ModelDocument>();

/** The documents of these model versions by id (published ones from memory after the first read). */
export async function modelDocuments(db: Tx, ids: Iterable<string>): Promise<Map<string, ModelDocument>> {
	const wanted = [...new Set(ids)];
	const result = new Map<string, ModelDocument>();
	const missing = wanted.filter((id) => {
		const doc = documents.get(id);
		if (doc) result.set(id, doc);
		return !doc;
	});
	if (missing.length > 0) {
		const rows = await db
			.select({ id: modelVersion.id, status: modelVersion.status, document: modelVersion.document })
			.from(modelVersion)
			.where(inArray(modelVersion.id, missing));
		for (const row of rows) {
			result.set(row.id, row.document);
			if (row.status !== 'draft') documents.set(row.id, row.document);
		}
	}
	return result;
}

/** The newest published model version (labels for views across subjects). */
export async function latestPublishedModel(db: Tx): Promise<{ id: string; document: ModelDocument } | null> {
	const [row] = await db
		.select({ id: modelVersion.id })
		.from(modelVersion)
		.where(eq(modelVersion.status, 'published'))
		.orderBy(desc(modelVersion.number))
		.limit(1);
	if (!row) return null;
	const doc = (await modelDocuments(db, [row.id])).get(row.id);
	return doc ? { id: row.id, document: doc } : null;
}

/** The network's anonymity threshold (default 5). */
export async function anonymityThreshold(db: Tx): Promise<number> {
	const [row] = await db.select({ threshold: network.anonymityThreshold }).from(network).limit(1);
	return row?.threshold ?? 5;
}

// ---------------------------------------------------------------- shared pieces

export type PositionRow = typeof subjectPosition.$inferSelect;

/** The current positions (values and standards) of one subject: a team id or an institution id. */
export function subjectPositions(db: Tx, subjectId: string): Promise<PositionRow[]> {
	return db.select().from(subjectPosition).where(eq(subjectPosition.subjectId, subjectId));
}

/** The finalised, not superseded evaluations of a subject, oldest first. */
async function currentEvaluations(db: Tx, where: ReturnType<typeof and>) {
	return db
		.select({
			id: evaluation.id,
			title: evaluation.title,
			heldOn: sql<string>`${evaluationHeldOn}::text`,
			finalisedAt: evaluation.finalisedAt,
			modelVersionId: evaluation.modelVersionId,
			instrumentName: instrumentType.name,
			revision: evaluation.revision
		})
		.from(evaluation)
		.innerJoin(instrumentType, eq(instrumentType.id, evaluation.instrumentTypeId))
		.where(
			and(
				where,
				eq(evaluation.status, 'finalised'),
				isNull(evaluation.supersededBy),
				sql`not exists (select 1 from evaluation r where r.revision_of = ${evaluation.id} and r.status = 'finalised')`
			)
		)
		.orderBy(sql`3`, asc(evaluation.finalisedAt));
}

/**
 * Value figures per finalised evaluation of a team and perspective, for the trend and
 * the perspectives. Read beside the list of current evaluations rather than after it
 * (one round trip less); the view takes the rows of the current ones.
 */
function teamValueScores(db: Tx, teamId: string) {
	return db
		.select({
			evaluationId: evaluationScore.evaluationId,
			key: evaluationScore.key,
			perspective: evaluationScore.perspective,
			respondents: evaluationScore.respondents,
			ratedCount: evaluationScore.ratedCount,
			rankSum: evaluationScore.rankSum
		})
		.from(evaluationScore)
		.innerJoin(evaluation, eq(evaluation.id, evaluationScore.evaluationId))
		.where(
			and(
				eq(evaluation.teamId, teamId),
				eq(evaluation.status, 'finalised'),
				eq(evaluationScore.kind, 'value')
			)
		);
}

export interface ActionSummary {
	byStatus: Record<'open' | 'in_progress' | 'done' | 'cancelled', number>;
	overdueCount: number;
	overdue: {
		id: string;
		title: string;
		dueOn: string | null;
		status: string;
		teamId: string | null;
		teamName: string | null;
		ownerName: string | null;
	}[];
}

/** Actions of a team (teamId) or of a whole institution (all its teams and itself): counts and the overdue ones. */
async function actionSummary(
	db: Tx,
	ref: { institutionId: string; teamId?: string },
	limit = 25
): Promise<ActionSummary> {
	const where = ref.teamId
		? and(eq(improvementAction.institutionId, ref.institutionId), eq(improvementAction.teamId, ref.teamId))
		: eq(improvementAction.institutionId, ref.institutionId);
	const overdueWhere = and(
		where,
		inArray(improvementAction.status, [...openStatuses]),
		sql`${improvementAction.dueOn} < ${dutchToday}`
	);
	const overdueNow = sql`${improvementAction.status} in ('open', 'in_progress') and ${improvementAction.dueOn} < ${dutchToday}`;
	const [counts, overdue] = await Promise.all([
		db
			.select({
				status: improvementAction.status,
				n: count(),
				overdue: sql<number>`(count(*) filter (where ${overdueNow}))::int`
			})
			.from(improvementAction)
			.where(where)
			.groupBy(improvementAction.status),
		db
			.select({
				id: improvementAction.id,
				title: improvementAction.title,
				dueOn: improvementAction.dueOn,
				status: improvementAction.status,
				teamId: improvementAction.teamId,
				// Looked up per row shown (after the limit): a join let the planner hash the
				// whole team and user tables for 25 rows (16 ms at sector scale).
				teamName: sql<string | null>`(select t.name from ${team} t where t.id = ${improvementAction.teamId})`,
				ownerName: sql<
					string | null
				>`(select u.name from ${user} u where u.id = ${improvementAction.ownerId})`
			})
			.from(improvementAction)
			.where(overdueWhere)
			.orderBy(asc(improvementAction.dueOn), asc(improvementAction.title))
			.limit(limit)
	]);
	const byStatus = { open: 0, in_progress: 0, done: 0, cancelled: 0 };
	let overdueCount = 0;
	for (const c of counts) {
		byStatus[c.status] = c.n;
		overdueCount += c.overdue;
	}
	return { byStatus, overdueCount, overdue };
}

// ---------------------------------------------------------------- team

/** The team with its institution's name, or undefined. */
export async function teamSubject(db: Tx, teamId: string) {
	const [subject] = await db
		.select({
			id: team.id,
			name: team.name,
			institutionId: team.institutionId,
			institutionName: institution.name,
			sectorDomain: team.sectorDomain,
			archivedAt: team.archivedAt
		})
		.from(team)
		.innerJoin(institution, eq(institution.id, team.institutionId))
		.where(eq(team.id, teamId));
	return subject;
}

/**
 * Everything the team dashboard shows, or null when the team does not exist. A caller
 * that already read the team (to authorize) passes it, so it is not read twice.
 */
export async function teamDashboard(db: Tx, teamId: string, known?: Awaited<ReturnType<typeof teamSubject>>) {
	const subject = known ?? (await teamSubject(db, teamId));
	if (!subject) return null;
	const [threshold, positions, ambitions, evaluations, actions, allScores] = await Promise.all([
		anonymityThreshold(db),
		subjectPositions(db, teamId),
		currentAmbitions(db, { institutionId: subject.institutionId, teamId }),
		currentEvaluations(db, eq(evaluation.teamId, teamId)),
		actionSummary(db, { institutionId: subject.institutionId, teamId }),
		teamValueScores(db, teamId)
	]);
	const current = new Set(evaluations.map((e) => e.id));
	const scores = allScores.filter((s) => current.has(s.evaluationId));
	const models = await modelDocuments(db, [
		...positions.map((p) => p.modelVersionId),
		...evaluations.map((e) => e.modelVersionId),
		...ambitions.map((a) => a.modelVersionId)
	]);
	return { team: subject, threshold, positions, ambitions, evaluations, scores, actions, models };
}

export type TeamDashboardData = NonNullable<Awaited<ReturnType<typeof teamDashboard>>>;

// ---------------------------------------------------------------- institution

export interface InstitutionFilters {
	locationId?: string | null;
	sectorDomain?: string | null;
	level?: number | null;
	/** The page of teams (1-based) in the heatmap and the coverage table. */
	page?: number;
}

/**
 * Teams per page of the institution dashboard. An institution has up to ~300 teams: a
 * heatmap and a coverage table of all of them made pages of over a megabyte that took
 * hundreds of milliseconds to render; fifty rows still compare at a glance.
 */
export const institutionPageSize = 50;

/** Everything the institution dashboard shows, or null when the institution does not exist. */
export async function institutionDashboard(db: Tx, institutionId: string, filters: InstitutionFilters = {}) {
	const [subject] = await db
		.select({ id: institution.id, name: institution.name, archivedAt: institution.archivedAt })
		.from(institution)
		.where(eq(institution.id, institutionId));
	if (!subject) return null;
	const teamWhere = and(
		eq(team.institutionId, institutionId),
		isNull(team.archivedAt),
		filters.locationId ? eq(team.locationId, filters.locationId) : undefined,
		filters.sectorDomain ? eq(team.sectorDomain, filters.sectorDomain) : undefined,
		filters.level
			? sql`exists (select 1 from ${learningRoute} lr where lr.team_id = ${team.id} and lr.level = ${filters.level} and lr.archived_at is null)`
			: undefined
	);
	const currentYear = sql`extract(year from ${dutchToday})::int`;
	const read = async (page: number) => {
		// Only the page's teams are read in full; for the others a flag each is enough
		// (the counts above the heatmap and the coverage cover all filtered teams).
		const pageTeams = db
			.select({ id: team.id })
			.from(team)
			.where(teamWhere)
			.orderBy(sql`lower(${team.name})`)
			.limit(institutionPageSize)
			.offset((page - 1) * institutionPageSize);
		return Promise.all([
			db
				.select({
					id: team.id,
					name: team.name,
					hasPosition: sql<boolean>`exists (select 1 from ${subjectPosition} sp where sp.subject_id = "team"."id" and sp.kind = 'value')`,
					hasCoverage: sql<boolean>`exists (select 1 from ${subjectInstrumentUsage} u where u.subject_id = "team"."id" and u.year >= ${currentYear} - 2)`
				})
				.from(team)
				.where(teamWhere)
				.orderBy(sql`lower(${team.name})`),
			db
				.select({
					teamId: subjectPosition.subjectId,
					key: subjectPosition.key,
					rankSum: subjectPosition.rankSum,
					ratedCount: subjectPosition.ratedCount,
					positionRank: subjectPosition.positionRank,
					standardRank: subjectPosition.standardRank,
					modelVersionId: subjectPosition.modelVersionId
				})
				.from(subjectPosition)
				.where(
					and(
						eq(subjectPosition.institutionId, institutionId),
						eq(subjectPosition.kind, 'value'),
						inArray(subjectPosition.subjectId, pageTeams)
					)
				),
			db
				.select({
					subjectId: subjectInstrumentUsage.subjectId,
					teamId: subjectInstrumentUsage.teamId,
					instrumentTypeId: subjectInstrumentUsage.instrumentTypeId,
					year: subjectInstrumentUsage.year,
					evaluations: subjectInstrumentUsage.evaluations,
					lastFinalisedAt: subjectInstrumentUsage.lastFinalisedAt
				})
				.from(subjectInstrumentUsage)
				.where(
					and(
						eq(subjectInstrumentUsage.institutionId, institutionId),
						sql`${subjectInstrumentUsage.year} >= ${currentYear} - 2`,
						// As an array, so the primary key (subject first) is used rather than a scan of the institution's rows.
						sql`${subjectInstrumentUsage.subjectId} = any(array${pageTeams} || ${institutionId}::uuid)`
					)
				)
		]);
	};
	const requested = Math.max(1, filters.page ?? 1);
	const [
		[allTeams, teamPositions, coverage],
		ownPositions,
		instruments,
		locations,
		sectorDomains,
		levels,
		threshold,
		actions,
		ambitions,
		published
	] = await Promise.all([
		read(requested),
		subjectPositions(db, institutionId),
		// Every instrument the institution used in the three years (read from its own small
		// roll-up), so the coverage columns stay the same on every page.
		db
			.selectDistinct({ id: instrumentType.id, name: instrumentType.name })
			.from(institutionInstrumentUsage)
			.innerJoin(instrumentType, eq(instrumentType.id, institutionInstrumentUsage.instrumentTypeId))
			.where(
				and(
					eq(institutionInstrumentUsage.institutionId, institutionId),
					sql`${institutionInstrumentUsage.year} >= ${currentYear} - 2`
				)
			)
			.orderBy(asc(instrumentType.name), asc(instrumentType.id)),
		db
			.select({ id: location.id, name: location.name })
			.from(location)
			.where(and(eq(location.institutionId, institutionId), isNull(location.archivedAt)))
			.orderBy(asc(location.name)),
		db
			.selectDistinct({ sectorDomain: team.sectorDomain })
			.from(team)
			.where(
				and(
					eq(team.institutionId, institutionId),
					isNull(team.archivedAt),
					sql`${team.sectorDomain} is not null`
				)
			)
			.orderBy(asc(team.sectorDomain)),
		// Per team through its index (`offset 0` keeps the planner from hashing all 20,000
		// learning routes of the sector instead).
		db.execute(
			sql`select distinct lr.level from ${team} t cross join lateral (select r.level from ${learningRoute} r where r.team_id = t.id and r.archived_at is null offset 0) lr where t.institution_id = ${institutionId} and t.archived_at is null order by 1`
		),
		anonymityThreshold(db),
		actionSummary(db, { institutionId }),
		currentAmbitions(db, { institutionId, teamId: null }),
		latestPublishedModel(db)
	]);
	const pages = Math.max(1, Math.ceil(allTeams.length / institutionPageSize));
	let page = requested;
	let pageRows = { teamPositions, coverage };
	// A page past the end (fewer teams after filtering, or an old link) shows the last one.
	if (requested > pages) {
		page = pages;
		const [, p, c] = await read(page);
		pageRows = { teamPositions: p, coverage: c };
	}
	const models = await modelDocuments(db, [
		...(published ? [published.id] : []),
		...pageRows.teamPositions.map((p) => p.modelVersionId),
		...ownPositions.map((p) => p.modelVersionId)
	]);
	const first = (page - 1) * institutionPageSize;
	return {
		institution: subject,
		filters: { ...filters, page },
		options: {
			locations,
			sectorDomains: sectorDomains.map((s) => s.sectorDomain!),
			levels: rowsOf<{ level: number }>(levels).map((l) => Number(l.level))
		},
		teamCount: allTeams.length,
		teamsWithPositions: allTeams.filter((t) => t.hasPosition).length,
		teamsWithoutCoverage: allTeams.filter((t) => !t.hasCoverage).length,
		page: { page, pages, pageSize: institutionPageSize, total: allTeams.length },
		teams: allTeams.slice(first, first + institutionPageSize).map((t) => ({ id: t.id, name: t.name })),
		teamPositions: pageRows.teamPositions,
		ownPositions,
		ambitions,
		coverage: pageRows.coverage,
		instruments,
		threshold,
		actions,
		modelVersionId: published?.id ?? null,
		models
	};
}

export type InstitutionDashboardData = NonNullable<Awaited<ReturnType<typeof institutionDashboard>>>;

// ---------------------------------------------------------------- network

/**
 * The network view: team positions per value summed over all institutions, instrument
 * use per year, and the same per institution only for those with a current publication
 * (ordered by name, never by score).
 */
export async function networkDashboard(db: Tx) {
	const [rollups, live] = await Promise.all([networkRollups(db), networkLive(db)]);
	return networkData(rollups, live);
}

/** The network view's figures from the roll-ups: they change only when roll-ups do (see `rollupGeneration`). */
export async function networkRollups(db: Tx) {
	const [distribution, usage, totals] = await Promise.all([
		db
			.select({
				valueKey: institutionDistribution.valueKey,
				positionRank: institutionDistribution.positionRank,
				standardRank: institutionDistribution.standardRank,
				teams: sql<number>`sum(${institutionDistribution.teams})::int`,
				institutions: sql<number>`count(distinct ${institutionDistribution.institutionId})::int`
			})
			.from(institutionDistribution)
			.groupBy(
				institutionDistribution.valueKey,
				institutionDistribution.positionRank,
				institutionDistribution.standardRank
			),
		db
			.select({
				instrumentTypeId: institutionInstrumentUsage.instrumentTypeId,
				name: instrumentType.name,
				builtIn: sql<boolean>`${instrumentType.institutionId} is null`,
				year: institutionInstrumentUsage.year,
				evaluations: sql<number>`sum(${institutionInstrumentUsage.evaluations})::int`,
				subjects: sql<number>`sum(${institutionInstrumentUsage.subjects})::int`,
				institutions: sql<number>`count(*)::int`
			})
			.from(institutionInstrumentUsage)
			.innerJoin(instrumentType, eq(instrumentType.id, institutionInstrumentUsage.instrumentTypeId))
			.groupBy(
				institutionInstrumentUsage.instrumentTypeId,
				instrumentType.name,
				instrumentType.institutionId,
				institutionInstrumentUsage.year
			),
		db
			.select({ institutions: sql<number>`count(distinct ${institutionDistribution.institutionId})::int` })
			.from(institutionDistribution)
	]);
	return { distribution, usage, totals: totals[0]! };
}

export type NetworkRollups = Awaited<ReturnType<typeof networkRollups>>;

/**
 * An institution that published (rekenschap): the network view names it and links to its
 * current publication, whose figures were frozen when it was published. Live figures of
 * a named institution would show work finalised after it published, which it never did.
 */
export interface PublishingInstitution {
	id: string;
	name: string;
	publicationId: string;
}

/**
 * What the network view reads afresh on every request, in one statement: who publishes,
 * the threshold, the newest published model, and the roll-ups' generation (the sum of
 * the institutions' counters) that the figures are kept under.
 */
export async function networkLive(db: Tx) {
	const [row] = rowsOf<{
		generation: string | number | null;
		threshold: number | null;
		model_id: string | null;
		published: PublishingInstitution[] | string | null;
	}>(
		await db.execute(sql`select
		(select sum(${rollupGeneration.generation}) from ${rollupGeneration}) as generation,
		(select ${network.anonymityThreshold} from ${network} limit 1) as threshold,
		(select ${modelVersion.id} from ${modelVersion} where ${modelVersion.status} = 'published' order by ${modelVersion.number} desc limit 1) as model_id,
		(select json_agg(json_build_object('id', i.id, 'name', i.name, 'publicationId',
				(select p.id from ${publication} p where p.institution_id = i.id and p.withdrawn_at is null
					order by p.published_at desc limit 1)) order by i.name) from ${institution} i
			where i.id in (select p.institution_id from ${publication} p where p.withdrawn_at is null)) as published`)
	);
	if (!row) throw new Error('networkLive: no row');
	const published = typeof row.published === 'string' ? JSON.parse(row.published) : (row.published ?? []);
	const modelId = row.model_id;
	const doc = modelId ? (await modelDocuments(db, [modelId])).get(modelId) : undefined;
	return {
		generation: Number(row.generation ?? 0),
		published: published as PublishingInstitution[],
		threshold: row.threshold ?? 5,
		model: modelId && doc ? { id: modelId, document: doc } : null
	};
}

export function networkData(rollups: NetworkRollups, live: Awaited<ReturnType<typeof networkLive>>) {
	return {
		distribution: rollups.distribution,
		published: live.published,
		usage: rollups.usage,
		threshold: live.threshold,
		totals: rollups.totals,
		model: live.model
	};
}

export type NetworkDashboardData = Awaited<ReturnType<typeof networkDashboard>>;

// ---------------------------------------------------------------- compare

export interface EvaluationFigure {
	kind: 'value' | 'standard';
	key: string;
	respondents: number;
	ratedCount: number;
	rankSum: number;
}

/**
 * Figures per value and standard of one evaluation, perspectives together: from the
 * roll-up when it is finalised, else summed from its ratings (values through the model
 * version's standard→value links, the same as the roll-up).
 */
export async function evaluationFigures(
	db: Tx,
	row: { id: string; status: string; modelVersionId: string }
): Promise<EvaluationFigure[]> {
	if (row.status === 'finalised') {
		return db
			.select({
				kind: evaluationScore.kind,
				key: evaluationScore.key,
				respondents: sql<number>`sum(${evaluationScore.respondents})::int`,
				ratedCount: sql<number>`sum(${evaluationScore.ratedCount})::int`,
				rankSum: sql<number>`sum(${evaluationScore.rankSum})::int`
			})
			.from(evaluationScore)
			.where(eq(evaluationScore.evaluationId, row.id))
			.groupBy(evaluationScore.kind, evaluationScore.key);
	}
	const [standards, values] = await Promise.all([
		db
			.select({
				key: rating.standardKey,
				respondents: sql<number>`count(*)::int`,
				ratedCount: sql<number>`count(${rating.rank})::int`,
				rankSum: sql<number>`coalesce(sum(${rating.rank}), 0)::int`
			})
			.from(rating)
			.where(eq(rating.evaluationId, row.id))
			.groupBy(rating.standardKey),
		modelDocuments(db, [row.modelVersionId])
	]);
	const doc = values.get(row.modelVersionId);
	const figures: EvaluationFigure[] = standards.map((s) => ({ kind: 'standard', ...s }));
	if (!doc) return figures;
	const respondents = await db
		.select({ key: rating.standardKey, respondent: rating.respondent })
		.from(rating)
		.where(eq(rating.evaluationId, row.id));
	for (const value of doc.values) {
		const linked = new Set(doc.standards.filter((s) => s.valueKeys.includes(value.key)).map((s) => s.key));
		const parts = standards.filter((s) => linked.has(s.key));
		if (parts.length === 0) continue;
		figures.push({
			kind: 'value',
			key: value.key,
			respondents: new Set(respondents.filter((r) => linked.has(r.key)).map((r) => r.respondent)).size,
			ratedCount: parts.reduce((n, s) => n + s.ratedCount, 0),
			rankSum: parts.reduce((n, s) => n + s.rankSum, 0)
		});
	}
	return figures;
}

/** Evaluations of one subject that can be compared (not superseded), newest first. */
export async function comparableEvaluations(
	db: Tx,
	subject: { institutionId: string; teamId: string | null }
) {
	return db
		.select({
			id: evaluation.id,
			title: evaluation.title,
			status: evaluation.status,
			heldOn: sql<string | null>`coalesce(${evaluationHeldOn}, ${evaluation.startsOn})::text`,
			revision: evaluation.revision
		})
		.from(evaluation)
		.where(
			and(
				eq(evaluation.institutionId, subject.institutionId),
				subject.teamId ? eq(evaluation.teamId, subject.teamId) : isNull(evaluation.teamId),
				isNull(evaluation.supersededBy)
			)
		)
		.orderBy(sql`4 desc nulls last`, desc(evaluation.createdAt))
		.limit(50);
}
