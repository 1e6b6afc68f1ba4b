import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { AppError } from '../http/errors.ts';
import { account, user } from './auth.table.ts';
import { accountOverview } from './account.service.ts';
import { createApiToken } from './api-token.service.ts';

let conn: Connection;
beforeAll(async () => {
	conn = await createTestDatabase();
});
afterAll(async () => {
	await conn.close();
});

describe('accountOverview', () => {
	it('shows the person, their roles, TOTP state, password and own tokens', async () => {
		const admin = await buildPerson(conn.db, [{ role: 'network_admin' }], { name: 'Noor' });
		await createApiToken(conn.db, admin.actor, { name: 'Script' });
		const overview = await accountOverview(conn.db, admin.actor);
		expect(overview).toMatchObject({
			name: 'Noor',
			email: admin.email,
			roles: ['network_admin'],
			isNetworkAdmin: true,
			twoFactorEnabled: false,
			hasPassword: true
		});
		expect(overview.tokens.map((t) => t.name)).toEqual(['Script']);
	});

	it('knows who has no password and who has TOTP on', async () => {
		const person = await buildPerson(conn.db);
		await conn.db.update(account).set({ password: null }).where(eq(account.userId, person.id));
		await conn.db.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, person.id));
		const overview = await accountOverview(conn.db, person.actor);
		expect(overview).toMatchObject({
			hasPassword: false,
			twoFactorEnabled: true,
			isNetworkAdmin: false,
			roles: []
		});
	});

	it('needs a signed-in person', async () => {
		await expect(accountOverview(conn.db, null)).rejects.toBeInstanceOf(AppError);
	});
});
