import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
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
	const result = await db.execute<{
		team_id: string;
		model_version_id: string;
		standard_key: string;
		mean: number;
	}>(sql`
		with latest as (
			select distinct on (e.team_id) e.id, e.team_id, e.model_version_id
			from evaluation e
			join team t on t.id = e.team_id and t.archived_at is null
			where e.institution_id = ${institutionId} and e.subject_level = 'team'
				and e.status = 'finalised' and e.superseded_by is null
			order by e.team_id, e.finalised_at desc, e.id
		)
		select l.team_id, l.model_version_id, r.standard_key, avg(r.rank)::float8 as mean
		from latest l join rating r on r.evaluation_id = l.id
		where r.rank is not null
		group by l.team_id, l.model_version_id, r.standard_key`);
	const rows = result.rows;
	const versionIds = [...new Set(rows.map((r) => r.model_version_id))];
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
		const entry = perTeam.get(r.team_id) ?? { versionId: r.model_version_id, means: new Map() };
		entry.means.set(r.standard_key, Number(r.mean));
		perTeam.set(r.team_id, entry);
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
