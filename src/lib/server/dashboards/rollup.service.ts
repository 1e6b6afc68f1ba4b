import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../db/database.ts';

/*
 * Roll-ups: the figures the dashboards read, kept small so no page ever scans ratings.
 * Every roll-up is defined once, as a SELECT over its sources (below); the incremental
 * update (one subject, inside the finalise transaction), the full rebuild and the
 * check (recompute into temporary tables and compare) all run the same SELECTs, so
 * they cannot drift apart.
 */

type Source = { score: SQL; position: SQL; usage: SQL };

const stored: Source = {
	score: sql.raw('evaluation_score'),
	position: sql.raw('subject_position'),
	usage: sql.raw('subject_instrument_usage')
};

/** The day an evaluation took place: its end date, else the (Dutch) day it was finalised. */
const heldOn = sql`coalesce(e.ends_on, (e.finalised_at at time zone 'Europe/Amsterdam')::date)`;

/**
 * Finalised and not superseded. A revision may be finalised before or after the old
 * one gets its superseded_by, so a finalised revision pointing at it counts too.
 */
const current = sql`e.status = 'finalised' and e.superseded_by is null and not exists (
	select 1 from evaluation r where r.revision_of = e.id and r.status = 'finalised')`;

/** Model facts the roll-ups need, read from the versions' JSON once per statement. */
const modelCtes = sql`
scale_level as (
	select mv.id as model_version_id, (lv->>'rank')::int as rank
	from model_version mv cross join jsonb_array_elements(mv.document->'ratingScale'->'levels') lv),
scale_standard as (
	select mv.id as model_version_id, (lv->>'rank')::int as rank
	from model_version mv cross join jsonb_array_elements(mv.document->'ratingScale'->'levels') lv
	where lv->>'key' = mv.document->'ratingScale'->>'standardLevelKey'),
standard_value as (
	select mv.id as model_version_id, s->>'key' as standard_key, v.value_key
	from model_version mv
	cross join jsonb_array_elements(mv.document->'standards') s
	cross join jsonb_array_elements_text(s->'valueKeys') as v(value_key))`;

export const scoreColumns = sql.raw(
	'evaluation_id, kind, key, perspective, respondents, rated_count, rank_sum, meets_count'
);

/** evaluation_score rows from raw ratings of the finalised evaluations matching `where` (on alias e). */
function scoreSelect(where: SQL): SQL {
	return sql`with ${modelCtes}
select r.evaluation_id, 'standard'::score_kind, r.standard_key, r.perspective,
	count(*)::int, count(r.rank)::int, coalesce(sum(r.rank), 0)::int,
	(count(*) filter (where r.rank >= ss.rank))::int
from rating r
join evaluation e on e.id = r.evaluation_id
join scale_standard ss on ss.model_version_id = e.model_version_id
where e.status = 'finalised' and (${where})
group by r.evaluation_id, r.standard_key, r.perspective
union all
select r.evaluation_id, 'value'::score_kind, sv.value_key, r.perspective,
	count(distinct r.respondent)::int, count(r.rank)::int, coalesce(sum(r.rank), 0)::int,
	(count(*) filter (where r.rank >= ss.rank))::int
from rating r
join evaluation e on e.id = r.evaluation_id
join scale_standard ss on ss.model_version_id = e.model_version_id
join standard_value sv on sv.model_version_id = e.model_version_id and sv.standard_key = r.standard_key
where e.status = 'finalised' and (${where})
group by r.evaluation_id, sv.value_key, r.perspective`;
}

export const positionColumns = sql.raw(
	'subject_id, subject_level, institution_id, team_id, kind, key, evaluation_id, model_version_id, instrument_type_id, held_on, finalised_at, respondents, rated_count, rank_sum, position_rank, standard_rank'
);

/**
 * subject_position rows for the subjects matching `where` (on alias e): per value and
 * standard, the latest current evaluation that covered it, perspectives together. The
 * position is the scale level nearest to the mean rank, compared exactly in integers
 * (|rank·n − sum|), ties to the lower level — the same rule as domain/dashboards/position.ts.
 */
function positionSelect(scores: SQL, where: SQL): SQL {
	return sql`with ${modelCtes},
per_evaluation as (
	select coalesce(e.team_id, e.institution_id) as subject_id, e.subject_level, e.institution_id, e.team_id,
		s.kind, s.key, e.id as evaluation_id, e.model_version_id, e.instrument_type_id,
		${heldOn} as held_on, e.finalised_at,
		sum(s.respondents)::int as respondents, sum(s.rated_count)::int as rated_count, sum(s.rank_sum)::int as rank_sum
	from ${scores} s join evaluation e on e.id = s.evaluation_id
	where ${current} and (${where})
	group by e.id, s.kind, s.key),
latest as (
	select distinct on (subject_id, kind, key) *
	from per_evaluation
	order by subject_id, kind, key, held_on desc, finalised_at desc, evaluation_id desc)
select l.subject_id, l.subject_level, l.institution_id, l.team_id, l.kind, l.key, l.evaluation_id,
	l.model_version_id, l.instrument_type_id, l.held_on, l.finalised_at, l.respondents, l.rated_count, l.rank_sum,
	case when l.rated_count > 0 then (
		select sl.rank from scale_level sl where sl.model_version_id = l.model_version_id
		order by abs(sl.rank * l.rated_count - l.rank_sum), sl.rank limit 1) end::smallint,
	ss.rank::smallint
from latest l join scale_standard ss on ss.model_version_id = l.model_version_id`;
}

export const distributionColumns = sql.raw('institution_id, value_key, position_rank, standard_rank, teams');

/** institution_distribution rows: teams per value and position level, for institutions matching `where` (on p). */
function distributionSelect(positions: SQL, where: SQL): SQL {
	return sql`select p.institution_id, p.key, p.position_rank, p.standard_rank, count(*)::int
from ${positions} p
where p.subject_level = 'team' and p.kind = 'value' and p.position_rank is not null and (${where})
group by p.institution_id, p.key, p.position_rank, p.standard_rank`;
}

export const usageColumns = sql.raw(
	'subject_id, subject_level, institution_id, team_id, instrument_type_id, year, evaluations, last_finalised_at'
);

/** subject_instrument_usage rows for the subjects matching `where` (on alias e). */
function usageSelect(where: SQL): SQL {
	return sql`select coalesce(e.team_id, e.institution_id), e.subject_level, e.institution_id, e.team_id,
	e.instrument_type_id, extract(year from ${heldOn})::smallint, count(*)::int, max(e.finalised_at)
from evaluation e
where ${current} and (${where})
group by 1, 2, 3, 4, 5, 6`;
}

export const institutionUsageColumns = sql.raw(
	'institution_id, instrument_type_id, year, evaluations, subjects'
);

/** institution_instrument_usage rows for institutions matching `where` (on alias u). */
function institutionUsageSelect(usage: SQL, where: SQL): SQL {
	return sql`select u.institution_id, u.instrument_type_id, u.year, sum(u.evaluations)::int, count(*)::int
from ${usage} u where ${where}
group by u.institution_id, u.instrument_type_id, u.year`;
}

/**
 * Updates every roll-up an evaluation touches; call inside the transaction that
 * finalises it (also for a revision, which supersedes the evaluation it revises).
 * Idempotent. Throws when the evaluation is missing or not finalised.
 */
export async function recordFinalisedEvaluation(tx: Tx, evaluationId: string): Promise<void> {
	const [row] = rowsOf<{
		subject_id: string;
		institution_id: string;
		team_id: string | null;
		status: string;
	}>(
		await tx.execute(sql`select coalesce(team_id, institution_id) as subject_id, institution_id, team_id, status
			from evaluation where id = ${evaluationId}`)
	);
	if (!row) throw new Error(`recordFinalisedEvaluation: evaluation ${evaluationId} does not exist`);
	if (row.status !== 'finalised')
		throw new Error(`recordFinalisedEvaluation: evaluation ${evaluationId} is not finalised`);
	const subject = row.subject_id;
	const institutionId = row.institution_id;
	// The institution's totals are recomputed from its subjects' rows, so two finalisations
	// in one institution take turns (read committed: the second sees the first's rows).
	await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'rollup:' + institutionId}, 0))`);

	await tx.execute(sql`delete from evaluation_score where evaluation_id = ${evaluationId}`);
	await tx.execute(
		sql`insert into evaluation_score (${scoreColumns}) ${scoreSelect(sql`e.id = ${evaluationId}`)}`
	);

	// Written so the evaluation indexes (team_id…, institution_id…) apply.
	const ofSubject = row.team_id
		? sql`e.team_id = ${row.team_id}`
		: sql`e.institution_id = ${institutionId} and e.team_id is null`;
	await tx.execute(sql`delete from subject_position where subject_id = ${subject}`);
	await tx.execute(
		sql`insert into subject_position (${positionColumns}) ${positionSelect(stored.score, ofSubject)}`
	);
	await tx.execute(sql`delete from institution_distribution where institution_id = ${institutionId}`);
	await tx.execute(
		sql`insert into institution_distribution (${distributionColumns}) ${distributionSelect(stored.position, sql`p.institution_id = ${institutionId}`)}`
	);

	await tx.execute(sql`delete from subject_instrument_usage where subject_id = ${subject}`);
	await tx.execute(sql`insert into subject_instrument_usage (${usageColumns}) ${usageSelect(ofSubject)}`);
	await tx.execute(sql`delete from institution_instrument_usage where institution_id = ${institutionId}`);
	await tx.execute(
		sql`insert into institution_instrument_usage (${institutionUsageColumns}) ${institutionUsageSelect(stored.usage, sql`u.institution_id = ${institutionId}`)}`
	);
	// Under the advisory lock above, so it is no new point of contention.
	await tx.execute(
		sql`insert into rollup_generation (institution_id, generation) values (${institutionId}, 1)
			on conflict (institution_id) do update set generation = rollup_generation.generation + 1, changed_at = now()`
	);
}

/** Recomputes every roll-up from the raw rows, set-based (seed:scale, repairs). */
export async function rebuildRollups(db: Database): Promise<void> {
	const all = sql`true`;
	await db.transaction(async (tx) => {
		await tx.execute(
			sql`truncate evaluation_score, subject_position, institution_distribution, subject_instrument_usage, institution_instrument_usage`
		);
		await tx.execute(sql`insert into evaluation_score (${scoreColumns}) ${scoreSelect(all)}`);
		await tx.execute(
			sql`insert into subject_position (${positionColumns}) ${positionSelect(stored.score, all)}`
		);
		await tx.execute(
			sql`insert into institution_distribution (${distributionColumns}) ${distributionSelect(stored.position, all)}`
		);
		await tx.execute(sql`insert into subject_instrument_usage (${usageColumns}) ${usageSelect(all)}`);
		await tx.execute(
			sql`insert into institution_instrument_usage (${institutionUsageColumns}) ${institutionUsageSelect(stored.usage, all)}`
		);
		await tx.execute(
			sql`insert into rollup_generation (institution_id, generation) select id, 1 from institution
				on conflict (institution_id) do update set generation = rollup_generation.generation + 1, changed_at = now()`
		);
	});
}

/** One roll-up cell that differs from a full recompute: `stored` or `expected` is null when the row is missing on that side. */
export interface RollupDifference {
	table: string;
	key: Record<string, unknown>;
	stored: Record<string, unknown> | null;
	expected: Record<string, unknown> | null;
}

interface Compared {
	table: string;
	temp: string;
	columns: SQL;
	keys: string[];
	fill: (temp: Source) => SQL;
}

const compared: Compared[] = [
	{
		table: 'evaluation_score',
		temp: 'expected_evaluation_score',
		columns: scoreColumns,
		keys: ['evaluation_id', 'kind', 'key', 'perspective'],
		fill: () => scoreSelect(sql`true`)
	},
	{
		table: 'subject_position',
		temp: 'expected_subject_position',
		columns: positionColumns,
		keys: ['subject_id', 'kind', 'key'],
		fill: (temp) => positionSelect(temp.score, sql`true`)
	},
	{
		table: 'institution_distribution',
		temp: 'expected_institution_distribution',
		columns: distributionColumns,
		keys: ['institution_id', 'value_key', 'position_rank', 'standard_rank'],
		fill: (temp) => distributionSelect(temp.position, sql`true`)
	},
	{
		table: 'subject_instrument_usage',
		temp: 'expected_subject_instrument_usage',
		columns: usageColumns,
		keys: ['subject_id', 'instrument_type_id', 'year'],
		fill: () => usageSelect(sql`true`)
	},
	{
		table: 'institution_instrument_usage',
		temp: 'expected_institution_instrument_usage',
		columns: institutionUsageColumns,
		keys: ['institution_id', 'instrument_type_id', 'year'],
		fill: (temp) => institutionUsageSelect(temp.usage, sql`true`)
	}
];

/**
 * Recomputes every roll-up from raw rows into temporary tables and returns each row
 * that differs from what is stored (nothing is changed). Read-only on the real tables.
 */
export async function diffRollups(
	db: Database,
	options: { limit?: number } = {}
): Promise<RollupDifference[]> {
	const limit = options.limit ?? 1000;
	const differences: RollupDifference[] = [];
	const temp: Source = {
		score: sql.raw('expected_evaluation_score'),
		position: sql.raw('expected_subject_position'),
		usage: sql.raw('expected_subject_instrument_usage')
	};
	await db.transaction(async (tx) => {
		for (const c of compared) {
			await tx.execute(
				sql`create temporary table ${sql.raw(c.temp)} (like ${sql.raw(c.table)}) on commit drop`
			);
			await tx.execute(sql`insert into ${sql.raw(c.temp)} (${c.columns}) ${c.fill(temp)}`);
			const onlyStored = rowsOf<Record<string, unknown>>(
				await tx.execute(
					sql`select ${c.columns} from ${sql.raw(c.table)} except select ${c.columns} from ${sql.raw(c.temp)} limit ${limit}`
				)
			);
			const onlyExpected = rowsOf<Record<string, unknown>>(
				await tx.execute(
					sql`select ${c.columns} from ${sql.raw(c.temp)} except select ${c.columns} from ${sql.raw(c.table)} limit ${limit}`
				)
			);
			const keyOf = (row: Record<string, unknown>) => JSON.stringify(c.keys.map((k) => String(row[k])));
			const byKey = new Map<string, RollupDifference>();
			for (const row of onlyStored) {
				byKey.set(keyOf(row), { table: c.table, key: pick(row, c.keys), stored: row, expected: null });
			}
			for (const row of onlyExpected) {
				const known = byKey.get(keyOf(row));
				if (known) known.expected = row;
				else byKey.set(keyOf(row), { table: c.table, key: pick(row, c.keys), stored: null, expected: row });
			}
			differences.push(...byKey.values());
		}
	});
	return differences;
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
