import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { user } from '../auth/auth.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { invalid, notFound } from '../http/errors.ts';
import { parseInput, requireId } from '../http/input.ts';
import { roleAssignment } from '../people/people.table.ts';
import type { Actor } from '../policy/policy.ts';
import {
	participantSchema,
	perspectiveLabels,
	type Perspective
} from '../../domain/evaluations/evaluation-input.ts';
import { assertNotFinalised, requireEvaluation, type EvaluationRow } from './evaluation.access.ts';
import { evaluationParticipant } from './evaluation.table.ts';

export interface Participant {
	id: string;
	userId: string;
	name: string;
	email: string;
	perspective: Perspective;
}

/** People who hold a role where the evaluation looks: the team (and institution staff) or the institution. */
function candidateFilter(row: Pick<EvaluationRow, 'institutionId' | 'teamId'>) {
	return and(
		eq(roleAssignment.institutionId, row.institutionId),
		row.teamId ? or(isNull(roleAssignment.teamId), eq(roleAssignment.teamId, row.teamId)) : undefined
	);
}

/** The participants of an evaluation, by perspective then name. Throws 404 when not readable. */
export async function listParticipants(
	db: Database | Tx,
	actor: Actor | null,
	evaluationId: string
): Promise<Participant[]> {
	const row = await requireEvaluation(db, actor, evaluationId);
	return db
		.select({
			id: evaluationParticipant.id,
			userId: evaluationParticipant.userId,
			name: user.name,
			email: user.email,
			perspective: evaluationParticipant.perspective
		})
		.from(evaluationParticipant)
		.innerJoin(user, eq(user.id, evaluationParticipant.userId))
		.where(eq(evaluationParticipant.evaluationId, row.id))
		.orderBy(asc(evaluationParticipant.perspective), asc(user.name));
}

/** People who may be added (a role in the team or the institution), for a select; at most 500. */
export async function participantCandidates(db: Database, actor: Actor | null, evaluationId: string) {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.manage_participants');
	return db
		.selectDistinct({ id: user.id, name: user.name, email: user.email })
		.from(roleAssignment)
		.innerJoin(user, eq(user.id, roleAssignment.userId))
		.where(and(candidateFilter(row), isNull(user.archivedAt)))
		.orderBy(asc(user.name), asc(user.email), asc(user.id))
		.limit(500);
}

/**
 * Adds a person with an account as a participant in one of the plan's perspectives (or
 * moves them to another perspective). Only people who hold a role in the team or the
 * institution can take part. Throws 404, 403, 409 (finalised), 422.
 */
export async function addParticipant(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	input: unknown
): Promise<Participant> {
	const data = parseInput(participantSchema, input);
	return db.transaction(async (tx) => {
		const row = await requireEvaluation(tx, actor, evaluationId, 'evaluation.manage_participants', {
			lockRow: true
		});
		assertNotFinalised(row);
		if (!row.perspectives.includes(data.perspective))
			throw invalid([
				{
					field: 'perspective',
					message: `het plan kent het perspectief '${perspectiveLabels[data.perspective]}' niet; voeg het eerst toe aan het plan`
				}
			]);
		const [person] = await tx
			.select({ id: user.id, name: user.name, email: user.email })
			.from(roleAssignment)
			.innerJoin(user, eq(user.id, roleAssignment.userId))
			.where(and(eq(user.id, data.userId), candidateFilter(row), isNull(user.archivedAt)))
			.limit(1);
		if (!person)
			throw invalid([
				{
					field: 'userId',
					message: row.teamId
						? 'kies iemand met een rol in dit team of deze instelling'
						: 'kies iemand met een rol in deze instelling'
				}
			]);
		const [saved] = await tx
			.insert(evaluationParticipant)
			.values({
				evaluationId: row.id,
				userId: person.id,
				perspective: data.perspective,
				createdBy: actor!.userId
			})
			.onConflictDoUpdate({
				target: [evaluationParticipant.evaluationId, evaluationParticipant.userId],
				set: { perspective: sql`excluded.perspective` }
			})
			.returning();
		await recordAudit(tx, actor, {
			action: 'evaluation.participant_added',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { userId: person.id, perspective: data.perspective }
		});
		return {
			id: saved!.id,
			userId: person.id,
			name: person.name,
			email: person.email,
			perspective: saved!.perspective
		};
	});
}

/** Removes a participant (their ratings and findings stay). Throws 404, 403, 409 (finalised). */
export async function removeParticipant(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	participantId: string
): Promise<void> {
	await db.transaction(async (tx) => {
		const row = await requireEvaluation(tx, actor, evaluationId, 'evaluation.manage_participants', {
			lockRow: true
		});
		assertNotFinalised(row);
		requireId(participantId, 'De deelnemer');
		const removed = await tx
			.delete(evaluationParticipant)
			.where(and(eq(evaluationParticipant.id, participantId), eq(evaluationParticipant.evaluationId, row.id)))
			.returning();
		if (removed.length === 0) throw notFound('De deelnemer');
		await recordAudit(tx, actor, {
			action: 'evaluation.participant_removed',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { userId: removed[0]!.userId, perspective: removed[0]!.perspective }
		});
	});
}
