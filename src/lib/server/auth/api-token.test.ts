import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { apiToken } from '../people/people.table.ts';
import { AppError } from '../http/errors.ts';
import { createApiToken, listApiTokens, revokeApiToken, userIdForApiToken } from './api-token.service.ts';

let conn: Connection;
beforeAll(async () => {
	conn = await createTestDatabase();
});
afterAll(async () => {
	await conn.close();
});

const status = async (work: Promise<unknown>) => {
	try {
		await work;
		return 'ok';
	} catch (e) {
		if (e instanceof AppError) return e.status;
		throw e;
	}
};

describe('personal API tokens', () => {
	it('are shown once and stored only as a hash', async () => {
		const { actor } = await buildPerson(conn.db);
		const created = await createApiToken(conn.db, actor, { name: 'Rapportage-script' });
		expect(created.token).toMatch(/^ks_[A-Za-z0-9_-]{32}$/);
		const [row] = await conn.db.select().from(apiToken).where(eq(apiToken.id, created.id));
		expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(created.token);
		// Tokens expire; 90 days unless asked otherwise.
		const days = (row!.expiresAt!.getTime() - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(89.9);
		expect(days).toBeLessThanOrEqual(90);
	});

	it('authenticate as their owner and record their use', async () => {
		const person = await buildPerson(conn.db);
		const { token, id } = await createApiToken(conn.db, person.actor, {
			name: 'Koppeling',
			expiresInDays: 7
		});
		expect(await userIdForApiToken(conn.db, token)).toBe(person.id);
		const [row] = await conn.db.select().from(apiToken).where(eq(apiToken.id, id));
		expect(row?.lastUsedAt).toBeInstanceOf(Date);
	});

	it('list only the actor own tokens, without secrets', async () => {
		const a = await buildPerson(conn.db);
		const b = await buildPerson(conn.db);
		await createApiToken(conn.db, a.actor, { name: 'van A' });
		await createApiToken(conn.db, b.actor, { name: 'van B' });
		const list = await listApiTokens(conn.db, a.actor);
		expect(list.map((t) => t.name)).toEqual(['van A']);
		expect(Object.keys(list[0]!)).not.toContain('tokenHash');
	});

	it('stop working when revoked, and only their owner can revoke them', async () => {
		const owner = await buildPerson(conn.db);
		const other = await buildPerson(conn.db);
		const { token, id } = await createApiToken(conn.db, owner.actor, { name: 'Tijdelijk' });
		expect(await status(revokeApiToken(conn.db, other.actor, id))).toBe(404);
		expect(await userIdForApiToken(conn.db, token)).toBe(owner.id);
		expect(await status(revokeApiToken(conn.db, owner.actor, id))).toBe('ok');
		expect(await userIdForApiToken(conn.db, token)).toBeNull();
		// Revoking again changes nothing and is no error.
		expect(await status(revokeApiToken(conn.db, owner.actor, id))).toBe('ok');
		expect(await status(revokeApiToken(conn.db, owner.actor, 'not-a-uuid'))).toBe(404);
	});

	it('do not authenticate when expired, unknown or malformed', async () => {
		const person = await buildPerson(conn.db);
		const { token, id } = await createApiToken(conn.db, person.actor, { name: 'Verlopen' });
		await conn.db
			.update(apiToken)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(apiToken.id, id));
		expect(await userIdForApiToken(conn.db, token)).toBeNull();
		expect(await userIdForApiToken(conn.db, 'ks_unknown-token-unknown-token-unknown')).toBeNull();
		expect(await userIdForApiToken(conn.db, token.slice(3))).toBeNull();
		expect(await userIdForApiToken(conn.db, `ks_${'a'.repeat(200)}`)).toBeNull();
	});

	it('need a signed-in person and a valid name and lifetime', async () => {
		const { actor } = await buildPerson(conn.db);
		expect(await status(createApiToken(conn.db, null, { name: 'x' }))).toBe(401);
		expect(await status(listApiTokens(conn.db, null))).toBe(401);
		await expect(createApiToken(conn.db, actor, { name: '   ' })).rejects.toThrow();
		await expect(createApiToken(conn.db, actor, { name: 'x', expiresInDays: 1000 })).rejects.toThrow();
	});
});
