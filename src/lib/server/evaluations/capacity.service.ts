import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, invalid } from '../http/errors.ts';
import { parseInput, uniqueViolation } from '../http/input.ts';
import * as versions from '../model/model.queries.ts';
import type { Actor } from '../policy/policy.ts';
import { capacityInputSchema, type CapacityEffect } from '../../domain/evaluations/evaluation-input.ts';
import { requireEvaluation } from './evaluation.access.ts';
import { assertContentOpen } from './evaluation.service.ts';
import { capacityAssessment } from './evaluation.table.ts';
import { actorPerspective } from './perspective.ts';

export type CapacityRow = typeof capacityAssessment.$inferSelect;

export interface CapacitySummary {
	capacityKey: string;
	helps: number;
	hinders: number;
	/** Notes without names: what people said, not who said it. */
	notes: { effect: CapacityEffect; note: string }[];
}

const effectLabel = (effect: CapacityEffect) => (effect === 'helps' ? 'helpt' : 'belemmert');

function staleCapacity(current: CapacityRow | undefined): AppError {
	if (!current)
		return new AppError(
			409,
			'conflict',
			'Uw antwoord over dit vermogen is intussen verwijderd (in een ander venster?). Kies opnieuw en sla op.'
		);
	return new AppError(
		409,
		'conflict',
		`Uw antwoord over dit vermogen is intussen elders gewijzigd: nu '${effectLabel(current.effect)}'${current.note ? ` met toelichting "${current.note}"` : ''}. Controleer het en sla opnieuw op.`,
		[
			{
				field: 'effect',
				message: `Opgeslagen: ${effectLabel(current.effect)}${current.note ? ` — ${current.note}` : ''}`
			}
		]
	);
}

/**
 * The capacities (vermogens) of an evaluation: the actor's own answers, and per capacity
 * how many say it helps or hinders, with their notes (no names). Throws 404.
 */
export async function listCapacities(
	db: Database | Tx,
	actor: Actor | null,
	evaluationId: string
): Promise<{ mine: CapacityRow[]; summary: CapacitySummary[] }> {
	const row = await requireEvaluation(db, actor, evaluationId);
	const rows = await db
		.select()
		.from(capacityAssessment)
		.where(eq(capacityAssessment.evaluationId, row.id))
		.orderBy(asc(capacityAssessment.capacityKey), asc(capacityAssessment.updatedAt));
	const byKey = new Map<string, CapacitySummary>();
	for (const r of rows) {
		const entry = byKey.get(r.capacityKey) ?? { capacityKey: r.capacityKey, helps: 0, hinders: 0, notes: [] };
		entry[r.effect]++;
		if (r.note) entry.notes.push({ effect: r.effect, note: r.note });
		byKey.set(r.capacityKey, entry);
	}
	return { mine: rows.filter((r) => r.respondent === actor!.userId), summary: [...byKey.values()] };
}

/**
 * Records whether a capacity helps or hinders, for the actor (one answer per person per
 * capacity; `effect: 'none'` withdraws it). `version` is the one the person saw (0 or
 * absent for a first answer); a stale one is a 409 showing what is stored.
 * Throws 404, 403, 409, 422. Returns the saved row, or null when withdrawn.
 */
export async function saveCapacity(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	input: unknown
): Promise<CapacityRow | null> {
	const data = parseInput(capacityInputSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const row = await requireEvaluation(tx, actor, evaluationId, 'evaluation.write_findings', {
				lockRow: true
			});
			assertContentOpen(row);
			const version = await versions.find(tx, row.modelVersionId);
			if (!version?.document.capacities.some((c) => c.key === data.capacityKey))
				throw invalid([{ field: 'capacityKey', message: `onbekend vermogen '${data.capacityKey}'` }]);
			const respondent = actor!.userId;
			const [current] = await tx
				.select()
				.from(capacityAssessment)
				.where(
					and(
						eq(capacityAssessment.evaluationId, row.id),
						eq(capacityAssessment.capacityKey, data.capacityKey),
						eq(capacityAssessment.respondent, respondent)
					)
				);
			const expected = data.version ?? 0;
			if (current ? current.version !== expected : expected !== 0) throw staleCapacity(current);
			const audit = (action: string, details: Record<string, unknown>) =>
				recordAudit(tx, actor, {
					action,
					entityType: 'evaluation',
					entityId: row.id,
					institutionId: row.institutionId,
					details: { capacityKey: data.capacityKey, ...details }
				});
			if (data.effect === 'none') {
				if (current) {
					await tx.delete(capacityAssessment).where(eq(capacityAssessment.id, current.id));
					await audit('capacity.withdrawn', {});
				}
				return null;
			}
			// As a named participant, else from the person's role (the same rule ratings use);
			// never what the client says, or anyone could fill up a small group's count.
			const perspective = await actorPerspective(tx, actor!, row);
			if (current) {
				const [saved] = await tx
					.update(capacityAssessment)
					.set({
						effect: data.effect,
						note: data.note ?? '',
						perspective,
						version: current.version + 1,
						updatedAt: new Date()
					})
					.where(and(eq(capacityAssessment.id, current.id), eq(capacityAssessment.version, current.version)))
					.returning();
				if (!saved) throw staleCapacity(current);
				await audit('capacity.updated', { effect: data.effect });
				return saved;
			}
			const [saved] = await tx
				.insert(capacityAssessment)
				.values({
					evaluationId: row.id,
					capacityKey: data.capacityKey,
					respondent,
					perspective,
					effect: data.effect,
					note: data.note ?? ''
				})
				.returning();
			await audit('capacity.recorded', { effect: data.effect });
			return saved!;
		});
	} catch (error) {
		// Two first answers at once (a double submit): the second one saw no row yet.
		if (uniqueViolation(error)) throw staleCapacity(undefined);
		throw error;
	}
}
