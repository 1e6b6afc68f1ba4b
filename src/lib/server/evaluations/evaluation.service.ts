import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { user } from '../auth/auth.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, conflict, invalid } from '../http/errors.ts';
import { parseInput, parsePatch } from '../http/input.ts';
import * as versions from '../model/model.queries.ts';
import { requireSignedIn, scopeFilter, visibleInstitution } from '../organisation/access.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { visibleTeam } from '../organisation/team.service.ts';
import { authorize, can, visibility, type Actor, type Scope } from '../policy/policy.ts';
import {
	planEvaluationSchema,
	statusLabels,
	statusSchema,
	updatePlanSchema,
	type EvaluationStatus
} from '../../domain/evaluations/evaluation-input.ts';
import { resolveScope } from '../../domain/evaluations/scope.ts';
import { contentOpen, nextStatuses } from '../../domain/evaluations/workflow.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';
import {
	assertNotFinalised,
	evaluationScope,
	requireEvaluation,
	type EvaluationRow
} from './evaluation.access.ts';
import { evaluationPolicy } from './evaluation.policy.ts';
import { evaluation, instrumentType } from './evaluation.table.ts';
import { instrumentForInstitution } from './instrument.service.ts';
import { z } from 'zod';

export type { EvaluationRow } from './evaluation.access.ts';

/** An evaluation with what a page needs to show it: names, instrument, the model version's document. */
export interface EvaluationDetail extends EvaluationRow {
	institutionName: string;
	teamName: string | null;
	instrument: {
		id: string;
		key: string | null;
		name: string;
		level: 'team' | 'institution';
		selfEvaluation: boolean;
	};
	modelVersion: { id: string; number: number; name: string; document: ModelDocument };
	createdByName: string | null;
	finalisedByName: string | null;
}

export interface EvaluationListItem {
	id: string;
	title: string;
	status: EvaluationStatus;
	subjectLevel: 'team' | 'institution';
	institutionId: string;
	institutionName: string;
	teamId: string | null;
	teamName: string | null;
	instrumentName: string;
	startsOn: string | null;
	endsOn: string | null;
	revision: number;
	supersededBy: string | null;
	updatedAt: Date;
}

/** A 409 that tells the person what the evaluation looks like now, instead of overwriting it. */
export function staleEvaluation(current: EvaluationRow): AppError {
	return conflict(
		`Deze evaluatie is intussen door iemand anders gewijzigd (nu: status '${statusLabels[current.status]}', titel '${current.title}'). Laad de pagina opnieuw en breng uw wijziging daarna opnieuw aan.`
	);
}

/** Findings, capacities and ratings are recorded while the evaluation runs; 409 otherwise. */
export function assertContentOpen(row: EvaluationRow): void {
	assertNotFinalised(row);
	if (!contentOpen(row.status))
		throw conflict(
			`Dit kan alleen tijdens de uitvoering of de rapportage; de evaluatie is nu in de fase '${statusLabels[row.status]}'.`
		);
}

/**
 * Plans an evaluation of a team or an institution (status gepland). The instrument must
 * be visible to the subject's institution and of the subject's level; the model version
 * must be published (default: the latest). Throws 404 (subject not visible), 403 (may not
 * plan there), 409 (archived subject, no published model), 422 (input).
 */
export async function planEvaluation(
	db: Database,
	actor: Actor | null,
	input: unknown
): Promise<EvaluationRow> {
	const who = requireSignedIn(actor);
	const data = parseInput(planEvaluationSchema, input);
	let scope: Scope;
	if (data.subjectLevel === 'team') {
		const subject = await visibleTeam(db, who, data.teamId!);
		scope = { institutionId: subject.institutionId, teamId: subject.id };
		authorize(who, evaluationPolicy, 'evaluation.plan', scope);
		if (subject.archivedAt || subject.institutionArchivedAt)
			throw conflict('Dit team is gearchiveerd; er kan geen evaluatie meer voor worden gepland.');
	} else {
		const subject = await visibleInstitution(db, who, data.institutionId!);
		scope = { institutionId: subject.id };
		authorize(who, evaluationPolicy, 'evaluation.plan', scope);
		if (subject.archivedAt)
			throw conflict('Deze instelling is gearchiveerd; er kan geen evaluatie meer voor worden gepland.');
	}
	const institutionId = scope.institutionId!;
	const instrument = await instrumentForInstitution(db, data.instrumentTypeId, institutionId).catch(() => {
		throw invalid([
			{ field: 'instrumentTypeId', message: 'kies een instrument van het netwerk of van deze instelling' }
		]);
	});
	if (instrument.level !== data.subjectLevel)
		throw invalid([
			{
				field: 'instrumentTypeId',
				message: `'${instrument.name}' is een instrument voor ${instrument.level === 'team' ? 'een team' : 'een instelling'}`
			}
		]);
	const version = data.modelVersionId
		? await versions.find(db, data.modelVersionId)
		: await versions.latestPublished(db);
	if (data.modelVersionId && (!version || version.status !== 'published'))
		throw invalid([{ field: 'modelVersionId', message: 'kies een gepubliceerde modelversie' }]);
	if (!version)
		throw conflict('Er is nog geen gepubliceerde modelversie; vraag het netwerkbureau er een te publiceren.');
	const resolved = resolveScope(version.document, data.subjectLevel, data);
	if (!resolved.ok) throw invalid(resolved.errors);
	const earlier = await plannedWithToken(db, who.userId, data.clientToken);
	if (earlier) return earlier;
	const planned = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(evaluation)
			.values({
				instrumentTypeId: instrument.id,
				subjectLevel: data.subjectLevel,
				institutionId,
				teamId: scope.teamId ?? null,
				modelVersionId: version.id,
				title: data.title,
				scopeAll: resolved.scopeAll,
				scopeValueKeys: resolved.scopeValueKeys,
				scopeStandardKeys: resolved.scopeStandardKeys,
				startsOn: data.startsOn ?? null,
				endsOn: data.endsOn ?? null,
				perspectives: data.perspectives,
				plan: data.plan ?? '',
				createdBy: who.userId,
				clientToken: data.clientToken ?? null
			})
			.onConflictDoNothing()
			.returning();
		// A concurrent submit of the same form won the race: no second evaluation.
		if (!row) return null;
		await recordAudit(tx, who, {
			action: 'evaluation.planned',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId,
			details: { title: row.title, instrument: instrument.key ?? instrument.name, teamId: row.teamId }
		});
		return row;
	});
	return planned ?? (await plannedWithToken(db, who.userId, data.clientToken))!;
}

/** The evaluation this person already planned with this form token, if any. */
async function plannedWithToken(
	db: Database,
	userId: string,
	token: string | undefined
): Promise<EvaluationRow | null> {
	if (!token) return null;
	const [row] = await db
		.select()
		.from(evaluation)
		.where(and(eq(evaluation.createdBy, userId), eq(evaluation.clientToken, token)));
	return row ?? null;
}

/** One evaluation with names, instrument and model document. Throws 404 when not readable. */
export async function getEvaluation(
	db: Database | Tx,
	actor: Actor | null,
	id: string
): Promise<EvaluationDetail> {
	const row = await requireEvaluation(db, actor, id);
	const [extra] = await db
		.select({
			institutionName: institution.name,
			teamName: team.name,
			instrument: {
				id: instrumentType.id,
				key: instrumentType.key,
				name: instrumentType.name,
				level: instrumentType.level,
				selfEvaluation: instrumentType.selfEvaluation
			}
		})
		.from(evaluation)
		.innerJoin(institution, eq(institution.id, evaluation.institutionId))
		.innerJoin(instrumentType, eq(instrumentType.id, evaluation.instrumentTypeId))
		.leftJoin(team, eq(team.id, evaluation.teamId))
		.where(eq(evaluation.id, row.id));
	const version = await versions.find(db, row.modelVersionId);
	const people = [row.createdBy, row.finalisedBy].filter((v): v is string => !!v);
	const names = new Map(
		people.length
			? (await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, people))).map(
					(u) => [u.id, u.name]
				)
			: []
	);
	return {
		...row,
		institutionName: extra!.institutionName,
		teamName: extra!.teamName,
		instrument: extra!.instrument,
		modelVersion: {
			id: version!.id,
			number: version!.number,
			name: version!.document.name,
			document: version!.document
		},
		createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
		finalisedByName: row.finalisedBy ? (names.get(row.finalisedBy) ?? null) : null
	};
}

export const listEvaluationsQuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(100_000).default(1),
	pageSize: z.coerce.number().int().min(1).max(200).default(25),
	status: z.preprocess((v) => (v === '' ? undefined : v), statusSchema.optional()),
	teamId: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.uuid({ error: 'kies een geldig team' }).optional()
	),
	institutionId: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.uuid({ error: 'kies een geldige instelling' }).optional()
	)
});
export type ListEvaluationsQuery = z.output<typeof listEvaluationsQuerySchema>;

/**
 * The evaluations the actor may read, newest first, filtered in SQL (never "load and
 * filter"): institution staff see their institution's, team members their team's.
 */
export async function listEvaluations(
	db: Database,
	actor: Actor | null,
	query: Partial<ListEvaluationsQuery> = {}
): Promise<{ items: EvaluationListItem[]; page: number; pageSize: number; total: number }> {
	requireSignedIn(actor);
	const options = parseInput(listEvaluationsQuerySchema, query);
	const vis = visibility(actor, evaluationPolicy, 'evaluation.read');
	const where = and(
		scopeFilter(vis, { institutionId: evaluation.institutionId, teamId: evaluation.teamId }),
		options.status ? eq(evaluation.status, options.status) : undefined,
		options.teamId ? eq(evaluation.teamId, options.teamId) : undefined,
		options.institutionId ? eq(evaluation.institutionId, options.institutionId) : undefined
	);
	const [items, [total]] = await Promise.all([
		db
			.select({
				id: evaluation.id,
				title: evaluation.title,
				status: evaluation.status,
				subjectLevel: evaluation.subjectLevel,
				institutionId: evaluation.institutionId,
				institutionName: institution.name,
				teamId: evaluation.teamId,
				teamName: team.name,
				instrumentName: instrumentType.name,
				startsOn: evaluation.startsOn,
				endsOn: evaluation.endsOn,
				revision: evaluation.revision,
				supersededBy: evaluation.supersededBy,
				updatedAt: evaluation.updatedAt
			})
			.from(evaluation)
			.innerJoin(institution, eq(institution.id, evaluation.institutionId))
			.innerJoin(instrumentType, eq(instrumentType.id, evaluation.instrumentTypeId))
			.leftJoin(team, eq(team.id, evaluation.teamId))
			.where(where)
			.orderBy(desc(evaluation.createdAt), desc(evaluation.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(evaluation).where(where)
	]);
	return { items, page: options.page, pageSize: options.pageSize, total: total?.n ?? 0 };
}

/**
 * Changes the plan (title, plan text, dates, perspectives) while the evaluation is not
 * finalised. `lock` is the version the edit started from. Throws 404, 403, 409 (stale
 * lock or finalised), 422.
 */
export async function updateEvaluationPlan(
	db: Database,
	actor: Actor | null,
	id: string,
	input: unknown
): Promise<EvaluationRow> {
	requireSignedIn(actor);
	const patch = parsePatch(updatePlanSchema, input);
	if (patch.lock === undefined) throw invalid([{ field: 'lock', message: 'lock ontbreekt' }]);
	const expected = patch.lock;
	return db.transaction(async (tx) => {
		const row = await requireEvaluation(tx, actor, id, 'evaluation.update_plan', { lockRow: true });
		assertNotFinalised(row);
		if (row.lock !== expected) throw staleEvaluation(row);
		const values: Partial<typeof evaluation.$inferInsert> = {};
		if (patch.title !== undefined) values.title = patch.title;
		if ('plan' in patch) values.plan = patch.plan ?? '';
		if ('startsOn' in patch) values.startsOn = patch.startsOn ?? null;
		if ('endsOn' in patch) values.endsOn = patch.endsOn ?? null;
		if (patch.perspectives !== undefined) values.perspectives = patch.perspectives;
		const startsOn = values.startsOn !== undefined ? values.startsOn : row.startsOn;
		const endsOn = values.endsOn !== undefined ? values.endsOn : row.endsOn;
		if (startsOn && endsOn && endsOn < startsOn)
			throw invalid([{ field: 'endsOn', message: 'einddatum mag niet voor de begindatum liggen' }]);
		const [updated] = await tx
			.update(evaluation)
			.set({ ...values, lock: row.lock + 1, updatedAt: new Date() })
			.where(eq(evaluation.id, row.id))
			.returning();
		await recordAudit(tx, actor, {
			action: 'evaluation.plan_updated',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { fields: Object.keys(values) }
		});
		return updated!;
	});
}

/** What the actor may do with one evaluation (for showing the right buttons and forms). */
export function evaluationPermissions(actor: Actor | null, row: EvaluationRow) {
	const scope = evaluationScope(row);
	const open = row.status !== 'finalised';
	const mayAdvance = can(actor, evaluationPolicy, 'evaluation.advance', scope);
	const mayFinalise = can(actor, evaluationPolicy, 'evaluation.finalise', scope);
	return {
		updatePlan: open && can(actor, evaluationPolicy, 'evaluation.update_plan', scope),
		manageParticipants: open && can(actor, evaluationPolicy, 'evaluation.manage_participants', scope),
		manageQuestionnaires: open && can(actor, evaluationPolicy, 'evaluation.manage_questionnaires', scope),
		// Rating happens in uitvoering only; rapportage can step back to reopen it.
		rate: row.status === 'execution' && can(actor, evaluationPolicy, 'evaluation.rate', scope),
		writeFindings:
			contentOpen(row.status) && can(actor, evaluationPolicy, 'evaluation.write_findings', scope),
		addEvidence: open && can(actor, evaluationPolicy, 'evaluation.add_evidence', scope),
		export: can(actor, evaluationPolicy, 'evaluation.export', scope),
		revise:
			row.status === 'finalised' &&
			!row.supersededBy &&
			can(actor, evaluationPolicy, 'evaluation.revise', scope),
		/** The workflow steps this actor may take now (finalise included when allowed). */
		transitions: nextStatuses(row.status).filter((to) => (to === 'finalised' ? mayFinalise : mayAdvance))
	};
}

/**
 * Active teams where the actor may do `action` (planning by default; 'evaluation.read'
 * for a list filter), with their institution, for a select.
 */
export async function plannableTeams(
	db: Database,
	actor: Actor | null,
	action: 'evaluation.plan' | 'evaluation.read' = 'evaluation.plan'
) {
	requireSignedIn(actor);
	const vis = visibility(actor, evaluationPolicy, action);
	if (!vis.all && !vis.institutionIds.length && !vis.teamIds.length) return [];
	return db
		.select({
			id: team.id,
			name: team.name,
			institutionId: team.institutionId,
			institutionName: institution.name
		})
		.from(team)
		.innerJoin(institution, eq(institution.id, team.institutionId))
		.where(
			and(
				scopeFilter(vis, { institutionId: team.institutionId, teamId: team.id }),
				isNull(team.archivedAt),
				isNull(institution.archivedAt)
			)
		)
		.orderBy(asc(institution.name), asc(team.name))
		.limit(2000);
}

/** Institutions the actor may plan an institution-level evaluation for. */
export async function plannableInstitutions(db: Database, actor: Actor | null) {
	requireSignedIn(actor);
	const vis = visibility(actor, evaluationPolicy, 'evaluation.plan');
	if (!vis.all && !vis.institutionIds.length) return [];
	return db
		.select({ id: institution.id, name: institution.name })
		.from(institution)
		.where(
			and(vis.all ? undefined : inArray(institution.id, vis.institutionIds), isNull(institution.archivedAt))
		)
		.orderBy(asc(institution.name));
}
