import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { evaluation, instrumentType, rating } from '../evaluations/evaluation.table.ts';
import { ensureDefaultModel, latestPublishedVersion } from '../model/model.service.ts';
import { recordFinalisedEvaluation } from './rollup.service.ts';

// Test data for the dashboards: evaluations inserted row by row and finalised by hand,
// so these tests do not wait for (or depend on) the evaluation workflow.

type Perspective = (typeof evaluation.$inferInsert)['perspectives'][number];

export interface TestRating {
	standardKey: string;
	perspective: Perspective;
	respondent: string;
	/** The level's rank on the default scale (1 below … 4 ambition), null for "niet beoordeeld". */
	rank: number | null;
}

const levelKeys: Record<number, string> = {
	1: 'below-standard',
	2: 'at-standard',
	3: 'above-standard',
	4: 'ambition'
};

export async function defaultModelVersionId(db: Database): Promise<string> {
	await ensureDefaultModel(db);
	return (await latestPublishedVersion(db))!.id;
}

export async function instrumentId(db: Database, key = 'zelfevaluatie_team'): Promise<string> {
	const [row] = await db.select().from(instrumentType).where(eq(instrumentType.key, key));
	return row!.id;
}

/** `count` respondents of one perspective who all give `rank` to each of `standards`. */
export function ratingsOf(
	perspective: Perspective,
	count: number,
	standards: string[],
	rank: number | null,
	prefix: string = perspective
): TestRating[] {
	return Array.from({ length: count }, (_, i) =>
		standards.map((standardKey) => ({ standardKey, perspective, respondent: `${prefix}-${i}`, rank }))
	).flat();
}

/**
 * Inserts an evaluation with its ratings, finalises it (and supersedes `revisionOf`),
 * and records the roll-ups as the finalise transaction would. `finalise: false` leaves
 * it in execution.
 */
export async function buildEvaluation(
	db: Database,
	input: {
		institutionId: string;
		teamId?: string | null;
		endsOn: string;
		ratings: TestRating[];
		instrumentKey?: string;
		revisionOf?: string;
		finalise?: boolean;
		title?: string;
	}
) {
	const modelVersionId = await defaultModelVersionId(db);
	const standards = [...new Set(input.ratings.map((r) => r.standardKey))];
	const [row] = await db
		.insert(evaluation)
		.values({
			instrumentTypeId: await instrumentId(
				db,
				input.instrumentKey ?? (input.teamId ? 'zelfevaluatie_team' : 'zelfevaluatie_instelling')
			),
			subjectLevel: input.teamId ? 'team' : 'institution',
			institutionId: input.institutionId,
			teamId: input.teamId ?? null,
			modelVersionId,
			title: input.title ?? `Zelfevaluatie ${input.endsOn}`,
			scopeStandardKeys: standards,
			scopeValueKeys: [],
			status: 'execution',
			startsOn: input.endsOn,
			endsOn: input.endsOn,
			perspectives: [...new Set(input.ratings.map((r) => r.perspective))],
			revisionOf: input.revisionOf ?? null,
			revision: input.revisionOf ? 2 : 1
		})
		.returning();
	if (input.ratings.length > 0) {
		await db.insert(rating).values(
			input.ratings.map((r) => ({
				evaluationId: row!.id,
				standardKey: r.standardKey,
				perspective: r.perspective,
				respondent: r.respondent,
				levelKey: r.rank === null ? null : levelKeys[r.rank]!,
				rank: r.rank
			}))
		);
	}
	if (input.finalise === false) return row!;
	await db.transaction(async (tx) => {
		await tx.execute(
			sql`update evaluation set status = 'finalised', finalised_at = now() where id = ${row!.id}`
		);
		if (input.revisionOf) {
			await tx.execute(sql`update evaluation set superseded_by = ${row!.id} where id = ${input.revisionOf}`);
		}
		await recordFinalisedEvaluation(tx, row!.id);
	});
	return row!;
}
