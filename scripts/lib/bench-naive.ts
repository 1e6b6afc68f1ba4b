// Baseline (a) of the dashboard benchmark: the question each dashboard answers, asked
// naively — GROUP BY over the raw rating table joined to evaluation and team, as if
// there were no roll-ups. Same database, same run, same parameters as the pages.
import type pg from 'pg';

/** Standard → value pairs of every model version, read from the version's JSON. */
const standardValue = `standard_value as (
	select mv.id as model_version_id, s->>'key' as standard_key, v.value_key
	from model_version mv
	cross join jsonb_array_elements(mv.document->'standards') s
	cross join jsonb_array_elements_text(s->'valueKeys') as v(value_key))`;

/**
 * Team dashboard: for every finalised, current evaluation of the team, per value and per
 * standard and perspective, respondents and mean rank (position = the latest, trend = all,
 * perspectives = the split); and the team's open and overdue actions.
 */
export async function naiveTeam(client: pg.ClientBase, teamId: string): Promise<number> {
	const ratings = await client.query(
		`with ${standardValue}
		select e.id, e.ends_on, e.finalised_at, 'value' as kind, sv.value_key as key, r.perspective,
			count(distinct r.respondent) as respondents, count(r.rank) as rated, avg(r.rank) as mean
		from evaluation e
		join rating r on r.evaluation_id = e.id
		join standard_value sv on sv.model_version_id = e.model_version_id and sv.standard_key = r.standard_key
		where e.team_id = $1 and e.status = 'finalised' and e.superseded_by is null
		group by e.id, e.ends_on, e.finalised_at, sv.value_key, r.perspective
		union all
		select e.id, e.ends_on, e.finalised_at, 'standard', r.standard_key, r.perspective,
			count(distinct r.respondent), count(r.rank), avg(r.rank)
		from evaluation e
		join rating r on r.evaluation_id = e.id
		where e.team_id = $1 and e.status = 'finalised' and e.superseded_by is null
		group by e.id, e.ends_on, e.finalised_at, r.standard_key, r.perspective`,
		[teamId]
	);
	const actions = await client.query(
		`select status, count(*), count(*) filter (where due_on < current_date) as overdue
		from improvement_action where team_id = $1 and status in ('open', 'in_progress') group by status`,
		[teamId]
	);
	return (ratings.rowCount ?? 0) + (actions.rowCount ?? 0);
}

/** The latest position per team and value from raw ratings, for the teams matching `where` (alias e). */
const latestTeamPositions = (where: string) => `with ${standardValue},
	per_evaluation as (
		select e.institution_id, e.team_id, sv.value_key, e.id, e.ends_on, e.finalised_at,
			avg(r.rank) as mean, count(distinct r.respondent) as respondents
		from evaluation e
		join rating r on r.evaluation_id = e.id
		join standard_value sv on sv.model_version_id = e.model_version_id and sv.standard_key = r.standard_key
		where e.subject_level = 'team' and e.status = 'finalised' and e.superseded_by is null and (${where})
		group by e.institution_id, e.team_id, sv.value_key, e.id, e.ends_on, e.finalised_at),
	latest as (
		select distinct on (team_id, value_key) institution_id, team_id, value_key, round(mean)::int as position, respondents
		from per_evaluation where mean is not null
		order by team_id, value_key, ends_on desc, finalised_at desc)`;

/**
 * Institution dashboard: the heatmap of teams × values (latest position), which teams
 * used which instruments in the last three years, and the agenda's progress.
 */
export async function naiveInstitution(client: pg.ClientBase, institutionId: string): Promise<number> {
	const heatmap = await client.query(
		`${latestTeamPositions('e.institution_id = $1')}
		select l.team_id, t.name, t.location_id, t.sector_domain, l.value_key, l.position, l.respondents
		from latest l join team t on t.id = l.team_id order by t.name, l.value_key`,
		[institutionId]
	);
	const coverage = await client.query(
		`select coalesce(e.team_id, e.institution_id) as subject, e.instrument_type_id, count(*), max(e.finalised_at)
		from evaluation e
		where e.institution_id = $1 and e.status = 'finalised' and e.superseded_by is null
			and coalesce(e.ends_on, e.finalised_at::date) >= current_date - interval '3 years'
		group by 1, 2`,
		[institutionId]
	);
	const agenda = await client.query(
		`select status, count(*), count(*) filter (where due_on < current_date and status in ('open', 'in_progress')) as overdue
		from improvement_action where institution_id = $1 group by status`,
		[institutionId]
	);
	return (heatmap.rowCount ?? 0) + (coverage.rowCount ?? 0) + (agenda.rowCount ?? 0);
}

/**
 * Network dashboard: across all institutions, how many teams stand at each level per
 * value (latest positions), and how often each instrument was used per year.
 */
export async function naiveNetwork(client: pg.ClientBase): Promise<number> {
	const distribution = await client.query(
		`${latestTeamPositions('true')}
		select value_key, position, count(*) as teams, count(distinct institution_id) as institutions
		from latest group by value_key, position order by value_key, position`
	);
	const instruments = await client.query(
		`select e.instrument_type_id, extract(year from coalesce(e.ends_on, e.finalised_at::date)) as year,
			count(*) as evaluations, count(distinct e.institution_id) as institutions
		from evaluation e where e.status = 'finalised' and e.superseded_by is null group by 1, 2`
	);
	return (distribution.rowCount ?? 0) + (instruments.rowCount ?? 0);
}
