import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../testing/database.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';
import {
	capacityAssessment,
	evaluation,
	evaluationParticipant,
	evidence,
	evidenceRevision,
	finding,
	instrumentType,
	questionnaireLink,
	rating
} from './evaluation.table.ts';

// The database itself keeps a finalised evaluation as it was (migration 0009): whatever
// code or hand-written SQL tries, its row and its content stay unchanged. Only being
// superseded by a revision, once, is allowed.

let connection: Connection;
let db: Database;

beforeAll(async () => {
	connection = await createTestDatabase();
	db = connection.db;
});
afterAll(() => connection.close());

/** The message of the database error a statement ran into (drizzle wraps it). */
async function refusal(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (error) {
		let e: unknown = error;
		const messages: string[] = [];
		while (e) {
			messages.push((e as Error).message);
			e = (e as { cause?: unknown }).cause;
		}
		return messages.join(' | ');
	}
	throw new Error('expected the statement to be refused');
}

/** An evaluation with one row of each kind of content, then finalised by a raw update. */
async function finalisedWithContent() {
	const row = await buildEvaluation(db, { status: 'reporting' });
	await db.insert(rating).values({
		evaluationId: row.id,
		standardKey: row.scopeStandardKeys[0]!,
		perspective: 'teacher',
		respondent: 'u1',
		levelKey: 'at-standard',
		rank: 2
	});
	await db.insert(finding).values({ evaluationId: row.id, kind: 'strength', text: 'Goed gesprek' });
	await db.insert(capacityAssessment).values({
		evaluationId: row.id,
		capacityKey: 'learning',
		perspective: 'teacher',
		respondent: 'u1',
		effect: 'helps'
	});
	const [ev] = await db
		.insert(evidence)
		.values({ evaluationId: row.id, kind: 'link', title: 'Jaarplan' })
		.returning();
	await db
		.insert(evidenceRevision)
		.values({ evidenceId: ev!.id, revision: 1, evidenceDate: '2026-01-01', url: 'https://example.nl' });
	await db
		.insert(evaluationParticipant)
		.values({ evaluationId: row.id, userId: 'u1', perspective: 'teacher' });
	await db
		.insert(questionnaireLink)
		.values({ evaluationId: row.id, perspective: 'student', tokenHash: `h-${row.id}` });
	await db
		.update(evaluation)
		.set({ status: 'finalised', finalisedAt: new Date() })
		.where(eq(evaluation.id, row.id));
	return { row, evidenceId: ev!.id };
}

describe('built-in instrument types', () => {
	it('are installed by the migration with their level and self-evaluation flag', async () => {
		const rows = await db.select().from(instrumentType);
		const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
		expect(Object.keys(byKey).sort()).toEqual(
			[
				'instellingsaudit',
				'instellingsdialoog',
				'kwaliteitstafel',
				'panel_review_instelling',
				'panel_review_team',
				'peer_review',
				'thema_audit',
				'zelfevaluatie_instelling',
				'zelfevaluatie_team'
			].sort()
		);
		expect(byKey.zelfevaluatie_team).toMatchObject({
			level: 'team',
			selfEvaluation: true,
			institutionId: null
		});
		expect(byKey.zelfevaluatie_instelling).toMatchObject({ level: 'institution', selfEvaluation: true });
		expect(byKey.peer_review).toMatchObject({ level: 'team', selfEvaluation: false });
		expect(byKey.thema_audit).toMatchObject({ level: 'institution', selfEvaluation: false });
		for (const row of rows) expect(row.name.length).toBeGreaterThan(3);
	});
});

describe('a finalised evaluation in the database', () => {
	it('refuses a change of its own columns and its deletion', async () => {
		const { row } = await finalisedWithContent();
		expect(
			await refusal(db.execute(sql`update evaluation set title = 'Anders' where id = ${row.id}`))
		).toMatch(/is finalised and cannot be changed/);
		expect(
			await refusal(db.execute(sql`update evaluation set status = 'reporting' where id = ${row.id}`))
		).toMatch(/is finalised/);
		expect(await refusal(db.execute(sql`delete from evaluation where id = ${row.id}`))).toMatch(
			/cannot be deleted/
		);
		const [after] = await db.select().from(evaluation).where(eq(evaluation.id, row.id));
		expect(after).toMatchObject({ title: row.title, status: 'finalised' });
	});

	it('refuses inserts, updates and deletes of every kind of its content', async () => {
		const { row, evidenceId } = await finalisedWithContent();
		const attempts = [
			sql`update rating set level_key = 'ambition' where evaluation_id = ${row.id}`,
			sql`delete from rating where evaluation_id = ${row.id}`,
			sql`insert into rating (evaluation_id, standard_key, perspective, respondent) values (${row.id}, 'x', 'student', 'u9')`,
			sql`update finding set text = 'Herschreven' where evaluation_id = ${row.id}`,
			sql`insert into finding (evaluation_id, kind, text) values (${row.id}, 'risk', 'Nieuw')`,
			sql`delete from capacity_assessment where evaluation_id = ${row.id}`,
			sql`update evidence set title = 'Ander' where evaluation_id = ${row.id}`,
			sql`update evidence_revision set note = 'Anders' where evidence_id = ${evidenceId}`,
			sql`insert into evidence_revision (evidence_id, revision, evidence_date) values (${evidenceId}, 2, '2026-02-02')`,
			sql`delete from evaluation_participant where evaluation_id = ${row.id}`,
			sql`update questionnaire_link set revoked_at = now() where evaluation_id = ${row.id}`
		];
		for (const statement of attempts) {
			expect(await refusal(db.execute(statement))).toMatch(/is finalised/);
		}
		const [f] = await db.select().from(finding).where(eq(finding.evaluationId, row.id));
		expect(f!.text).toBe('Goed gesprek');
	});

	it('accepts being superseded once, and nothing else', async () => {
		const { row } = await finalisedWithContent();
		const next = await buildEvaluation(db, { status: 'reporting' });
		const other = await buildEvaluation(db, { status: 'reporting' });
		await db.execute(sql`update evaluation set superseded_by = ${next.id} where id = ${row.id}`);
		expect(
			await refusal(db.execute(sql`update evaluation set superseded_by = ${other.id} where id = ${row.id}`))
		).toMatch(/already superseded/);
	});

	it('leaves evaluations that are not finalised free to change', async () => {
		const row = await buildEvaluation(db, { status: 'execution' });
		await db.insert(finding).values({ evaluationId: row.id, kind: 'concern', text: 'Eerst' });
		await db.update(finding).set({ text: 'Daarna' }).where(eq(finding.evaluationId, row.id));
		await db.delete(finding).where(eq(finding.evaluationId, row.id));
		await db.update(evaluation).set({ title: 'Nieuw' }).where(eq(evaluation.id, row.id));
		await db.delete(evaluation).where(eq(evaluation.id, row.id));
		expect(await db.select().from(evaluation).where(eq(evaluation.id, row.id))).toEqual([]);
	});
});
