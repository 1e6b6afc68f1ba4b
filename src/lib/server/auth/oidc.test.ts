import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson, type BuiltPerson } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { account, ssoIdentity, user } from './auth.table.ts';
import { startAuthServer, type AuthServer } from './testing/auth-server.ts';
import { TestBrowser } from './testing/browser.ts';
import { signInAtProvider, startOidcProvider } from './testing/oidc-provider.ts';

// The whole SURFconext code flow over real HTTP: our sign-in endpoint, the provider's
// authorization endpoint, its login and consent pages, the callback to better-auth,
// the code exchange (client secret + PKCE verifier), ID token checks and userinfo.

let conn: Connection;
let idp: Awaited<ReturnType<typeof startOidcProvider>>;
let app: AuthServer;
let appPort = 0;

beforeAll(async () => {
	conn = await createTestDatabase();
	// The app's port must be known for the redirect URI before the provider registers it,
	// and the provider must run before the app reads its discovery document.
	const { createServer } = await import('node:net');
	appPort = await new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
	idp = await startOidcProvider({
		redirectUri: () => `http://localhost:${appPort}/api/auth/callback/surfconext`
	});
	app = await startAuthServer(conn.db, {
		port: appPort,
		oidc: {
			surfconext: {
				issuer: idp.issuer,
				clientId: idp.client.clientId,
				clientSecret: idp.client.clientSecret
			},
			eduid: { clientId: '', clientSecret: '' }
		}
	});
});
afterAll(async () => {
	await app.close();
	await idp.close();
	await conn.close();
});

/** Starts SSO as the sign-in page does and plays the person at the provider. */
async function ssoSignIn(browser: TestBrowser, login: string, body: Record<string, unknown> = {}) {
	const start = await browser.request(app.api('/sign-in/social'), {
		json: {
			provider: 'surfconext',
			callbackURL: '/account',
			errorCallbackURL: '/inloggen',
			disableRedirect: true,
			...body
		}
	});
	expect(start.status).toBe(200);
	const { url } = (await start.json()) as { url: string };
	const { response, url: landed } = await signInAtProvider(browser, idp.issuer, url, login);
	await response.body?.cancel();
	return { authorizationUrl: new URL(url), landed };
}

async function sessionEmail(browser: TestBrowser) {
	const body = (await (await browser.request(app.api('/get-session'))).json()) as {
		user?: { email: string };
	} | null;
	return body?.user?.email ?? null;
}

function idpAccount(sub: string, email: string, extra: Record<string, unknown> = {}) {
	idp.accounts.set(sub, { sub, email, name: 'Via SURFconext', ...extra });
}

describe('SURFconext sign-in (OIDC code flow)', () => {
	let alice: BuiltPerson;

	it('links an existing person on first sign-in, with PKCE, and keys the account on sub', async () => {
		alice = await buildPerson(conn.db, [], { name: 'Alice Docent' });
		idpAccount('surf-sub-alice', alice.email, {
			schac_home_organisation: 'roc-a.nl',
			eduperson_scoped_affiliation: ['employee@roc-a.nl', 'member@roc-a.nl']
		});
		const browser = new TestBrowser();
		const { authorizationUrl, landed } = await ssoSignIn(browser, 'surf-sub-alice');

		const sent = authorizationUrl.searchParams;
		expect(sent.get('response_type')).toBe('code');
		expect(sent.get('code_challenge_method')).toBe('S256');
		expect(sent.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(sent.get('state')).toBeTruthy();
		expect(sent.get('nonce')).toBeTruthy();
		expect(sent.get('scope')!.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
		// The provider itself received that challenge.
		expect(idp.authorizationRequests.at(-1)?.get('code_challenge')).toBe(sent.get('code_challenge'));

		expect(landed.toString()).toBe(`${app.baseURL}/account`);
		expect(await sessionEmail(browser)).toBe(alice.email);
		const accounts = await conn.db
			.select({ accountId: account.accountId })
			.from(account)
			.where(and(eq(account.userId, alice.id), eq(account.providerId, 'surfconext')));
		expect(accounts).toEqual([{ accountId: 'surf-sub-alice' }]);
		const [identity] = await conn.db
			.select()
			.from(ssoIdentity)
			.where(eq(ssoIdentity.subject, 'surf-sub-alice'));
		expect(identity).toMatchObject({
			providerId: 'surfconext',
			userId: alice.id,
			homeOrganization: 'roc-a.nl',
			affiliations: ['employee', 'member']
		});
	});

	it('finds the person by sub afterwards, even when the provider reports another e-mail', async () => {
		idpAccount('surf-sub-alice', 'alice.new-address@roc-a.example', {
			schac_home_organization: 'roc-a.nl',
			eduperson_affiliation: ['staff']
		});
		const browser = new TestBrowser();
		await ssoSignIn(browser, 'surf-sub-alice');
		expect(await sessionEmail(browser)).toBe(alice.email);
		const [identity] = await conn.db
			.select()
			.from(ssoIdentity)
			.where(eq(ssoIdentity.subject, 'surf-sub-alice'));
		expect(identity?.affiliations).toEqual(['staff']);
		// Our record of the person is ours: the provider does not rename or re-address them.
		const [row] = await conn.db
			.select({ email: user.email, name: user.name })
			.from(user)
			.where(eq(user.id, alice.id));
		expect(row).toEqual({ email: alice.email, name: 'Alice Docent' });
	});

	it('does not let another identity with the same e-mail take over the person', async () => {
		idpAccount('surf-sub-mallory', alice.email);
		const browser = new TestBrowser();
		const { landed } = await ssoSignIn(browser, 'surf-sub-mallory');
		expect(landed.pathname).toBe('/inloggen');
		expect(landed.searchParams.get('error')).toBe('sso_identity_conflict');
		expect(await sessionEmail(browser)).toBeNull();
		const subs = await conn.db
			.select({ sub: account.accountId })
			.from(account)
			.where(eq(account.providerId, 'surfconext'));
		expect(subs.map((s) => s.sub)).not.toContain('surf-sub-mallory');
	});

	it('creates no account for someone unknown, even when sign-up is requested', async () => {
		idpAccount('surf-sub-stranger', 'stranger@elders.example');
		for (const body of [{}, { requestSignUp: true }]) {
			const browser = new TestBrowser();
			const { landed } = await ssoSignIn(browser, 'surf-sub-stranger', body);
			expect(landed.pathname).toBe('/inloggen');
			expect(landed.searchParams.get('error')).toBeTruthy();
			expect(await sessionEmail(browser)).toBeNull();
		}
		expect(await conn.db.select().from(user).where(eq(user.email, 'stranger@elders.example'))).toHaveLength(
			0
		);
	});

	it('refuses to sign in with a posted ID token instead of the code flow', async () => {
		const response = await new TestBrowser().request(app.api('/sign-in/social'), {
			json: { provider: 'surfconext', idToken: { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' } }
		});
		expect(response.status).toBe(400);
	});

	it('asks for the TOTP code of a person who has it on', async () => {
		const bob = await buildPerson(conn.db);
		const browser = new TestBrowser();
		await browser.request(app.api('/sign-in/email'), { json: { email: bob.email, password: bob.password } });
		const enable = await browser.request(app.api('/two-factor/enable'), { json: { password: bob.password } });
		const totp = OTPAuth.URI.parse(((await enable.json()) as { totpURI: string }).totpURI);
		await browser.request(app.api('/two-factor/verify-totp'), { json: { code: totp.generate() } });

		idpAccount('surf-sub-bob', bob.email);
		const sso = new TestBrowser();
		const { landed } = await ssoSignIn(sso, 'surf-sub-bob');
		expect(landed.pathname).toBe('/inloggen/tweestaps');
		expect(landed.searchParams.get('redirectTo')).toBe('/account');
		expect(await sessionEmail(sso)).toBeNull();
		expect(
			(await sso.request(app.api('/two-factor/verify-totp'), { json: { code: totp.generate() } })).status
		).toBe(200);
		expect(await sessionEmail(sso)).toBe(bob.email);
	});
});
