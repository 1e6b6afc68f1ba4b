import { and, asc, eq } from 'drizzle-orm';
import { user } from '../auth/auth.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { parseInput, requireId } from '../http/input.ts';
import type { Actor } from '../policy/policy.ts';
import {
	createFindingSchema,
	deleteFindingSchema,
	findingKindLabels,
	updateFindingSchema,
	type FindingInput
} from '../../domain/evaluations/evaluation-input.ts';
import { requireEvaluation, type EvaluationRow } from './evaluation.access.ts';
import { assertContentOpen } from './evaluation.service.ts';
import { finding } from './evaluation.table.ts';

export type FindingRow = typeof finding.$inferSelect;
export type FindingItem = FindingRow & { authorName: string | null };

const what = 'De bevinding';

/** A value or standard a finding names must be in the evaluation's scope. */
function checkScope(row: EvaluationRow, data: FindingInput): void {
	const errors = [];
	if (data.valueKey && !row.scopeValueKeys.includes(data.valueKey))
		errors.push({
			field: 'valueKey',
			message: `referentiewaarde '${data.valueKey}' valt buiten de scope van deze evaluatie`
		});
	if (data.standardKey && !row.scopeStandardKeys.includes(data.standardKey))
		errors.push({
			field: 'standardKey',
			message: `standaard '${data.standardKey}' valt buiten de scope van deze evaluatie`
		});
	if (errors.length) throw invalid(errors);
}

/**
 * Someone else saved this finding since the person opened it: a 409 that shows their
 * text beside the one being saved (the form keeps the person's own text), never an overwrite.
 */
function staleFinding(current: FindingRow | undefined): AppError {
	if (!current)
		return new AppError(
			409,
			'conflict',
			'Deze bevinding is intussen door iemand anders verwijderd. Uw tekst is niet opgeslagen; voeg hem zo nodig opnieuw toe.'
		);
	return new AppError(
		409,
		'conflict',
		`Deze bevinding is intussen door iemand anders gewijzigd (nu versie ${current.version}). Hun tekst: "${current.text}". Uw tekst staat nog in het formulier; neem over wat u wilt houden en sla opnieuw op.`,
		[{ field: 'text', message: `Huidige tekst (${findingKindLabels[current.kind]}): ${current.text}` }]
	);
}

/** The findings of an evaluation, by value, kind and age, with the author's name. Throws 404. */
export async function listFindings(
	db: Database | Tx,
	actor: Actor | null,
	evaluationId: string
): Promise<FindingItem[]> {
	const row = await requireEvaluation(db, actor, evaluationId);
	const rows = await db
		.select({ finding, authorName: user.name })
		.from(finding)
		.leftJoin(user, eq(user.id, finding.authorId))
		.where(eq(finding.evaluationId, row.id))
		.orderBy(asc(finding.valueKey), asc(finding.kind), asc(finding.createdAt), asc(finding.id));
	return rows.map((r) => ({ ...r.finding, authorName: r.authorName }));
}

/** Records a finding during uitvoering or rapportage. Throws 404, 403, 409 (phase), 422. */
export async function createFinding(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	input: unknown
): Promise<FindingRow> {
	const data = parseInput(createFindingSchema, input);
	return db.transaction(async (tx) => {
		// The row lock makes a finding and vaststellen take turns: no finding slips in after it.
		const row = await requireEvaluation(tx, actor, evaluationId, 'evaluation.write_findings', {
			lockRow: true
		});
		assertContentOpen(row);
		checkScope(row, data);
		// The evaluation's row lock serialises submits, so a repeated form token is seen here.
		if (data.clientToken) {
			const [earlier] = await tx
				.select()
				.from(finding)
				.where(
					and(
						eq(finding.evaluationId, row.id),
						eq(finding.authorId, actor!.userId),
						eq(finding.clientToken, data.clientToken)
					)
				);
			if (earlier) return earlier;
		}
		const [saved] = await tx
			.insert(finding)
			.values({
				evaluationId: row.id,
				kind: data.kind,
				valueKey: data.valueKey ?? null,
				standardKey: data.standardKey ?? null,
				perspective: data.perspective ?? null,
				text: data.text,
				authorId: actor!.userId,
				clientToken: data.clientToken ?? null
			})
			.returning();
		await recordAudit(tx, actor, {
			action: 'finding.created',
			entityType: 'finding',
			entityId: saved!.id,
			institutionId: row.institutionId,
			details: { evaluationId: row.id, kind: data.kind }
		});
		return saved!;
	});
}

async function findingOf(tx: Tx, evaluationId: string, findingId: string): Promise<FindingRow> {
	requireId(findingId, what);
	const [row] = await tx
		.select()
		.from(finding)
		.where(and(eq(finding.id, findingId), eq(finding.evaluationId, evaluationId)));
	if (!row) throw notFound(what);
	return row;
}

/**
 * Changes a finding; `version` is the one the edit started from. A stale version is a 409
 * that shows the other person's current text. Throws 404, 403, 409, 422.
 */
export async function updateFinding(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	findingId: string,
	input: unknown
): Promise<FindingRow> {
	const data = parseInput(updateFindingSchema, input);
	return db.transaction(async (tx) => {
		const row = await requireEvaluation(tx, actor, evaluationId, 'evaluation.write_findings', {
			lockRow: true
		});
		assertContentOpen(row);
		const current = await findingOf(tx, row.id, findingId);
		if (current.version !== data.version) throw staleFinding(current);
		checkScope(row, data);
		const [saved] = await tx
			.update(finding)
			.set({
				kind: data.kind,
				valueKey: data.valueKey ?? null,
				standardKey: data.standardKey ?? null,
				perspective: data.perspective ?? null,
				text: data.text,
				version: current.version + 1,
				updatedAt: new Date()
			})
			.where(and(eq(finding.id, current.id), eq(finding.version, data.version)))
			.returning();
		if (!saved) throw staleFinding(current);
		await recordAudit(tx, actor, {
			action: 'finding.updated',
			entityType: 'finding',
			entityId: current.id,
			institutionId: row.institutionId,
			details: { evaluationId: row.id, version: saved.version }
		});
		return saved;
	});
}

/** Deletes a finding at the version the person saw. Throws 404, 403, 409 (phase or stale version). */
export async function deleteFinding(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	findingId: string,
	input: unknown
): Promise<void> {
	const data = parseInput(deleteFindingSchema, input);
	await db.transaction(async (tx) => {
		const row = await requireEvaluation(tx, actor, evaluationId, 'evaluation.write_findings', {
			lockRow: true
		});
		assertContentOpen(row);
		const current = await findingOf(tx, row.id, findingId);
		if (current.version !== data.version) throw staleFinding(current);
		await tx.delete(finding).where(eq(finding.id, current.id));
		await recordAudit(tx, actor, {
			action: 'finding.deleted',
			entityType: 'finding',
			entityId: current.id,
			institutionId: row.institutionId,
			details: { evaluationId: row.id, kind: current.kind, text: current.text }
		});
	});
}
