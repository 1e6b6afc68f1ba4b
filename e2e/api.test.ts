// The API as a client uses it, over plain HTTP: who sees what, how refusals read (RFC 9457
// problem documents in Dutch), personal API tokens, and the OpenAPI document. Ends with
// the same isolation through the pages: another institution's team page is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	apiSignIn,
	baseURL,
	chromiumExecutable,
	demoAccount,
	expectNoAxeViolations,
	launchBrowser,
	signedInPage
} from './helpers.ts';

const INSTITUTION_A = 'ROC Voorbeeld Midden';
const INSTITUTION_B = 'Techniek College Rivierenland';
const run = Date.now().toString(36);

type Problem = {
	type: string;
	title: string;
	status: number;
	detail?: string;
	errors?: { pointer: string; field: string; message: string }[];
};

/** A request to the app as a client sends it: JSON in, `accept: application/json`. */
async function call(
	path: string,
	options: { method?: string; cookie?: string; token?: string; body?: unknown; raw?: string } = {}
): Promise<Response> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (options.cookie) headers.cookie = options.cookie;
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	const method = options.method ?? 'GET';
	// Every write says it is JSON, with or without a body: SvelteKit's CSRF check refuses the rest.
	if (method !== 'GET') headers['content-type'] = 'application/json';
	return fetch(`${baseURL()}${path}`, { method, headers, body, redirect: 'manual' });
}

/** Reads a refusal and checks it is a problem document with its status in body and header. */
async function expectProblem(response: Response, status: number): Promise<Problem> {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	const problem = (await response.json()) as Problem;
	expect(problem.status).toBe(status);
	expect(problem.type).toBe(`https://kwaliteitsspiegel.nl/problems/${status}`);
	expect(problem.title.length).toBeGreaterThan(0);
	return problem;
}

describe('API /api/v1', () => {
	let officerA: string;
	let admin: string;
	let idA: string;
	let idB: string;
	let teamOfB: string;

	beforeAll(async () => {
		[officerA, admin] = await Promise.all([
			apiSignIn(demoAccount('quality_officer', 'A').email, DEMO_PASSWORD),
			apiSignIn(demoAccount('network_admin').email, DEMO_PASSWORD)
		]);
		const all = await (await call('/api/v1/institutions?pageSize=200', { cookie: admin })).json();
		const byName = new Map<string, string>(
			all.items.map((i: { id: string; name: string }) => [i.name, i.id])
		);
		idA = byName.get(INSTITUTION_A)!;
		idB = byName.get(INSTITUTION_B)!;
		expect(idA && idB).toBeTruthy();
		const teams = await (await call(`/api/v1/institutions/${idB}/teams`, { cookie: admin })).json();
		teamOfB = teams.items[0].id;
	});

	/** The names of the teams of an institution, as the network admin sees them. */
	async function teamNames(institutionId: string, q: string): Promise<string[]> {
		const response = await call(`/api/v1/institutions/${institutionId}/teams?q=${encodeURIComponent(q)}`, {
			cookie: admin
		});
		expect(response.status).toBe(200);
		return (await response.json()).items.map((t: { name: string }) => t.name);
	}

	describe('a quality officer of institution A', () => {
		it('lists only institution A', async () => {
			const response = await call('/api/v1/institutions', { cookie: officerA });
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toContain('application/json');
			const list = await response.json();
			expect(list.items.map((i: { id: string }) => i.id)).toEqual([idA]);
			expect(list).toMatchObject({ page: 1, total: 1 });
		});

		it('gets a Dutch 404 problem for institution B, as for an id that does not exist', async () => {
			const problem = await expectProblem(
				await call(`/api/v1/institutions/${idB}`, { cookie: officerA }),
				404
			);
			expect(problem.title).toBe('Niet gevonden');
			expect(problem.detail).toBe('De instelling bestaat niet of is niet zichtbaar voor u.');
			// Indistinguishable from an unknown id: existence does not leak.
			const unknown = await expectProblem(
				await call('/api/v1/institutions/00000000-0000-4000-8000-000000000000', { cookie: officerA }),
				404
			);
			expect({ ...unknown, requestId: undefined }).toEqual({ ...problem, requestId: undefined });
		});

		it('may not change institution A itself: 403, and nothing changes', async () => {
			const problem = await expectProblem(
				await call(`/api/v1/institutions/${idA}`, {
					method: 'PATCH',
					cookie: officerA,
					body: { name: `Hernoemd ${run}` }
				}),
				403
			);
			expect(problem.title).toBe('Geen toegang');
			expect(problem.detail).toMatch(/geen toegang/i);
			const stored = await (await call(`/api/v1/institutions/${idA}`, { cookie: officerA })).json();
			expect(stored.name).toBe(INSTITUTION_A);
		});

		it('cannot add a team to institution B: 404, and no team is created', async () => {
			const name = `Binnendringer ${run}`;
			await expectProblem(
				await call(`/api/v1/institutions/${idB}/teams`, { method: 'POST', cookie: officerA, body: { name } }),
				404
			);
			expect(await teamNames(idB, name)).toEqual([]);
		});
	});

	describe('the network admin', () => {
		it('sending malformed JSON gets 400', async () => {
			const problem = await expectProblem(
				await call(`/api/v1/institutions/${idA}/teams`, { method: 'POST', cookie: admin, raw: '{"name": ' }),
				400
			);
			expect(problem.title).toBe('Ongeldig verzoek');
			expect(problem.detail).toBe('De inhoud is geen geldige JSON.');
		});

		it('sending wrong types gets 422 naming every failing field', async () => {
			const problem = await expectProblem(
				await call('/api/v1/institutions', {
					method: 'POST',
					cookie: admin,
					body: { name: 12, rioCode: true, status: 'weg' }
				}),
				422
			);
			expect(problem.title).toBe('Ongeldige invoer');
			const fields = Object.fromEntries(problem.errors!.map((e) => [e.field, e]));
			expect(Object.keys(fields).sort()).toEqual(['name', 'rioCode', 'status']);
			expect(fields.name).toMatchObject({ pointer: '/name', message: "naam '12' moet tekst zijn" });
			expect(fields.rioCode!.message).toMatch(/^RIO-code moet bestaan uit 3 cijfers/);
			expect(fields.status!.message).toMatch(/^status 'weg' moet active \(lid\)/);
		});

		it('sending a body over the limits gets 413, not a server error', async () => {
			// Over the API's 1 MB for JSON bodies…
			const overJsonLimit = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
			const problem = await expectProblem(
				await call(`/api/v1/institutions/${idA}/teams`, {
					method: 'POST',
					cookie: admin,
					raw: overJsonLimit
				}),
				413
			);
			expect(problem.title).toBe('Te groot');
			expect(problem.detail).toMatch(/groter dan 1 MB/);
			// …and over what the server reads at all.
			const huge = JSON.stringify({ name: 'x'.repeat(4 * 1024 * 1024) });
			await expectProblem(
				await call(`/api/v1/institutions/${idA}/teams`, { method: 'POST', cookie: admin, raw: huge }),
				413
			);
			// A model file may be up to 2 MB: one of 2.5 MB is refused by the import itself, in Dutch.
			const model = JSON.stringify({
				format: 'kwaliteitsspiegel.model/v1',
				description: 'x'.repeat(2_500_000)
			});
			const tooBig = await expectProblem(
				await call('/api/v1/model-versions/import', { method: 'POST', cookie: admin, raw: model }),
				413
			);
			expect(tooBig.detail).toMatch(/groter dan 2 MB/);
		});

		it('asking for an unknown id gets 404', async () => {
			for (const path of [
				'/api/v1/institutions/00000000-0000-4000-8000-000000000000',
				'/api/v1/teams/00000000-0000-4000-8000-000000000000',
				'/api/v1/model-versions/00000000-0000-4000-8000-000000000000',
				'/api/v1/institutions/geen-uuid'
			]) {
				const problem = await expectProblem(await call(path, { cookie: admin }), 404);
				expect(problem.title, path).toBe('Niet gevonden');
			}
		});

		it('submitting the same team twice: the second gets 422 with a Dutch field error, one team exists', async () => {
			const name = `Dubbel ingediend ${run}`;
			const first = await call(`/api/v1/institutions/${idA}/teams`, {
				method: 'POST',
				cookie: admin,
				body: { name }
			});
			expect(first.status).toBe(201);
			expect((await first.json()).name).toBe(name);
			const second = await expectProblem(
				await call(`/api/v1/institutions/${idA}/teams`, { method: 'POST', cookie: admin, body: { name } }),
				422
			);
			expect(second.errors).toEqual([
				{ pointer: '/name', field: 'name', message: `team '${name}' bestaat al bij deze instelling` }
			]);
			// A double click sends both at once: still one team.
			const twice = `Dubbelklik ${run}`;
			const statuses = await Promise.all(
				[1, 2].map(() =>
					call(`/api/v1/institutions/${idA}/teams`, {
						method: 'POST',
						cookie: admin,
						body: { name: twice }
					}).then((r) => r.status)
				)
			);
			expect(statuses.sort()).toEqual([201, 422]);
			expect(await teamNames(idA, name)).toEqual([name]);
			expect(await teamNames(idA, twice)).toEqual([twice]);
		});
	});

	describe('authentication', () => {
		it('a personal API token works as Bearer ks_…; once revoked it gets 401', async () => {
			const created = await call('/api/v1/tokens', {
				method: 'POST',
				cookie: officerA,
				body: { name: `e2e ${run}`, expiresInDays: 1 }
			});
			expect(created.status).toBe(201);
			const { id, token } = await created.json();
			expect(token).toMatch(/^ks_/);

			const me = await call('/api/v1/me', { token });
			expect(me.status).toBe(200);
			const list = await (await call('/api/v1/institutions', { token })).json();
			expect(list.items.map((i: { id: string }) => i.id)).toEqual([idA]);
			// A token cannot make more tokens.
			await expectProblem(
				await call('/api/v1/tokens', { method: 'POST', token, body: { name: 'meer' } }),
				403
			);

			const revoked = await call(`/api/v1/tokens/${id}`, { method: 'DELETE', cookie: officerA });
			expect(revoked.status).toBe(204);
			const refused = await expectProblem(await call('/api/v1/institutions', { token }), 401);
			expect(refused.title).toBe('Niet ingelogd');
			// A made-up token is no better.
			await expectProblem(await call('/api/v1/institutions', { token: 'ks_verzonnen' }), 401);
		});

		it('a request without a session or token gets 401', async () => {
			for (const [method, path] of [
				['GET', '/api/v1/institutions'],
				['GET', `/api/v1/institutions/${idA}`],
				['POST', `/api/v1/institutions/${idA}/teams`]
			] as const) {
				const problem = await expectProblem(
					await call(path, { method, body: method === 'POST' ? { name: 'Anoniem' } : undefined }),
					401
				);
				expect(problem.detail, `${method} ${path}`).toBe('U moet ingelogd zijn om dit te doen.');
			}
			// After signing out, the old session cookie is worthless too.
			const cookie = await apiSignIn(demoAccount('executive', 'A').email, DEMO_PASSWORD);
			expect((await call('/api/v1/me', { cookie })).status).toBe(200);
			const out = await fetch(`${baseURL()}/api/auth/sign-out`, {
				method: 'POST',
				headers: { cookie, origin: baseURL(), 'content-type': 'application/json' },
				body: '{}'
			});
			expect(out.status).toBe(200);
			await expectProblem(await call('/api/v1/me', { cookie }), 401);
		});
	});

	it('/api/openapi.json is an OpenAPI 3.1.0 document listing /api/v1/institutions', async () => {
		const response = await fetch(`${baseURL()}/api/openapi.json`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		const document = JSON.parse(await response.text());
		expect(document.openapi).toBe('3.1.0');
		expect(document.info.title).toBeTruthy();
		expect(Object.keys(document.paths)).toContain('/api/v1/institutions');
		expect(Object.keys(document.paths['/api/v1/institutions'])).toEqual(
			expect.arrayContaining(['get', 'post'])
		);
	});

	describe.skipIf(!chromiumExecutable)('the same isolation in the pages', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await launchBrowser();
		});
		afterAll(async () => {
			await browser?.close();
		});

		it("a quality officer of A opening a team page of B gets 404 (also under A's address)", async () => {
			const { page } = await signedInPage(browser, 'quality_officer', 'A');
			const response = await page.goto(`/instellingen/${idB}/teams/${teamOfB}`);
			expect(response?.status()).toBe(404);
			expect(await page.locator('main').textContent()).toContain('Pagina niet gevonden');
			await expectNoAxeViolations(page);
			expect((await page.goto(`/instellingen/${idA}/teams/${teamOfB}`))?.status()).toBe(404);
			// Their own team pages do open.
			const own = await (await call(`/api/v1/institutions/${idA}/teams`, { cookie: officerA })).json();
			expect((await page.goto(`/instellingen/${idA}/teams/${own.items[0].id}`))?.status()).toBe(200);
			await expectNoAxeViolations(page);
		});
	});
});
