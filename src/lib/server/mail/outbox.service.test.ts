import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.ts';
import { buildInstitution, buildPerson, buildTeam } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { AppError } from '../http/errors.ts';
import { can, roles, type Actor, type Role } from '../policy/policy.ts';
import { mailMessage } from './mail.table.ts';
import { mailPolicy } from './mail.policy.ts';
import { getMessage, listOutbox, outboxPageSize } from './outbox.service.ts';

let conn: Connection;
const actors = new Map<Role, Actor>();

beforeAll(async () => {
	conn = await createTestDatabase();
	const inst = await buildInstitution(conn.db);
	const team = await buildTeam(conn.db, inst.id);
	const scope: Record<Role, { institutionId?: string; teamId?: string; reviewId?: string }> = {
		network_admin: {},
		quality_officer: { institutionId: inst.id },
		executive: { institutionId: inst.id },
		team_lead: { institutionId: inst.id, teamId: team.id },
		team_member: { institutionId: inst.id, teamId: team.id },
		facilitator: { institutionId: inst.id },
		reviewer: { reviewId: randomUUID() }
	};
	for (const role of roles) actors.set(role, (await buildPerson(conn.db, [{ role, ...scope[role] }])).actor);
	// Created one second apart, so "newest first" is well defined.
	const start = Date.now() - 200_000;
	await conn.db.insert(mailMessage).values(
		Array.from({ length: outboxPageSize + 5 }, (_, i) => ({
			to: `persoon${i}@example.test`,
			subject: `Bericht ${i}`,
			text: `Tekst ${i}`,
			status: 'outbox' as const,
			createdAt: new Date(start + i * 1000)
		}))
	);
});
afterAll(async () => {
	await conn.close();
});

const outcome = async (work: Promise<unknown>) => {
	try {
		await work;
		return 'allowed';
	} catch (e) {
		if (e instanceof AppError) return e.status;
		throw e;
	}
};

describe('outbox', () => {
	it.each([...roles])('is readable by %s only when the policy says so', async (role) => {
		const actor = actors.get(role)!;
		const expected = can(actor, mailPolicy, 'mail.read') ? 'allowed' : 403;
		expect(expected).toBe(role === 'network_admin' ? 'allowed' : 403);
		expect(await outcome(listOutbox(conn.db, actor, 1))).toBe(expected);
		const [any] = await conn.db.select({ id: mailMessage.id }).from(mailMessage).limit(1);
		expect(await outcome(getMessage(conn.db, actor, any!.id))).toBe(expected);
	});

	it('refuses anonymous readers', async () => {
		expect(await outcome(listOutbox(conn.db, null, 1))).toBe(401);
	});

	it('lists newest first, one page at a time', async () => {
		const admin = actors.get('network_admin')!;
		const first = await listOutbox(conn.db, admin, 1);
		expect(first.total).toBe(outboxPageSize + 5);
		expect(first.items).toHaveLength(outboxPageSize);
		expect(first.items[0]?.subject).toBe(`Bericht ${outboxPageSize + 4}`);
		const second = await listOutbox(conn.db, admin, 2);
		expect(second.items.map((m) => m.subject)).toEqual([
			'Bericht 4',
			'Bericht 3',
			'Bericht 2',
			'Bericht 1',
			'Bericht 0'
		]);
		expect(Object.keys(first.items[0]!)).not.toContain('text');
	});

	it('opens one message with its text, and 404s what is not there', async () => {
		const admin = actors.get('network_admin')!;
		const [row] = await conn.db.select({ id: mailMessage.id }).from(mailMessage).limit(1);
		expect((await getMessage(conn.db, admin, row!.id)).text).toMatch(/^Tekst \d+$/);
		expect(await outcome(getMessage(conn.db, admin, randomUUID()))).toBe(404);
		expect(await outcome(getMessage(conn.db, admin, 'nonsense'))).toBe(404);
	});
});
