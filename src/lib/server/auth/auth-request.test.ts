import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { parseSetCookie, type SerializeOptions } from 'cookie';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { callAuth } from './auth-request.ts';
import { startAuthServer, type AuthServer } from './testing/auth-server.ts';

// callAuth is how pages talk to better-auth. It is tested against the real handler;
// only SvelteKit's cookie API is stood in for, by a recorder of what would be set.

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

function pageEvent(clientAddress: string, cookieHeader = '') {
	const set: { name: string; value: string; options: SerializeOptions }[] = [];
	const cookies = {
		set: (name: string, value: string, options: SerializeOptions) => set.push({ name, value, options }),
		parse: parseSetCookie
	} as unknown as Cookies;
	const request = new Request(`${server.baseURL}/inloggen?/password`, {
		method: 'POST',
		headers: cookieHeader ? { cookie: cookieHeader } : {}
	});
	return { event: { request, cookies, getClientAddress: () => clientAddress }, set };
}

describe('callAuth', () => {
	it('passes the session cookie on to the browser with its attributes', async () => {
		const person = await buildPerson(conn.db);
		const { event, set } = pageEvent('192.0.2.10');
		const answer = await callAuth(server.auth, event, '/sign-in/email', {
			email: person.email,
			password: person.password
		});
		expect(answer.ok).toBe(true);
		const cookie = set.find((c) => c.name === 'better-auth.session_token')!;
		expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false });
		// That cookie is a working session.
		const next = pageEvent('192.0.2.10', `${cookie.name}=${encodeURIComponent(cookie.value)}`);
		const session = await callAuth(server.auth, next.event, '/two-factor/enable', {
			password: person.password
		});
		expect(session.status).toBe(200);
	});

	it('reports better-auth error codes', async () => {
		const { event } = pageEvent('192.0.2.11');
		const answer = await callAuth(server.auth, event, '/sign-in/email', {
			email: 'x@example.test',
			password: 'wrong-wrong'
		});
		expect(answer).toMatchObject({ ok: false, status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' });
	});

	it('is rate limited per client address as SvelteKit resolves it', async () => {
		const tries = async (address: string) => {
			const { event } = pageEvent(address);
			return callAuth(server.auth, event, '/sign-in/email', {
				email: 'y@example.test',
				password: 'wrong-wrong'
			});
		};
		for (let i = 0; i < 5; i++) expect((await tries('192.0.2.12')).rateLimited).toBe(false);
		expect((await tries('192.0.2.12')).rateLimited).toBe(true);
		expect((await tries('192.0.2.13')).rateLimited).toBe(false);
	});
});
