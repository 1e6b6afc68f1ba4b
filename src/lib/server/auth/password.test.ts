import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { session, user } from './auth.table.ts';
import { createAuth } from './auth.ts';
import { startAuthServer, type AuthServer } from './testing/auth-server.ts';
import { TestBrowser } from './testing/browser.ts';

let conn: Connection;
let server: AuthServer;
const host = 'localhost';

beforeAll(async () => {
	conn = await createTestDatabase();
	server = await startAuthServer(conn.db);
});
afterAll(async () => {
	await server.close();
	await conn.close();
});

async function signIn(browser: TestBrowser, email: string, password: string) {
	const response = await browser.request(server.api('/sign-in/email'), { json: { email, password } });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function currentUser(browser: TestBrowser) {
	const response = await browser.request(server.api('/get-session'));
	const body = (await response.json()) as { user?: { email: string } } | null;
	return body?.user?.email ?? null;
}

describe('password sign-in', () => {
	it('signs in with the right password and sets a safe session cookie', async () => {
		const person = await buildPerson(conn.db);
		const browser = new TestBrowser();
		const { status } = await signIn(browser, person.email, person.password);
		expect(status).toBe(200);
		const cookie = browser.cookie(host, 'better-auth.session_token');
		expect(cookie?.attributes.httponly).toBe(true);
		expect(String(cookie?.attributes.samesite).toLowerCase()).toBe('lax');
		// Plain http in this test; see the https case below.
		expect(cookie?.attributes.secure).toBeUndefined();
		expect(await currentUser(browser)).toBe(person.email);
	});

	it('ignores the case of the e-mail address', async () => {
		const person = await buildPerson(conn.db);
		expect((await signIn(new TestBrowser(), person.email.toUpperCase(), person.password)).status).toBe(200);
	});

	it('answers a wrong password and an unknown address identically', async () => {
		const person = await buildPerson(conn.db);
		const wrong = await signIn(new TestBrowser(), person.email, 'not-the-password');
		const unknown = await signIn(new TestBrowser(), 'nobody-here@example.test', 'not-the-password');
		expect(wrong.status).toBe(401);
		expect(unknown).toEqual(wrong);
	});

	it('refuses a person who has been archived', async () => {
		const person = await buildPerson(conn.db);
		await conn.db.update(user).set({ archivedAt: new Date() }).where(eq(user.id, person.id));
		const browser = new TestBrowser();
		expect((await signIn(browser, person.email, person.password)).status).not.toBe(200);
		expect(await currentUser(browser)).toBeNull();
	});

	it('stops an address after five attempts a minute, per IP address', async () => {
		const person = await buildPerson(conn.db);
		const attacker = new TestBrowser();
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++)
			statuses.push((await signIn(attacker, person.email, `guess-${i}-guess`)).status);
		expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
		// Even the right password is refused while the limit holds.
		expect((await signIn(attacker, person.email, person.password)).status).toBe(429);
		// Someone at another address is not locked out.
		expect((await signIn(new TestBrowser(), person.email, person.password)).status).toBe(200);
	});

	it('signs out: the session ends and the cookie is cleared', async () => {
		const person = await buildPerson(conn.db);
		const browser = new TestBrowser();
		await signIn(browser, person.email, person.password);
		const token = browser.cookieValue(host, 'session_token')!.split('.')[0]!;
		const out = await browser.request(server.api('/sign-out'), { json: {} });
		expect(out.status).toBe(200);
		expect(browser.cookie(host, 'better-auth.session_token')).toBeUndefined();
		expect(await conn.db.select().from(session).where(eq(session.token, token))).toHaveLength(0);
		expect(await currentUser(browser)).toBeNull();
	});
});

describe('session cookie over https', () => {
	it('is Secure, HttpOnly and SameSite=Lax when the base URL is https', async () => {
		const person = await buildPerson(conn.db);
		const auth = createAuth({
			db: conn.db,
			baseURL: 'https://kwaliteitsspiegel.example',
			secret: 'test-secret-test-secret-test-secret-0123',
			rateLimit: false,
			oidc: { surfconext: { clientId: '', clientSecret: '' }, eduid: { clientId: '', clientSecret: '' } },
			mail: {}
		});
		const response = await auth.handler(
			new Request('https://kwaliteitsspiegel.example/api/auth/sign-in/email', {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: 'https://kwaliteitsspiegel.example' },
				body: JSON.stringify({ email: person.email, password: person.password })
			})
		);
		expect(response.status).toBe(200);
		const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='))!;
		expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
		expect(cookie).toMatch(/;\s*Secure/i);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
	});
});
