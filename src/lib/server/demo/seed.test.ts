import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { verifyPassword } from 'better-auth/crypto';
import { createTestDatabase } from '../testing/database.ts';
import type { Connection } from '../db/connect.ts';
import { account, user } from '../auth/auth.table.ts';
import { roleAssignment } from '../people/people.table.ts';
import { institution, learningRoute, location, network, team } from '../organisation/organisation.table.ts';
import { modelVersion } from '../model/model.table.ts';
import { isBrinCode, isQualificationCode, isRioCode } from '../../domain/organisation/codes.ts';
import { DEMO_PASSWORD, DEMO_REVIEW_ID, demoAccounts, demoLoginTable } from './demo-accounts.ts';
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
