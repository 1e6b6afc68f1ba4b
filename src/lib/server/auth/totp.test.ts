import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson, type BuiltPerson } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { twoFactor, user } from './auth.table.ts';
import { startAuthServer, type AuthServer } from './testing/auth-server.ts';
import { TestBrowser } from './testing/browser.ts';
import { firstUrl, outboxMessage } from './testing/wait.ts';

let conn: Connection;
let server: AuthServer;

beforeAll(async () => {
	conn = await createTestDatabase();
	server = await startAuthServer(conn.db);
});
afterAll(async () => {
	await server.close();
	await conn.close();
});

const post = (browser: TestBrowser, path: string, json: unknown) =>
	browser.request(server.api(path), { json });

async function signedInAs(person: BuiltPerson) {
	const browser = new TestBrowser();
	const response = await post(browser, '/sign-in/email', { email: person.email, password: person.password });
	return { browser, body: (await response.json()) as Record<string, unknown> };
}

async function sessionEmail(browser: TestBrowser) {
	const body = (await (await browser.request(server.api('/get-session'))).json()) as {
		user?: { email: string };
	} | null;
	return body?.user?.email ?? null;
}

/** Turns TOTP on for a person through the endpoints /account uses; returns their authenticator. */
async function enableTotp(person: BuiltPerson) {
	const { browser } = await signedInAs(person);
	const enable = await post(browser, '/two-factor/enable', { password: person.password });
	expect(enable.status).toBe(200);
	const { totpURI, backupCodes } = (await enable.json()) as { totpURI: string; backupCodes: string[] };
	const totp = OTPAuth.URI.parse(totpURI) as OTPAuth.TOTP;
	expect(totp.digits).toBe(6);
	expect(totp.issuer).toBe('Kwaliteitsspiegel');
	// Not on until a code from the app proves the secret arrived.
	const [before] = await conn.db
		.select({ on: user.twoFactorEnabled })
		.from(user)
		.where(eq(user.id, person.id));
	expect(before?.on).toBe(false);
	const confirm = await post(browser, '/two-factor/verify-totp', { code: totp.generate() });
	expect(confirm.status).toBe(200);
	return { totp, backupCodes, browser };
}

describe('TOTP', () => {
	it('is turned on only after a code from the app is confirmed', async () => {
		const person = await buildPerson(conn.db, [{ role: 'network_admin' }]);
		await enableTotp(person);
		const [row] = await conn.db
			.select({ on: user.twoFactorEnabled })
			.from(user)
			.where(eq(user.id, person.id));
		expect(row?.on).toBe(true);
		const [secret] = await conn.db.select().from(twoFactor).where(eq(twoFactor.userId, person.id));
		expect(secret?.verified).toBe(true);
	});

	it('needs the password of whoever has one to turn it on', async () => {
		const person = await buildPerson(conn.db);
		const { browser } = await signedInAs(person);
		expect((await post(browser, '/two-factor/enable', { password: 'wrong-password-here' })).status).toBe(400);
	});

	it('asks for the code after the password, and gives a session only for the right code', async () => {
		const person = await buildPerson(conn.db);
		const { totp } = await enableTotp(person);
		const { browser, body } = await signedInAs(person);
		expect(body.twoFactorRedirect).toBe(true);
		expect(await sessionEmail(browser)).toBeNull();
		const wrong = totp.generate({ timestamp: Date.now() + 10 * 60_000 });
		expect((await post(browser, '/two-factor/verify-totp', { code: wrong })).status).toBe(401);
		expect(await sessionEmail(browser)).toBeNull();
		expect((await post(browser, '/two-factor/verify-totp', { code: totp.generate() })).status).toBe(200);
		expect(await sessionEmail(browser)).toBe(person.email);
	});

	it('refuses a code without a password step first', async () => {
		const person = await buildPerson(conn.db);
		const { totp } = await enableTotp(person);
		const stranger = new TestBrowser();
		expect((await post(stranger, '/two-factor/verify-totp', { code: totp.generate() })).status).toBe(401);
		expect(await sessionEmail(stranger)).toBeNull();
	});

	it('accepts each recovery code once', async () => {
		const person = await buildPerson(conn.db);
		const { backupCodes } = await enableTotp(person);
		expect(backupCodes.length).toBeGreaterThanOrEqual(8);
		const first = await signedInAs(person);
		const ok = await post(first.browser, '/two-factor/verify-backup-code', { code: backupCodes[0] });
		expect(ok.status).toBe(200);
		expect(await sessionEmail(first.browser)).toBe(person.email);
		const again = await signedInAs(person);
		expect(
			(await post(again.browser, '/two-factor/verify-backup-code', { code: backupCodes[0] })).status
		).not.toBe(200);
		expect(await sessionEmail(again.browser)).toBeNull();
	});

	it('also asks for the code after a magic link, not only after a password', async () => {
		const person = await buildPerson(conn.db);
		const { totp } = await enableTotp(person);
		const browser = new TestBrowser();
		await post(browser, '/sign-in/magic-link', { email: person.email, callbackURL: '/account' });
		const link = firstUrl((await outboxMessage(conn.db, person.email)).text);
		const landing = await browser.request(link);
		expect(landing.status).toBe(302);
		const location = new URL(landing.headers.get('location')!);
		expect(location.pathname).toBe('/inloggen/tweestaps');
		expect(location.searchParams.get('redirectTo')).toBe('/account');
		expect(await sessionEmail(browser)).toBeNull();
		expect((await post(browser, '/two-factor/verify-totp', { code: totp.generate() })).status).toBe(200);
		expect(await sessionEmail(browser)).toBe(person.email);
	});

	it('is turned off with the password, after which the password alone signs in', async () => {
		const person = await buildPerson(conn.db);
		const { browser } = await enableTotp(person);
		expect((await post(browser, '/two-factor/disable', { password: 'not-my-password' })).status).toBe(400);
		expect((await post(browser, '/two-factor/disable', { password: person.password })).status).toBe(200);
		const { browser: next, body } = await signedInAs(person);
		expect(body.twoFactorRedirect).toBeUndefined();
		expect(await sessionEmail(next)).toBe(person.email);
	});
});
