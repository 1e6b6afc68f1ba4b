import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { evaluationHeldOn } from '../dashboards/dashboard.queries.ts';
import { evaluation, rating } from '../evaluations/evaluation.table.ts';
import type { Tx } from '../db/database.ts';
import { modelVersion } from '../model/model.table.ts';
import { team } from '../organisation/organisation.table.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';

/** What a publication freezes: per value, how many teams stand at or above the standard. */
export interface InstitutionFigures {
	computedAt: string;
	teamsTotal: number;
	teamsEvaluated: number;
	values: { key: string; name: string; teamsEvaluated: number; teamsAtOrAboveStandard: number }[];
}

/**
 * The institution's figures now. A team counts with its latest finalised, not superseded
 * evaluation; its position on a value is the mean of its standards' mean ranks, and it
 * stands at or above the standard when that mean reaches the scale's standard level.
 */
export async function institutionFigures(db: Tx, institutionId: string): Promise<InstitutionFigures> {
	const [teams] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(team)
		.where(and(eq(team.institutionId, institutionId), isNull(team.archivedAt)));
	const latest = db
		.selectDistinctOn([evaluation.teamId], {
			id: evaluation.id,
			teamId: evaluation.teamId,
			modelVersionId: evaluation.modelVersionId
		})
		.from(evaluation)
		.innerJoin(team, and(eq(team.id, evaluation.teamId), isNull(team.archivedAt)))
		.where(
			and(
				eq(evaluation.institutionId, institutionId),
				eq(evaluation.subjectLevel, 'team'),
				eq(evaluation.status, 'finalised'),
				isNull(evaluation.supersededBy)
			)
		)
		// "Latest" as the dashboards see it: the day it was held, then finalised.
		.orderBy(
			evaluation.teamId,
			sql`${evaluationHeldOn} desc`,
			desc(evaluation.finalisedAt),
			desc(evaluation.id)
		)
		.as('latest');
	const rows = await db
		.select({
			teamId: latest.teamId,
			modelVersionId: latest.modelVersionId,
			standardKey: rating.standardKey,
			mean: sql<number>`avg(${rating.rank})::float8`
		})
		.from(latest)
		.innerJoin(rating, eq(rating.evaluationId, latest.id))
		.where(isNotNull(rating.rank))
		.groupBy(latest.teamId, latest.modelVersionId, rating.standardKey);
	const versionIds = [...new Set(rows.map((r) => r.modelVersionId))];
	const versions = versionIds.length
		? await db
				.select({ id: modelVersion.id, number: modelVersion.number, document: modelVersion.document })
				.from(modelVersion)
				.where(inArray(modelVersion.id, versionIds))
		: [];
	const docs = new Map<string, ModelDocument>(versions.map((v) => [v.id, v.document]));
	const newest = versions.sort((a, b) => b.number - a.number)[0]?.document;

	// team → version and standard means
	const perTeam = new Map<string, { versionId: string; means: Map<string, number> }>();
	for (const r of rows) {
		if (!r.teamId) continue;
		const entry = perTeam.get(r.teamId) ?? { versionId: r.modelVersionId, means: new Map() };
		entry.means.set(r.standardKey, Number(r.mean));
		perTeam.set(r.teamId, entry);
	}
	const tally = new Map<string, { name: string; evaluated: number; meets: number }>();
	for (const v of newest?.values ?? []) tally.set(v.key, { name: v.name, evaluated: 0, meets: 0 });
	for (const { versionId, means } of perTeam.values()) {
		const doc = docs.get(versionId);
		if (!doc) continue;
		const standardRank =
			doc.ratingScale.levels.find((l) => l.key === doc.ratingScale.standardLevelKey)?.rank ?? 0;
		for (const value of doc.values) {
			const ms = doc.standards
				.filter((s) => s.valueKeys.includes(value.key) && means.has(s.key))
				.map((s) => means.get(s.key)!);
			if (!ms.length) continue;
			const t =
				tally.get(value.key) ??
				tally.set(value.key, { name: value.name, evaluated: 0, meets: 0 }).get(value.key)!;
			t.evaluated += 1;
			if (ms.reduce((a, b) => a + b, 0) / ms.length >= standardRank) t.meets += 1;
		}
	}
	return {
		computedAt: new Date().toISOString(),
		teamsTotal: teams?.n ?? 0,
		teamsEvaluated: perTeam.size,
		values: [...tally].map(([key, t]) => ({
			key,
			name: t.name,
			teamsEvaluated: t.evaluated,
			teamsAtOrAboveStandard: t.meets
		}))
	};
}
