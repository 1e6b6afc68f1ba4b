import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { verifyPassword } from 'better-auth/crypto';
import { createTestDatabase } from '../testing/database.ts';
import type { Connection } from '../db/connect.ts';
import { account, user } from '../auth/auth.table.ts';
import { roleAssignment } from '../people/people.table.ts';
import { institution, learningRoute, location, network, team } from '../organisation/organisation.table.ts';
import { modelVersion } from '../model/model.table.ts';
import { isBrinCode, isQualificationCode, isRioCode } from '../../domain/organisation/codes.ts';
import { loadActor } from '../auth/actor.ts';
import { capacityAssessment, evaluation, finding, rating } from '../evaluations/evaluation.table.ts';
import { saveRatings } from '../evaluations/rating.service.ts';
import { evaluationScore, subjectPosition } from '../dashboards/rollup.table.ts';
import { diffRollups } from '../dashboards/rollup.service.ts';
import { improvementAction } from '../agenda/agenda.table.ts';
import { ambition } from '../ambitions/ambition.table.ts';
import {
	DEMO_PASSWORD,
	DEMO_REVIEW_ID,
	DEMO_TEAMS,
	demoAccount,
	demoAccounts,
	demoLoginTable
} from './demo-accounts.ts';
import { demoInstitutions } from './demo-network.ts';
import { seedDemoIfEmpty } from './seed.ts';

const rows = async (c: Connection, table: PgTable) => {
	const [r] = await c.db.select({ n: count() }).from(table);
	return r!.n;
};

describe('demo network data', () => {
	it('has valid register codes and realistic sizes', () => {
		expect(demoInstitutions).toHaveLength(5);
		for (const inst of demoInstitutions) {
			expect(isRioCode(inst.rioCode), inst.rioCode).toBe(true);
			expect(isBrinCode(inst.brinCode), inst.brinCode).toBe(true);
			expect(inst.locations).toHaveLength(2);
			for (const t of inst.teams) {
				expect(t.routes.length).toBeGreaterThan(0);
				for (const [, code, level] of t.routes) {
					expect(isQualificationCode(code), code).toBe(true);
					expect(level).toBeGreaterThanOrEqual(1);
				}
			}
		}
		const teams = demoInstitutions.reduce((n, i) => n + i.teams.length, 0);
		expect(teams).toBeGreaterThanOrEqual(35);
		expect(teams).toBeLessThanOrEqual(45);
	});

	it('has a demo login for every role and unique e-mail addresses', () => {
		const roles = new Set(demoAccounts.map((a) => a.role));
		expect([...roles].sort()).toEqual(
			[
				'executive',
				'facilitator',
				'network_admin',
				'quality_officer',
				'reviewer',
				'team_lead',
				'team_member'
			].sort()
		);
		expect(new Set(demoAccounts.map((a) => a.email)).size).toBe(demoAccounts.length);
		expect(demoLoginTable()).toContain('beheer@demo.kwaliteitsspiegel.nl');
	});

	it('is the list docs/running.md shows (regenerate with npm run demo:logins)', () => {
		const doc = readFileSync(new URL('../../../../docs/running.md', import.meta.url), 'utf8');
		expect(doc).toContain(DEMO_PASSWORD);
		for (const a of demoAccounts) {
			expect(doc, a.email).toMatch(
				new RegExp(`\\| \`${a.email.replaceAll('.', '\\.')}\` +\\| \`${a.role}\``)
			);
		}
	});
});

describe('seedDemoIfEmpty with demo data', () => {
	let c: Connection;
	beforeAll(async () => {
		c = await createTestDatabase();
	});
	afterAll(() => c.close());

	it('loads the demo network into an empty database', async () => {
		const result = await seedDemoIfEmpty(c.db, { demo: true });
		expect(result).toEqual({ networkCreated: true, modelCreated: true, demoLoaded: true });
		expect(await rows(c, network)).toBe(1);
		expect(await rows(c, institution)).toBe(5);
		expect(await rows(c, location)).toBe(10);
		expect(await rows(c, team)).toBe(demoInstitutions.reduce((n, i) => n + i.teams.length, 0));
		expect(await rows(c, learningRoute)).toBe(
			demoInstitutions.reduce((n, i) => n + i.teams.reduce((m, t) => m + t.routes.length, 0), 0)
		);
		expect(await rows(c, user)).toBe(demoAccounts.length);
		const [version] = await c.db.select().from(modelVersion);
		expect(version).toMatchObject({ number: 1, status: 'published' });
		expect(version!.publishedAt).toBeInstanceOf(Date);
	});

	it('gives every demo login its role and a working password', async () => {
		for (const demo of demoAccounts) {
			const [person] = await c.db.select().from(user).where(eq(user.email, demo.email));
			expect(person, demo.email).toBeDefined();
			const grants = await c.db.select().from(roleAssignment).where(eq(roleAssignment.userId, person!.id));
			expect(grants.map((g) => g.role)).toEqual([demo.role]);
			if (demo.role === 'reviewer') expect(grants[0]!.reviewId).toBe(DEMO_REVIEW_ID);
			if (demo.team) expect(grants[0]!.teamId).not.toBeNull();
		}
		const [admin] = await c.db
			.select({ password: account.password })
			.from(account)
			.innerJoin(user, eq(user.id, account.userId))
			.where(eq(user.email, demoAccounts[0]!.email));
		expect(await verifyPassword({ hash: admin!.password!, password: DEMO_PASSWORD })).toBe(true);
	});

	it('adds evaluations, ambitions and actions of ROC Voorbeeld Midden that the dashboards show', async () => {
		const inst = demoInstitutions.find((i) => i.key === 'A')!;
		const [a] = await c.db
			.select({ id: institution.id })
			.from(institution)
			.where(eq(institution.rioCode, inst.rioCode));
		const [demoTeam] = await c.db
			.select({ id: team.id })
			.from(team)
			.where(and(eq(team.institutionId, a!.id), eq(team.name, DEMO_TEAMS.A)));
		const evaluations = await c.db.select().from(evaluation).where(eq(evaluation.institutionId, a!.id));
		expect(evaluations.filter((e) => e.status === 'finalised').length).toBeGreaterThanOrEqual(4);
		const finalisedOfTeam = evaluations.filter((e) => e.teamId === demoTeam!.id && e.status === 'finalised');
		expect(finalisedOfTeam.length).toBeGreaterThanOrEqual(2);
		// Over the last two years, so the team's trend has points.
		const held = finalisedOfTeam.map((e) => e.endsOn!).sort();
		expect(held[0]! < held.at(-1)!).toBe(true);

		// Students answered often enough to be shown beside teachers (threshold 5).
		const scores = await c.db
			.select()
			.from(evaluationScore)
			.where(
				and(eq(evaluationScore.evaluationId, finalisedOfTeam[0]!.id), eq(evaluationScore.kind, 'value'))
			);
		const respondents = (p: string) =>
			Math.max(0, ...scores.filter((s) => s.perspective === p).map((s) => s.respondents));
		expect(respondents('student')).toBeGreaterThanOrEqual(5);
		expect(respondents('teacher')).toBeGreaterThanOrEqual(5);
		expect(scores.some((s) => s.perspective === 'work_field')).toBe(true);

		// The team dashboard's latest position per value, and the institution's heatmap.
		const positions = await c.db
			.select()
			.from(subjectPosition)
			.where(and(eq(subjectPosition.subjectId, demoTeam!.id), eq(subjectPosition.kind, 'value')));
		expect(positions.map((p) => p.key).sort()).toEqual(
			['dialoog', 'eigenaarschap', 'rekenschap', 'vertrouwen', 'wendbaarheid'].sort()
		);
		expect(positions.every((p) => p.positionRank !== null)).toBe(true);
		const heatmap = await c.db
			.selectDistinct({ teamId: subjectPosition.teamId })
			.from(subjectPosition)
			.where(and(eq(subjectPosition.institutionId, a!.id), eq(subjectPosition.subjectLevel, 'team')));
		expect(heatmap.length).toBeGreaterThanOrEqual(4);
		expect(await diffRollups(c.db)).toEqual([]);

		const findings = await c.db
			.select()
			.from(finding)
			.where(
				inArray(
					finding.evaluationId,
					finalisedOfTeam.map((e) => e.id)
				)
			);
		expect(new Set(findings.map((f) => f.kind)).size).toBe(4);
		const capacities = await c.db
			.select()
			.from(capacityAssessment)
			.where(
				inArray(
					capacityAssessment.evaluationId,
					finalisedOfTeam.map((e) => e.id)
				)
			);
		expect(new Set(capacities.map((x) => x.effect))).toEqual(new Set(['helps', 'hinders']));

		// Open, overdue and done actions; current ambitions with history.
		const actions = await c.db
			.select()
			.from(improvementAction)
			.where(eq(improvementAction.teamId, demoTeam!.id));
		const today = new Date().toISOString().slice(0, 10);
		expect(actions.some((x) => x.status === 'done')).toBe(true);
		expect(actions.some((x) => x.status === 'open' && x.dueOn! >= today)).toBe(true);
		expect(actions.some((x) => x.status !== 'done' && x.status !== 'cancelled' && x.dueOn! < today)).toBe(
			true
		);
		const ambitions = await c.db.select().from(ambition).where(eq(ambition.teamId, demoTeam!.id));
		expect(ambitions.length).toBeGreaterThan(5);
		expect(
			await c.db
				.select()
				.from(ambition)
				.where(and(eq(ambition.institutionId, a!.id), isNull(ambition.teamId)))
		).not.toHaveLength(0);

		// One evaluation is in uitvoering: the demo team lead and member can still rate it.
		const open = evaluations.find((e) => e.teamId === demoTeam!.id && e.status === 'execution');
		expect(open).toBeDefined();
		for (const role of ['team_lead', 'team_member'] as const) {
			const [person] = await c.db
				.select({ id: user.id })
				.from(user)
				.where(eq(user.email, demoAccount(role, 'A').email));
			const actor = (await loadActor(c.db, person!.id))!;
			const mine = await c.db
				.select()
				.from(rating)
				.where(and(eq(rating.evaluationId, open!.id), eq(rating.respondent, actor.userId)));
			expect(mine).toHaveLength(0);
			const saved = await saveRatings(c.db, actor, open!.id, [
				{ standardKey: open!.scopeStandardKeys[0]!, levelKey: 'at-standard', motivation: '' }
			]);
			expect(saved.conflicts).toHaveLength(0);
		}
	});

	it('does nothing on the next start', async () => {
		const result = await seedDemoIfEmpty(c.db, { demo: true });
		expect(result).toEqual({ networkCreated: false, modelCreated: false, demoLoaded: false });
		expect(await rows(c, institution)).toBe(5);
		expect(await rows(c, network)).toBe(1);
	});
});

describe('seedDemoIfEmpty without demo data', () => {
	let c: Connection;
	beforeAll(async () => {
		c = await createTestDatabase();
	});
	afterAll(() => c.close());

	it('creates the network and the default model only', async () => {
		const result = await seedDemoIfEmpty(c.db, { demo: false });
		expect(result).toEqual({ networkCreated: true, modelCreated: true, demoLoaded: false });
		const [row] = await c.db.select().from(network);
		expect(row!.name).toBe('Kwaliteitsnetwerk mbo');
		expect(await rows(c, institution)).toBe(0);
		expect(await rows(c, user)).toBe(0);
		// Turning demo data on later does not mix it into a real database.
		expect((await seedDemoIfEmpty(c.db, { demo: true })).demoLoaded).toBe(false);
		expect(await rows(c, institution)).toBe(0);
	});
});
