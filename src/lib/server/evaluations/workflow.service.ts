import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { conflict } from '../http/errors.ts';
import { parseInput } from '../http/input.ts';
import { recordFinalisedEvaluation } from '../dashboards/rollup.service.ts';
import type { Actor } from '../policy/policy.ts';
import { advanceSchema, finaliseSchema, statusLabels } from '../../domain/evaluations/evaluation-input.ts';
import { isBackStep, isStep, nextStatuses } from '../../domain/evaluations/workflow.ts';
import { assertNotFinalised, requireEvaluation, type EvaluationRow } from './evaluation.access.ts';
import { staleEvaluation } from './evaluation.service.ts';
import { evaluation } from './evaluation.table.ts';

function notAStep(row: EvaluationRow, to: string): never {
	const options = nextStatuses(row.status).map((s) => `'${statusLabels[s]}'`);
	throw conflict(
		`Een evaluatie in de fase '${statusLabels[row.status]}' kan niet naar '${statusLabels[to as EvaluationRow['status']] ?? to}'${options.length ? `; wel naar ${options.join(' of ')}` : ''}.`
	);
}

/**
 * Moves an evaluation one step through gepland → voorbereiding → uitvoering → rapportage,
 * or back from rapportage to uitvoering (reopening rating). `to: 'finalised'` is
 * `finaliseEvaluation`. `lock` is the version the person saw; a stale one is a 409, so a
 * double submit moves the evaluation once. Throws 404, 403, 409, 422.
 */
export async function advanceEvaluation(
	db: Database,
	actor: Actor | null,
	id: string,
	input: unknown
): Promise<EvaluationRow> {
	const data = parseInput(advanceSchema, input);
	if (data.to === 'finalised') return finaliseEvaluation(db, actor, id, { lock: data.lock });
	return db.transaction(async (tx) => {
		const row = await requireEvaluation(tx, actor, id, 'evaluation.advance', { lockRow: true });
		assertNotFinalised(row);
		if (row.lock !== data.lock) throw staleEvaluation(row);
		if (!isStep(row.status, data.to)) notAStep(row, data.to);
		const [updated] = await tx
			.update(evaluation)
			.set({ status: data.to, lock: row.lock + 1, updatedAt: new Date() })
			.where(eq(evaluation.id, row.id))
			.returning();
		await recordAudit(tx, actor, {
			action: isBackStep(row.status, data.to) ? 'evaluation.reopened' : 'evaluation.advanced',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { from: row.status, to: data.to }
		});
		return updated!;
	});
}

/**
 * Vaststellen: makes an evaluation in rapportage final, in one transaction with the
 * dashboards' roll-ups and, for a revision, with superseding the revision it corrects.
 * From then on the evaluation is immutable (the database refuses changes).
 * Throws 404 (not readable), 403 (may not finalise), 409 (already finalised, not in
 * rapportage, or `lock` stale), 422 (input).
 */
export async function finaliseEvaluation(
	db: Database,
	actor: Actor | null,
	id: string,
	input: unknown = {}
): Promise<EvaluationRow> {
	const data = parseInput(finaliseSchema, input ?? {});
	return db.transaction(async (tx) => {
		const row = await requireEvaluation(tx, actor, id, 'evaluation.finalise', { lockRow: true });
		if (row.status === 'finalised') throw conflict('Deze evaluatie is al vastgesteld.');
		if (data.lock !== undefined && row.lock !== data.lock) throw staleEvaluation(row);
		if (row.status !== 'reporting') notAStep(row, 'finalised');
		const [updated] = await tx
			.update(evaluation)
			.set({
				status: 'finalised',
				finalisedAt: new Date(),
				finalisedBy: actor!.userId,
				lock: row.lock + 1,
				updatedAt: new Date()
			})
			.where(eq(evaluation.id, row.id))
			.returning();
		if (row.revisionOf) {
			// The previous revision stays readable as history; the new one counts from now on.
			const superseded = await tx
				.update(evaluation)
				.set({ supersededBy: row.id })
				.where(and(eq(evaluation.id, row.revisionOf), isNull(evaluation.supersededBy)))
				.returning({ id: evaluation.id });
			if (superseded.length === 0)
				throw conflict(
					'De vorige revisie is al vervangen door een andere correctie; deze kan niet worden vastgesteld.'
				);
		}
		await recordFinalisedEvaluation(tx, row.id);
		await recordAudit(tx, actor, {
			action: 'evaluation.finalised',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { revision: row.revision, supersedes: row.revisionOf }
		});
		return updated!;
	});
}
