import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import { rowsOf, type Database } from '../db/database.ts';
import { conflict } from '../http/errors.ts';
import { parseInput, uniqueViolation } from '../http/input.ts';
import type { Actor } from '../policy/policy.ts';
import { reviseSchema, type EvaluationStatus } from '../../domain/evaluations/evaluation-input.ts';
import {
	diffRevisions,
	type RevisionContent,
	type RevisionDiff
} from '../../domain/evaluations/revision-diff.ts';
import { requireEvaluation, type EvaluationRow } from './evaluation.access.ts';
import { capacityAssessment, evaluation, finding, rating } from './evaluation.table.ts';

const alreadyRevised = () =>
	conflict('Van deze evaluatie is al een correctie (nieuwe revisie) gemaakt; werk in die revisie verder.');

/**
 * A correction of a finalised evaluation: a new revision (status rapportage) with copies
 * of its ratings, findings, capacities, participants and evidence, to correct and then
 * finalise; finalising it supersedes this one. Throws 404, 403, 409 (not finalised,
 * already superseded or already being revised), 422 (no reason).
 */
export async function reviseEvaluation(
	db: Database,
	actor: Actor | null,
	id: string,
	input: unknown
): Promise<EvaluationRow> {
	const data = parseInput(reviseSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const row = await requireEvaluation(tx, actor, id, 'evaluation.revise', { lockRow: true });
			if (row.status !== 'finalised')
				throw conflict(
					'Alleen een vastgestelde evaluatie wordt gecorrigeerd met een nieuwe revisie; deze kunt u nog gewoon wijzigen.'
				);
			if (row.supersededBy)
				throw conflict('Deze revisie is al vervangen door een nieuwere; corrigeer de nieuwste revisie.');
			const [open] = await tx
				.select({ id: evaluation.id })
				.from(evaluation)
				.where(eq(evaluation.revisionOf, row.id));
			if (open) throw alreadyRevised();
			const [next] = await tx
				.insert(evaluation)
				.values({
					instrumentTypeId: row.instrumentTypeId,
					subjectLevel: row.subjectLevel,
					institutionId: row.institutionId,
					teamId: row.teamId,
					modelVersionId: row.modelVersionId,
					title: row.title,
					scopeStandardKeys: row.scopeStandardKeys,
					scopeValueKeys: row.scopeValueKeys,
					scopeAll: row.scopeAll,
					status: 'reporting',
					startsOn: row.startsOn,
					endsOn: row.endsOn,
					perspectives: row.perspectives,
					plan: row.plan,
					revision: row.revision + 1,
					revisionOf: row.id,
					revisionReason: data.reason,
					createdBy: actor!.userId
				})
				.returning();
			const from = row.id;
			const to = next!.id;
			// Set-based copies: an evaluation with thousands of questionnaire answers is one statement each.
			await tx.execute(sql`insert into rating (evaluation_id, standard_key, perspective, respondent, level_key, rank, motivation, version, created_at, updated_at)
				select ${to}, standard_key, perspective, respondent, level_key, rank, motivation, version, created_at, updated_at
				from rating where evaluation_id = ${from}`);
			await tx.execute(sql`insert into finding (evaluation_id, kind, value_key, standard_key, perspective, text, author_id, copied_from_id, version, created_at, updated_at)
				select ${to}, kind, value_key, standard_key, perspective, text, author_id, id, version, created_at, updated_at
				from finding where evaluation_id = ${from}`);
			await tx.execute(sql`insert into capacity_assessment (evaluation_id, capacity_key, perspective, respondent, effect, note, version, updated_at)
				select ${to}, capacity_key, perspective, respondent, effect, note, version, updated_at
				from capacity_assessment where evaluation_id = ${from}`);
			await tx.execute(sql`insert into evaluation_participant (evaluation_id, user_id, perspective, created_at, created_by)
				select ${to}, user_id, perspective, created_at, created_by
				from evaluation_participant where evaluation_id = ${from}`);
			await tx.execute(sql`with src as materialized (
					select id as old_id, gen_random_uuid() as new_id from evidence where evaluation_id = ${from}
				), copied as (
					insert into evidence (id, evaluation_id, kind, title, standard_key, current_revision, created_at, created_by)
					select s.new_id, ${to}, e.kind, e.title, e.standard_key, e.current_revision, e.created_at, e.created_by
					from evidence e join src s on s.old_id = e.id
					returning id
				)
				insert into evidence_revision (evidence_id, revision, evidence_date, url, file_name, media_type, size_bytes, sha256, content, note, created_at, created_by)
				select s.new_id, r.revision, r.evidence_date, r.url, r.file_name, r.media_type, r.size_bytes, r.sha256, r.content, r.note, r.created_at, r.created_by
				from evidence_revision r join src s on s.old_id = r.evidence_id`);
			await recordAudit(tx, actor, {
				action: 'evaluation.revised',
				entityType: 'evaluation',
				entityId: to,
				institutionId: row.institutionId,
				details: { revisionOf: from, revision: next!.revision, reason: data.reason }
			});
			return next!;
		});
	} catch (error) {
		if (uniqueViolation(error) === 'evaluation_one_revision') throw alreadyRevised();
		throw error;
	}
}

export interface HistoryEntry {
	id: string;
	revision: number;
	status: EvaluationStatus;
	revisionReason: string | null;
	createdAt: Date;
	createdByName: string | null;
	finalisedAt: Date | null;
	finalisedByName: string | null;
	supersededBy: string | null;
}

export interface EvaluationHistory {
	chain: HistoryEntry[];
	/** One entry per consecutive pair: what changed from `fromRevision` to `toRevision`. */
	changes: { fromId: string; toId: string; fromRevision: number; toRevision: number; diff: RevisionDiff }[];
}

/** The revisions of an evaluation (oldest first) and what changed between each two. Throws 404. */
export async function evaluationHistory(
	db: Database,
	actor: Actor | null,
	id: string
): Promise<EvaluationHistory> {
	const row = await requireEvaluation(db, actor, id);
	// Revisions share the subject, so whoever reads one reads the whole chain.
	const ids = rowsOf<{ id: string }>(
		await db.execute(sql`with recursive up as (
				select id, revision_of from evaluation where id = ${row.id}
				union all
				select e.id, e.revision_of from evaluation e join up on e.id = up.revision_of
			), down as (
				select id from up where revision_of is null
				union all
				select e.id from evaluation e join down on e.revision_of = down.id
			)
			select id from down`)
	).map((r) => r.id);
	const creator = sql<string | null>`(select name from "user" where id = ${evaluation.createdBy})`;
	const finaliser = sql<string | null>`(select name from "user" where id = ${evaluation.finalisedBy})`;
	const chain = await db
		.select({
			id: evaluation.id,
			revision: evaluation.revision,
			status: evaluation.status,
			revisionReason: evaluation.revisionReason,
			createdAt: evaluation.createdAt,
			createdByName: creator,
			finalisedAt: evaluation.finalisedAt,
			finalisedByName: finaliser,
			supersededBy: evaluation.supersededBy
		})
		.from(evaluation)
		.where(inArray(evaluation.id, ids))
		.orderBy(asc(evaluation.revision));
	if (chain.length < 2) return { chain, changes: [] };
	const [ratings, capacities, findings] = await Promise.all([
		db
			.select({
				evaluationId: rating.evaluationId,
				standardKey: rating.standardKey,
				perspective: rating.perspective,
				levelKey: rating.levelKey,
				count: count()
			})
			.from(rating)
			.where(inArray(rating.evaluationId, ids))
			.groupBy(rating.evaluationId, rating.standardKey, rating.perspective, rating.levelKey),
		db
			.select({
				evaluationId: capacityAssessment.evaluationId,
				capacityKey: capacityAssessment.capacityKey,
				effect: capacityAssessment.effect,
				count: count()
			})
			.from(capacityAssessment)
			.where(inArray(capacityAssessment.evaluationId, ids))
			.groupBy(capacityAssessment.evaluationId, capacityAssessment.capacityKey, capacityAssessment.effect),
		db
			.select({
				evaluationId: finding.evaluationId,
				id: finding.id,
				copiedFromId: finding.copiedFromId,
				kind: finding.kind,
				valueKey: finding.valueKey,
				standardKey: finding.standardKey,
				perspective: finding.perspective,
				text: finding.text
			})
			.from(finding)
			.where(inArray(finding.evaluationId, ids))
			.orderBy(asc(finding.createdAt), asc(finding.id))
	]);
	const contentOf = (evaluationId: string): RevisionContent => ({
		ratings: ratings.filter((r) => r.evaluationId === evaluationId),
		capacities: capacities.filter((r) => r.evaluationId === evaluationId),
		findings: findings.filter((r) => r.evaluationId === evaluationId)
	});
	const changes = chain.slice(1).map((after, i) => {
		const before = chain[i]!;
		return {
			fromId: before.id,
			toId: after.id,
			fromRevision: before.revision,
			toRevision: after.revision,
			diff: diffRevisions(contentOf(before.id), contentOf(after.id))
		};
	});
	return { chain, changes };
}
