import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { requireId } from '../http/input.ts';
import { requireSignedIn } from '../organisation/access.ts';
import { can, type Actor, type Scope } from '../policy/policy.ts';
import { evaluationPolicy, type EvaluationAction } from './evaluation.policy.ts';
import { evaluation } from './evaluation.table.ts';

export type EvaluationRow = typeof evaluation.$inferSelect;

/** The policy scope of an evaluation: its subject. */
export function evaluationScope(row: { institutionId: string; teamId: string | null }): Scope {
	return row.teamId
		? { institutionId: row.institutionId, teamId: row.teamId }
		: { institutionId: row.institutionId };
}

/**
 * Loads an evaluation for an action: 404 when the actor may not even read it (ids of other
 * institutions do not leak), 403 when they read it but may not do `action`.
 * `lockRow` takes a row lock (use inside a transaction before a write).
 */
export async function requireEvaluation(
	db: Database | Tx,
	actor: Actor | null,
	id: string,
	action: EvaluationAction = 'evaluation.read',
	options: { lockRow?: boolean } = {}
): Promise<EvaluationRow> {
	const who = requireSignedIn(actor);
	requireId(id, 'De evaluatie');
	const query = db.select().from(evaluation).where(eq(evaluation.id, id));
	const [row] = options.lockRow ? await query.for('update') : await query;
	if (!row) throw notFound('De evaluatie');
	const scope = evaluationScope(row);
	if (!can(who, evaluationPolicy, 'evaluation.read', scope)) throw notFound('De evaluatie');
	if (!can(who, evaluationPolicy, action, scope)) throw forbidden();
	return row;
}

/** A finalised evaluation is evidence; corrections make a revision. */
export function assertNotFinalised(row: EvaluationRow): void {
	if (row.status === 'finalised')
		throw conflict(
			'Deze evaluatie is vastgesteld en kan niet meer worden gewijzigd. Maak een correctie (nieuwe revisie) om iets aan te passen.'
		);
}
