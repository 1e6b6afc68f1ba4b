import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { failure, useWorld, type PersonKey } from '../organisation/test-world.ts';
import { buildInstitution, buildTeam } from '../testing/factories.ts';
import { ambition } from '../ambitions/ambition.table.ts';
import { improvementAction } from '../agenda/agenda.table.ts';
import { network, team } from '../organisation/organisation.table.ts';
import { publication } from '../reports/publication.table.ts';
import { can } from '../policy/policy.ts';
import { dashboardPolicy } from './dashboard.policy.ts';
import {
	compareEvaluations,
	dashboardChoices,
	institutionDashboard,
	networkDashboard,
	teamDashboard
} from './dashboard.service.ts';
import { perspectiveGroups } from './dashboard.views.ts';
import { buildEvaluation, defaultModelVersionId, ratingsOf } from './test-data.ts';
import { rebuildRollups } from './rollup.service.ts';
import { rollupGeneration } from './rollup.table.ts';

const { db, world } = useWorld();

let first: { id: string };
let second: { id: string };
let otherTeam: { id: string };
let otherInstitution: { id: string };

beforeAll(async () => {
	// Team Zorg A: two evaluations; 5 students, 3 teachers, 2 from the work field in the latest.
	first = await buildEvaluation(db(), {
		institutionId: world.a.id,
		teamId: world.a1.id,
		endsOn: '2025-02-01',
		title: 'Zelfevaluatie 2025',
		ratings: [
			...ratingsOf('student', 5, ['team-visie', 'team-actueel'], 1),
			...ratingsOf('teacher', 5, ['team-visie'], 2)
		]
	});
	second = await buildEvaluation(db(), {
		institutionId: world.a.id,
		teamId: world.a1.id,
		endsOn: '2026-02-01',
		title: 'Zelfevaluatie 2026',
		ratings: [
			...ratingsOf('student', 5, ['team-visie', 'team-actueel'], 3),
			...ratingsOf('teacher', 3, ['team-visie', 'team-actueel'], 2),
			...ratingsOf('work_field', 2, ['team-visie', 'team-actueel'], 4)
		]
	});
	otherTeam = await buildEvaluation(db(), {
		institutionId: world.a.id,
		teamId: world.a2.id,
		endsOn: '2026-01-01',
		ratings: ratingsOf('teacher', 5, ['team-visie'], 2)
	});
	otherInstitution = await buildEvaluation(db(), {
		institutionId: world.b.id,
		teamId: world.b1.id,
		endsOn: '2026-01-01',
		ratings: ratingsOf('teacher', 5, ['team-visie'], 4)
	});
	await db()
		.insert(ambition)
		.values({
			institutionId: world.a.id,
			teamId: world.a1.id,
			modelVersionId: await defaultModelVersionId(db()),
			targetKind: 'value',
			targetKey: 'eigenaarschap',
			levelKey: 'above-standard',
			rank: 3,
			text: 'Studenten sturen mee',
			setOn: '2025-06-01'
		});
	await db()
		.insert(improvementAction)
		.values([
			{
				institutionId: world.a.id,
				teamId: world.a1.id,
				title: 'Stagegesprekken plannen',
				dueOn: '2020-01-01'
			},
			{ institutionId: world.a.id, teamId: world.a1.id, title: 'Later', dueOn: '2999-01-01' },
			{ institutionId: world.a.id, teamId: world.a1.id, title: 'Klaar', dueOn: '2020-01-01', status: 'done' }
		]);
});

describe('dashboard policy', () => {
	const a = { institutionId: 'i-a', teamId: 't-a1' };
	it('admits the team and its institution staff to a team, staff to an institution, everyone to the network', () => {
		const grant = (role: string, institutionId: string | null, teamId: string | null = null) => ({
			userId: 'u',
			name: 'x',
			email: 'x@example.test',
			grants: [{ role: role as never, institutionId, teamId, reviewId: null }]
		});
		const cases: [ReturnType<typeof grant>, boolean, boolean][] = [
			[grant('network_admin', null), false, false],
			[grant('quality_officer', 'i-a'), true, true],
			[grant('executive', 'i-a'), true, true],
			[grant('facilitator', 'i-a'), true, true],
			[grant('team_lead', 'i-a', 't-a1'), true, false],
			[grant('team_member', 'i-a', 't-a1'), true, false],
			[grant('team_member', 'i-a', 't-a2'), false, false],
			[grant('quality_officer', 'i-b'), false, false],
			[grant('reviewer', null), false, false]
		];
		for (const [actor, team, institution] of cases) {
			expect(can(actor, dashboardPolicy, 'dashboard.team', a), actor.grants[0]!.role).toBe(team);
			expect(
				can(actor, dashboardPolicy, 'dashboard.institution', { institutionId: 'i-a' }),
				actor.grants[0]!.role
			).toBe(institution);
			expect(can(actor, dashboardPolicy, 'dashboard.network')).toBe(true);
		}
		expect(can(null, dashboardPolicy, 'dashboard.network')).toBe(false);
	});
});

describe('authorization of the dashboards', () => {
	const matrix: [
		PersonKey,
		{ teamA1: boolean; teamB1: boolean; institutionA: boolean; institutionB: boolean }
	][] = [
		['admin', { teamA1: false, teamB1: false, institutionA: false, institutionB: false }],
		['qoA', { teamA1: true, teamB1: false, institutionA: true, institutionB: false }],
		['execA', { teamA1: true, teamB1: false, institutionA: true, institutionB: false }],
		['facA', { teamA1: true, teamB1: false, institutionA: true, institutionB: false }],
		['leadA1', { teamA1: true, teamB1: false, institutionA: false, institutionB: false }],
		['memberA1', { teamA1: true, teamB1: false, institutionA: false, institutionB: false }],
		['memberA2', { teamA1: false, teamB1: false, institutionA: false, institutionB: false }],
		['qoB', { teamA1: false, teamB1: true, institutionA: false, institutionB: true }],
		['memberB1', { teamA1: false, teamB1: true, institutionA: false, institutionB: false }],
		['nobody', { teamA1: false, teamB1: false, institutionA: false, institutionB: false }]
	];
	it.each(matrix)(
		'%s sees exactly the dashboards of their own team and institution',
		async (who, expected) => {
			const actor = world.people[who].actor;
			const outcome = async (p: Promise<unknown>) => {
				try {
					await p;
					return true;
				} catch (e) {
					// Never a 403: a dashboard one may not see does not exist for them.
					expect((e as { status: number }).status).toBe(404);
					return false;
				}
			};
			expect(await outcome(teamDashboard(db(), actor, world.a1.id))).toBe(expected.teamA1);
			expect(await outcome(teamDashboard(db(), actor, world.b1.id))).toBe(expected.teamB1);
			expect(await outcome(institutionDashboard(db(), actor, world.a.id))).toBe(expected.institutionA);
			expect(await outcome(institutionDashboard(db(), actor, world.b.id))).toBe(expected.institutionB);
			expect(await outcome(networkDashboard(db(), actor))).toBe(true);
			const choices = await dashboardChoices(db(), actor);
			expect(choices.teams.map((t) => t.id).includes(world.a1.id)).toBe(
				who === 'leadA1' || who === 'memberA1'
			);
			expect(choices.institutions.map((i) => i.id).includes(world.a.id)).toBe(expected.institutionA);
		}
	);

	it('refuses without a session, and answers 404 for ids that are no ids or do not exist', async () => {
		expect((await failure(teamDashboard(db(), null, world.a1.id))).status).toBe(401);
		expect((await failure(networkDashboard(db(), null))).status).toBe(401);
		const qo = world.people.qoA.actor;
		expect((await failure(teamDashboard(db(), qo, 'geen-id'))).status).toBe(404);
		expect((await failure(teamDashboard(db(), qo, '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
		expect((await failure(institutionDashboard(db(), qo, "1' or '1'='1"))).status).toBe(404);
	});
});

describe('team dashboard', () => {
	it('shows the latest position per value against the standard and the ambition', async () => {
		const view = await teamDashboard(db(), world.people.memberA1.actor, world.a1.id);
		const ownership = view.values.find((v) => v.key === 'eigenaarschap')!;
		// 2026: team-visie by 5 students (3), 3 teachers (2), 2 work field (4) = 29 / 10.
		expect(ownership.mean).toBeCloseTo(2.9, 5);
		expect(ownership).toMatchObject({
			positionLabel: 'boven de standaard',
			versusStandard: 'above',
			ambitionLabel: 'boven de standaard',
			ambitionText: 'Studenten sturen mee',
			versusAmbition: 'reached',
			respondents: 10,
			evaluationId: second.id
		});
		expect(view.values.find((v) => v.key === 'vertrouwen')?.mean).toBeNull();
		expect(view.charts.values?.svg).toContain('Eigenaarschap');
		expect(view.charts.values?.table.rows.find((r) => r[0] === 'Eigenaarschap')).toEqual([
			'Eigenaarschap',
			2.9,
			'boven de standaard',
			'op de standaard',
			'boven de standaard'
		]);
		expect(view.standards.map((s) => s.key).sort()).toEqual(['team-actueel', 'team-visie']);
	});

	it('draws the trend over the finalised evaluations, oldest first', async () => {
		const view = await teamDashboard(db(), world.people.leadA1.actor, world.a1.id);
		const table = view.charts.trend!.table;
		expect(table.rows.map((r) => r[0])).toEqual(['1 feb 2025', '1 feb 2026']);
		const column = table.columns.indexOf('Wendbaarheid');
		expect(table.rows.map((r) => r[column])).toEqual([1, 2.9]);
		expect(view.evaluations.map((e) => e.id)).toEqual([second.id, first.id]);
	});

	it('never shows a perspective with fewer respondents than the threshold on its own', async () => {
		const view = await teamDashboard(db(), world.people.leadA1.actor, world.a1.id);
		// Students (5) stand alone; teachers (3) and work field (2) only together (5).
		expect(view.perspectives.shown).toEqual(['studenten']);
		expect(view.perspectives.merged).toEqual(['docenten', 'werkveld']);
		const table = view.charts.perspectives!.table;
		expect(table.columns).toEqual(['Onderdeel', 'Alle perspectieven', 'studenten', 'Overige perspectieven']);
		expect(table.columns.join(' ')).not.toMatch(/docenten|werkveld/);
		expect(view.charts.perspectives!.svg).not.toMatch(/docenten|werkveld/);
		// Overige: 3 teachers × 2 + 2 work field × 4 = 14 / 5 = 2.8.
		expect(table.rows.find((r) => r[0] === 'Eigenaarschap')).toEqual(['Eigenaarschap', 2.9, 3, 2.8]);
	});

	it('counts open actions and lists the overdue ones', async () => {
		const view = await teamDashboard(db(), world.people.memberA1.actor, world.a1.id);
		expect(view.actions.byStatus).toMatchObject({ open: 2, done: 1 });
		expect(view.actions.overdueCount).toBe(1);
		expect(view.actions.overdue.map((a) => a.title)).toEqual(['Stagegesprekken plannen']);
	});
});

describe('perspective groups', () => {
	const scores = (sizes: Record<string, number>) =>
		Object.entries(sizes).map(([perspective, respondents]) => ({
			perspective: perspective as never,
			respondents
		}));
	it('merges small groups, and a too small merged group takes the smallest shown one along', () => {
		expect(perspectiveGroups(scores({ student: 6, teacher: 5 }), 5)).toEqual({
			shown: ['student', 'teacher'],
			merged: []
		});
		expect(perspectiveGroups(scores({ student: 6, teacher: 5, work_field: 2 }), 5)).toEqual({
			shown: ['student'],
			merged: ['teacher', 'work_field']
		});
		expect(perspectiveGroups(scores({ student: 3, teacher: 2 }), 5)).toEqual({
			shown: [],
			merged: ['student', 'teacher']
		});
		expect(perspectiveGroups(scores({ student: 9, work_field: 1 }), 5)).toEqual({
			shown: [],
			merged: ['student', 'work_field']
		});
	});
	it('sizes a perspective by its smallest group on any value', () => {
		const rows = [
			{ perspective: 'student' as const, respondents: 8 },
			{ perspective: 'student' as const, respondents: 4 },
			{ perspective: 'teacher' as const, respondents: 7 }
		];
		expect(perspectiveGroups(rows, 5)).toEqual({ shown: [], merged: ['student', 'teacher'] });
		expect(perspectiveGroups([...rows, { perspective: 'work_field', respondents: 6 }], 5)).toEqual({
			shown: ['teacher'],
			merged: ['student', 'work_field']
		});
	});
});

describe('institution dashboard', () => {
	it('shows teams × values, filters by sector and level, and the coverage', async () => {
		await db()
			.update(team)
			.set({ sectorDomain: 'Zorg en welzijn' })
			.where(sql`${team.id} = ${world.a1.id}`);
		const qo = world.people.qoA.actor;
		const all = await institutionDashboard(db(), qo, world.a.id);
		expect(all.teams.map((t) => t.name)).toEqual(['Techniek A', 'Zorg A']);
		expect(all.heatmap?.table.rows.find((r) => r[0] === 'Zorg A')?.[1]).toBe(2.9);
		expect(all.heatmap?.svg).toContain('Techniek A');
		const zorg = await institutionDashboard(db(), qo, world.a.id, { sector: 'Zorg en welzijn' });
		expect(zorg.teams.map((t) => t.name)).toEqual(['Zorg A']);
		const level2 = await institutionDashboard(db(), qo, world.a.id, { niveau: '2' });
		expect(level2.teams).toEqual([]);
		expect(all.coverage.rows.find((r) => r.name === 'Zorg A')?.cells).toEqual(['2025, 2026']);
		expect(all.coverage.instruments.map((i) => i.name)).toEqual(['Zelfevaluatie (team)']);
		expect(all.actions.overdueCount).toBe(1);
	});

	it('refuses a bad filter with a Dutch message on the field', async () => {
		const error = await failure(
			institutionDashboard(db(), world.people.qoA.actor, world.a.id, { niveau: '9' })
		);
		expect(error.status).toBe(422);
		expect(error.fieldErrors[0]?.field).toBe('niveau');
		const location = await failure(
			institutionDashboard(db(), world.people.qoA.actor, world.a.id, { locatie: 'x' })
		);
		expect(location.fieldErrors[0]).toEqual({ field: 'locatie', message: 'Kies een locatie uit de lijst.' });
	});
});

describe('network dashboard', () => {
	it('names only institutions with a current publication, alphabetically, never ranked by score', async () => {
		await db().insert(network).values({ name: 'Kwaliteitsnetwerk', anonymityThreshold: 2 });
		// Two publishing institutions whose scores run against the alphabet.
		const zeta = await buildInstitution(db(), { name: 'Zeta College' });
		const alfa = await buildInstitution(db(), { name: 'Alfa College' });
		for (const [inst, rank] of [
			[zeta, 4],
			[alfa, 1]
		] as const) {
			for (let i = 0; i < 2; i++) {
				const t = await buildTeam(db(), inst.id);
				await buildEvaluation(db(), {
					institutionId: inst.id,
					teamId: t.id,
					endsOn: '2026-03-01',
					ratings: ratingsOf('teacher', 5, ['team-visie'], rank)
				});
			}
		}
		await db()
			.insert(publication)
			.values([
				{ institutionId: zeta.id, audience: 'members', title: 'Rekenschap', summary: 'Samenvatting' },
				{ institutionId: alfa.id, audience: 'public', title: 'Rekenschap', summary: 'Samenvatting' },
				// ROC Alfa withdrew its publication: it stays anonymous.
				{ institutionId: world.a.id, audience: 'public', title: 'Oud', summary: 'x', withdrawnAt: new Date() }
			]);
		const view = await networkDashboard(db(), world.people.nobody.actor);
		expect(view.institutions.map((i) => i.name)).toEqual(['Alfa College', 'Zeta College']);
		// Each links to its current publication, whose figures were frozen when it was published.
		const [alfaPublication] = await db()
			.select()
			.from(publication)
			.where(eq(publication.institutionId, alfa.id));
		expect(view.institutions[0]!.publicationId).toBe(alfaPublication!.id);
		expect(Object.keys(view.institutions[0]!)).toEqual(['id', 'name', 'publicationId']);
		const page = JSON.stringify(view);
		for (const hidden of ['ROC Alfa', 'ROC Beta', 'Zorg A', 'Techniek A', 'Zorg B'])
			expect(page).not.toContain(hidden);
		const ownership = view.values.find((v) => v.key === 'eigenaarschap')!;
		// Zorg A, Techniek A, Zorg B and the four new teams.
		expect(ownership.total).toBe(7);
		expect(ownership.perLevel).toEqual([2, 1, 1, 3]);
		expect(view.totals).toEqual({ institutions: 4, teams: 7 });
		expect(view.chart?.table.rows.find((r) => r[0] === 'Eigenaarschap')).toEqual([
			'Eigenaarschap',
			'2',
			'1',
			'1',
			'3',
			'7'
		]);
		expect(view.instruments).toEqual([{ name: 'Zelfevaluatie (team)', perYear: [1, 7] }]);
	});

	it('leaves out a value with fewer teams than the threshold', async () => {
		await db().update(network).set({ anonymityThreshold: 8 });
		const view = await networkDashboard(db(), world.people.admin.actor);
		expect(view.values.every((v) => !v.shown)).toBe(true);
		expect(view.chart).toBeNull();
		// Publishing institutions are still named: with a link to their frozen summary, no live figures.
		expect(view.institutions.map((i) => i.name)).toEqual(['Alfa College', 'Zeta College']);
		await db().update(network).set({ anonymityThreshold: 5 });
	});

	it('keeps its figures between finalisations, and shows a finalisation or withdrawal at once', async () => {
		const admin = world.people.admin.actor;
		const ownership = (view: Awaited<ReturnType<typeof networkDashboard>>) =>
			view.values.find((v) => v.key === 'eigenaarschap')!;
		const before = await networkDashboard(db(), admin);
		expect(ownership(before).total).toBe(7);

		// Kept: a change behind the roll-ups' back (no finalisation) does not show…
		await db().execute(sql`update institution_distribution set teams = teams + 100`);
		expect(ownership(await networkDashboard(db(), admin)).total).toBe(7);
		// …until the roll-ups are rebuilt (which also puts the figures right again).
		await rebuildRollups(db());
		expect(ownership(await networkDashboard(db(), admin)).total).toBe(7);
		expect(
			Number(
				(
					await db()
						.select({ n: sql<number>`sum(generation)` })
						.from(rollupGeneration)
				)[0]!.n
			)
		).toBeGreaterThan(0);

		// A finalisation shows on the next request.
		const extra = await buildTeam(db(), world.b.id);
		await buildEvaluation(db(), {
			institutionId: world.b.id,
			teamId: extra.id,
			endsOn: '2026-03-01',
			ratings: ratingsOf('teacher', 5, ['team-visie'], 1)
		});
		const after = await networkDashboard(db(), admin);
		expect(ownership(after).total).toBe(8);
		expect(ownership(after).perLevel).toEqual([3, 1, 1, 3]);

		// Publications (and the threshold) are read on every request.
		await db().update(network).set({ anonymityThreshold: 2 });
		expect((await networkDashboard(db(), admin)).institutions.map((i) => i.name)).toEqual([
			'Alfa College',
			'Zeta College'
		]);
		await db()
			.update(publication)
			.set({ withdrawnAt: new Date() })
			.where(sql`${publication.title} = 'Rekenschap' and ${publication.audience} = 'members'`);
		expect((await networkDashboard(db(), admin)).institutions.map((i) => i.name)).toEqual(['Alfa College']);
		await db().update(network).set({ anonymityThreshold: 5 });
	});
});

describe('compare', () => {
	it('puts two evaluations of one team side by side, older on the left', async () => {
		const result = await compareEvaluations(db(), world.people.leadA1.actor, second.id, first.id);
		const c = result.comparison!;
		expect([c.a.id, c.b.id]).toEqual([first.id, second.id]);
		const agility = c.values.find((v) => v.key === 'wendbaarheid')!;
		expect(agility).toMatchObject({ a: 1, levelA: 'onder de standaard', change: 1.9, direction: 'up' });
		expect(c.standards.map((s) => s.key).sort()).toEqual(['team-actueel', 'team-visie']);
		expect(c.chart?.table.columns).toEqual([
			'Onderdeel',
			'Zelfevaluatie 2025 (1 feb 2025)',
			'Zelfevaluatie 2026 (1 feb 2026)'
		]);
		expect(result.candidates.map((e) => e.id)).toEqual([first.id]);
	});

	it('compares with an evaluation that is not finalised yet from its ratings', async () => {
		const draft = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			endsOn: '2026-09-01',
			finalise: false,
			ratings: ratingsOf('student', 2, ['team-visie'], 4)
		});
		const c = (await compareEvaluations(db(), world.people.leadA1.actor, second.id, draft.id)).comparison!;
		expect(c.b.status).toBe('execution');
		expect(c.values.find((v) => v.key === 'eigenaarschap')).toMatchObject({ b: 4, change: 1.1 });
	});

	it('refuses another subject, the same evaluation, and what the actor may not read', async () => {
		const lead = world.people.leadA1.actor;
		expect((await failure(compareEvaluations(db(), lead, second.id, second.id))).status).toBe(422);
		const qo = world.people.qoA.actor;
		const otherSubject = await failure(compareEvaluations(db(), qo, second.id, otherTeam.id));
		expect(otherSubject.status).toBe(422);
		expect(otherSubject.fieldErrors[0]?.field).toBe('met');
		expect((await failure(compareEvaluations(db(), lead, second.id, otherInstitution.id))).status).toBe(404);
		expect(
			(await failure(compareEvaluations(db(), world.people.qoB.actor, second.id, first.id))).status
		).toBe(404);
		expect((await failure(compareEvaluations(db(), world.people.admin.actor, second.id, null))).status).toBe(
			404
		);
	});
});

// Last: it adds an institution of 55 teams, which would change the network's figures above.
describe('institution dashboard pages', () => {
	it('shows 50 teams per page by name, counts all of them, and keeps the coverage columns on every page', async () => {
		const inst = await buildInstitution(db(), { name: 'ROC Groot' });
		const teams = [];
		for (let i = 1; i <= 55; i++)
			teams.push(await buildTeam(db(), inst.id, { name: `Team ${String(i).padStart(2, '0')}` }));
		// Only team 53 (on page 2) has a finalised evaluation.
		await buildEvaluation(db(), {
			institutionId: inst.id,
			teamId: teams[52]!.id,
			endsOn: new Date().toISOString().slice(0, 10),
			ratings: ratingsOf('teacher', 5, ['team-visie'], 4)
		});
		const qo = {
			...world.people.qoA.actor,
			grants: [{ role: 'quality_officer' as const, institutionId: inst.id, teamId: null, reviewId: null }]
		};
		const one = await institutionDashboard(db(), qo, inst.id);
		expect(one.page).toEqual({ page: 1, pages: 2, pageSize: 50, total: 55 });
		expect(one.teamCount).toBe(55);
		expect(one.teamsWithPositions).toBe(1);
		expect(one.teams.map((t) => t.name)).toEqual(teams.slice(0, 50).map((t) => t.name));
		expect(one.heatmap?.table.rows).toHaveLength(50);
		expect(one.heatmap?.table.rows.every((r) => r.slice(1).every((c) => c === '—'))).toBe(true);
		expect(one.coverage.rows.map((r) => r.name)).toEqual(teams.slice(0, 50).map((t) => t.name));
		expect(one.coverage.instruments.map((i) => i.name)).toEqual(['Zelfevaluatie (team)']);
		expect(one.coverage.teamsWithout).toBe(54);
		expect(one.options.levels).toEqual([4]);

		const two = await institutionDashboard(db(), qo, inst.id, { pagina: '2' });
		expect(two.filters.page).toBe(2);
		expect(two.teams.map((t) => t.name)).toEqual(['Team 51', 'Team 52', 'Team 53', 'Team 54', 'Team 55']);
		expect(two.heatmap?.table.rows.find((r) => r[0] === 'Team 53')?.[1]).toBe(4);
		expect(two.heatmap?.svg).toContain('Team 53');
		expect(two.coverage.rows.find((r) => r.name === 'Team 53')?.cells).toEqual([
			String(new Date().getFullYear())
		]);

		// A page past the end (an old link, or fewer teams after filtering) shows the last one.
		const past = await institutionDashboard(db(), qo, inst.id, { pagina: '9' });
		expect(past.page.page).toBe(2);
		expect(past.teams).toHaveLength(5);
		const filtered = await institutionDashboard(db(), qo, inst.id, { pagina: '2', niveau: '4' });
		expect(filtered.teams).toHaveLength(5);
		expect((await institutionDashboard(db(), qo, inst.id, { pagina: '2', niveau: '2' })).teams).toEqual([]);

		for (const bad of ['0', 'twee', '1.5']) {
			const error = await failure(institutionDashboard(db(), qo, inst.id, { pagina: bad }));
			expect(error.status).toBe(422);
			expect(error.fieldErrors[0]?.field).toBe('pagina');
		}
	});
});
