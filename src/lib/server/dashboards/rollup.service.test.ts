import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../testing/database.ts';
import { buildInstitution, buildTeam } from '../testing/factories.ts';
import { diffRollups, rebuildRollups, recordFinalisedEvaluation } from './rollup.service.ts';
import {
	evaluationScore,
	institutionDistribution,
	institutionInstrumentUsage,
	subjectInstrumentUsage,
	subjectPosition
} from './rollup.table.ts';
import { buildEvaluation, ratingsOf } from './test-data.ts';

let connection: Connection;
let db: Database;

beforeAll(async () => {
	connection = await createTestDatabase();
	db = connection.db;
});
afterAll(() => connection?.close());

async function snapshot() {
	const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
	return {
		scores: sorted(await db.select().from(evaluationScore)),
		positions: sorted(await db.select().from(subjectPosition)),
		distribution: sorted(await db.select().from(institutionDistribution)),
		usage: sorted(await db.select().from(subjectInstrumentUsage)),
		institutionUsage: sorted(await db.select().from(institutionInstrumentUsage))
	};
}

async function position(subjectId: string, kind: 'value' | 'standard', key: string) {
	const [row] = await db
		.select()
		.from(subjectPosition)
		.where(
			and(
				eq(subjectPosition.subjectId, subjectId),
				eq(subjectPosition.kind, kind),
				eq(subjectPosition.key, key)
			)
		);
	return row;
}

describe('roll-ups', () => {
	let institutionId: string;
	let teamA: string;
	let teamB: string;

	beforeAll(async () => {
		const inst = await buildInstitution(db);
		institutionId = inst.id;
		teamA = (await buildTeam(db, inst.id)).id;
		teamB = (await buildTeam(db, inst.id)).id;
	});

	it('sums ratings per standard, value and perspective when an evaluation is finalised', async () => {
		const e = await buildEvaluation(db, {
			institutionId,
			teamId: teamA,
			endsOn: '2025-03-01',
			ratings: [
				...ratingsOf('student', 5, ['team-visie', 'team-cultuur'], 3),
				...ratingsOf('teacher', 4, ['team-visie'], 1),
				...ratingsOf('teacher', 1, ['team-visie'], null, 'late-teacher')
			]
		});
		const scores = await db.select().from(evaluationScore).where(eq(evaluationScore.evaluationId, e.id));
		const visieTeachers = scores.find(
			(s) => s.kind === 'standard' && s.key === 'team-visie' && s.perspective === 'teacher'
		);
		expect(visieTeachers).toMatchObject({ respondents: 5, ratedCount: 4, rankSum: 4, meetsCount: 0 });
		// eigenaarschap = team-visie + team-cultuur (+ others not rated): 5 students rated both.
		const ownershipStudents = scores.find(
			(s) => s.kind === 'value' && s.key === 'eigenaarschap' && s.perspective === 'student'
		);
		expect(ownershipStudents).toMatchObject({ respondents: 5, ratedCount: 10, rankSum: 30, meetsCount: 10 });

		// team-visie over all: (5·3 + 4·1) / 9 = 2.11 → nearest level 2 (op de standaard).
		expect(await position(teamA, 'standard', 'team-visie')).toMatchObject({
			evaluationId: e.id,
			respondents: 10,
			ratedCount: 9,
			rankSum: 19,
			positionRank: 2,
			standardRank: 2,
			heldOn: '2025-03-01'
		});
	});

	it('rounds a mean exactly between two levels down', async () => {
		const e = await buildEvaluation(db, {
			institutionId,
			teamId: teamB,
			endsOn: '2025-04-01',
			ratings: [
				...ratingsOf('student', 5, ['team-actueel'], 2),
				...ratingsOf('teacher', 5, ['team-actueel'], 3)
			]
		});
		expect(await position(teamB, 'standard', 'team-actueel')).toMatchObject({
			evaluationId: e.id,
			positionRank: 2
		});
		const [dist] = await db
			.select()
			.from(institutionDistribution)
			.where(
				and(
					eq(institutionDistribution.institutionId, institutionId),
					eq(institutionDistribution.valueKey, 'wendbaarheid')
				)
			);
		expect(dist).toMatchObject({ positionRank: 2, teams: 1 });
	});

	it('keeps the latest held evaluation, and lets a revision supersede the one it corrects', async () => {
		const newer = await buildEvaluation(db, {
			institutionId,
			teamId: teamA,
			endsOn: '2026-01-15',
			ratings: ratingsOf('student', 5, ['team-visie'], 4)
		});
		expect((await position(teamA, 'standard', 'team-visie'))?.evaluationId).toBe(newer.id);
		// Finalised later but held earlier: not the latest position.
		await buildEvaluation(db, {
			institutionId,
			teamId: teamA,
			endsOn: '2025-09-01',
			ratings: ratingsOf('student', 5, ['team-visie'], 1)
		});
		expect((await position(teamA, 'standard', 'team-visie'))?.evaluationId).toBe(newer.id);
		// team-cultuur was only in the first evaluation: it still shows from there.
		expect((await position(teamA, 'standard', 'team-cultuur'))?.heldOn).toBe('2025-03-01');

		const revision = await buildEvaluation(db, {
			institutionId,
			teamId: teamA,
			endsOn: '2026-01-15',
			revisionOf: newer.id,
			ratings: ratingsOf('student', 5, ['team-visie'], 3)
		});
		expect(await position(teamA, 'standard', 'team-visie')).toMatchObject({
			evaluationId: revision.id,
			positionRank: 3
		});
		// The corrected evaluation keeps its own scores (history), but no longer counts as a use.
		expect(
			await db.select().from(evaluationScore).where(eq(evaluationScore.evaluationId, newer.id))
		).not.toHaveLength(0);
		const usage = await db
			.select()
			.from(subjectInstrumentUsage)
			.where(and(eq(subjectInstrumentUsage.subjectId, teamA), eq(subjectInstrumentUsage.year, 2026)));
		expect(usage.map((u) => u.evaluations)).toEqual([1]);
	});

	it('supersedes also when the revision is recorded before the old one is marked', async () => {
		const old = await buildEvaluation(db, {
			institutionId,
			teamId: teamB,
			endsOn: '2026-02-01',
			ratings: ratingsOf('teacher', 5, ['team-student'], 1)
		});
		const revision = await buildEvaluation(db, {
			institutionId,
			teamId: teamB,
			endsOn: '2026-02-01',
			ratings: ratingsOf('teacher', 5, ['team-student'], 4),
			finalise: false
		});
		await db.transaction(async (tx) => {
			await tx.execute(sql`update evaluation set revision_of = ${old.id} where id = ${revision.id}`);
			await tx.execute(
				sql`update evaluation set status = 'finalised', finalised_at = now() where id = ${revision.id}`
			);
			await recordFinalisedEvaluation(tx, revision.id);
		});
		expect((await position(teamB, 'standard', 'team-student'))?.evaluationId).toBe(revision.id);
	});

	it('records an institution evaluation as the institution subject', async () => {
		const e = await buildEvaluation(db, {
			institutionId,
			endsOn: '2025-11-01',
			ratings: ratingsOf('board', 3, ['instelling-koers'], 2)
		});
		expect(await position(institutionId, 'value', 'eigenaarschap')).toMatchObject({
			evaluationId: e.id,
			subjectLevel: 'institution',
			teamId: null
		});
	});

	it('refuses an evaluation that is not finalised, or does not exist', async () => {
		const draft = await buildEvaluation(db, {
			institutionId,
			teamId: teamA,
			endsOn: '2026-05-01',
			ratings: [],
			finalise: false
		});
		await expect(recordFinalisedEvaluation(db, draft.id)).rejects.toThrow(/not finalised/);
		await expect(recordFinalisedEvaluation(db, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(
			/does not exist/
		);
	});

	it('matches a full recompute, cell for cell', async () => {
		expect(await diffRollups(db)).toEqual([]);
		const incremental = await snapshot();
		await rebuildRollups(db);
		expect(await snapshot()).toEqual(incremental);
		expect(incremental.positions.length).toBeGreaterThan(10);
	});

	it('reports a tampered cell and a missing row', async () => {
		await db.execute(
			sql`update subject_position set rank_sum = rank_sum + 1 where subject_id = ${teamA} and kind = 'standard' and key = 'team-visie'`
		);
		await db.execute(sql`delete from institution_instrument_usage where institution_id = ${institutionId}`);
		const differences = await diffRollups(db);
		const tampered = differences.find((d) => d.table === 'subject_position');
		expect(tampered?.key).toEqual({ subject_id: teamA, kind: 'standard', key: 'team-visie' });
		expect(Number(tampered?.stored?.rank_sum)).toBe(Number(tampered?.expected?.rank_sum) + 1);
		const missing = differences.filter((d) => d.table === 'institution_instrument_usage');
		expect(missing.length).toBeGreaterThan(0);
		expect(missing.every((d) => d.stored === null && d.expected !== null)).toBe(true);
		expect(differences).toHaveLength(1 + missing.length);

		await rebuildRollups(db);
		expect(await diffRollups(db)).toEqual([]);
	});
});
