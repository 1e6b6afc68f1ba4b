// Who may read an evaluation, and what a finished or used thing refuses. An evaluation of
// team Verpleegkunde ("ROC Voorbeeld Midden") is set up over the API; then people of
// "Techniek College Rivierenland" try every address of it (pages, API, PDF, export,
// evidence, the team dashboard) and get a 404, exactly as for an id that does not exist;
// without signing in the pages send to /inloggen and the API answers 401; the network
// admin does not see the unpublished work. Also: a wrong file type on the evidence page,
// a questionnaire link sent twice, and a rating change after vaststellen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	apiSignIn,
	chromiumExecutable,
	demoAccount,
	expectNoAxeViolations,
	launchBrowser,
	signedInPage,
	waitForHydration
} from './helpers.ts';
import {
	advance,
	call,
	errorsOn,
	expectJson,
	isoDate,
	ledTeam,
	planTeamEvaluation,
	submitAndWait,
	tinyPdf,
	type PlannedEvaluation
} from './evaluation-helpers.ts';

const run = Date.now().toString(36);
const TITLE = `Toegangstest Verpleegkunde ${run}`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Problem = { type: string; title: string; status: number; detail?: string };

/** Checks a refusal is a problem document with its status, and returns it. */
async function expectProblem(response: Response, status: number): Promise<Problem> {
	const text = await response.text();
	expect(response.status, `${response.url}: ${text.slice(0, 300)}`).toBe(status);
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	const problem = JSON.parse(text) as Problem;
	expect(problem.status).toBe(status);
	return problem;
}

describe('another institution, the network and strangers cannot read an evaluation', () => {
	let leadA: string;
	let leadB: string;
	let officerB: string;
	let admin: string;
	let evaluation: PlannedEvaluation;
	let teamA: string;
	let standardKeys: string[];
	let evidenceId: string;
	let questionnaireUrl: string;

	/** Every page address of the evaluation (and the team's dashboard), with `id` for the evaluation. */
	const pages = (id: string, team: string) => [
		`/evaluaties/${id}`,
		`/evaluaties/${id}/beoordelen`,
		`/evaluaties/${id}/bevindingen`,
		`/evaluaties/${id}/bewijs`,
		`/evaluaties/${id}/vragenlijsten`,
		`/evaluaties/${id}/geschiedenis`,
		`/evaluaties/${id}/rapport.pdf`,
		`/evaluaties/${id}/export?wat=beoordelingen&formaat=xlsx`,
		`/evaluaties/${id}/bewijs/${evidenceId}/1`,
		`/dashboard/team/${team}`
	];
	/** Every API address of the evaluation. */
	const apis = (id: string) => [
		`/api/v1/evaluations/${id}`,
		`/api/v1/evaluations/${id}/report.pdf`,
		`/api/v1/evaluations/${id}/ratings`,
		`/api/v1/evaluations/${id}/export?what=ratings&format=xlsx`,
		`/api/v1/evaluations/${id}/findings`,
		`/api/v1/evaluations/${id}/evidence`,
		`/api/v1/evaluations/${id}/evidence/${evidenceId}/revisions/1/content`
	];

	beforeAll(async () => {
		[leadA, leadB, officerB, admin] = await Promise.all([
			apiSignIn(demoAccount('team_lead', 'A').email, DEMO_PASSWORD),
			apiSignIn(demoAccount('team_lead', 'B').email, DEMO_PASSWORD),
			apiSignIn(demoAccount('quality_officer', 'B').email, DEMO_PASSWORD),
			apiSignIn(demoAccount('network_admin').email, DEMO_PASSWORD)
		]);
		const { teamId } = await ledTeam(leadA);
		teamA = teamId;
		// Held long ago, so that it never becomes the team's latest position on the dashboard
		// (the self-evaluation test, running beside this one, checks that).
		evaluation = await planTeamEvaluation(leadA, {
			title: TITLE,
			teamId,
			startsOn: isoDate(-500),
			endsOn: isoDate(-499),
			perspectives: ['teacher', 'student']
		});
		evaluation = await advance(leadA, evaluation, 'preparation');
		evaluation = await advance(leadA, evaluation, 'execution');
		standardKeys = (evaluation as PlannedEvaluation & { scopeStandardKeys: string[] }).scopeStandardKeys;
		expect(standardKeys.length).toBeGreaterThan(0);

		const saved = await expectJson<{ saved: string[] }>(
			await call(`/api/v1/evaluations/${evaluation.id}/ratings`, {
				method: 'PUT',
				cookie: leadA,
				body: { ratings: standardKeys.map((standardKey) => ({ standardKey, levelKey: 'at-standard' })) }
			}),
			200
		);
		expect(saved.saved).toHaveLength(standardKeys.length);

		const form = new FormData();
		form.set('title', 'Verslag van de teamdag');
		form.set('evidenceDate', isoDate(-2));
		form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'verslag.pdf');
		const item = await expectJson<{ id: string }>(
			await call(`/api/v1/evaluations/${evaluation.id}/evidence`, { cookie: leadA, form }),
			201
		);
		evidenceId = item.id;

		const links = await expectJson<{ links: { url: string }[] }>(
			await call(`/api/v1/evaluations/${evaluation.id}/questionnaire-links`, {
				cookie: leadA,
				body: { perspective: 'student', count: 1 }
			}),
			201
		);
		questionnaireUrl = links.links[0]!.url;
	});

	describe.skipIf(!chromiumExecutable)('in the browser', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await launchBrowser();
		});
		afterAll(async () => {
			await browser?.close();
		});

		it('a file whose content does not match its type is refused on the page in Dutch, and nothing is stored', async () => {
			const { context, page } = await signedInPage(browser, 'team_lead', 'A');
			context.setDefaultTimeout(10_000);
			const evidenceCount = async () =>
				(await (await page.request.get(`/api/v1/evaluations/${evaluation.id}/evidence`)).json()).items.length;
			expect(await evidenceCount()).toBe(1);
			const cases = [
				{
					name: 'verslag.pdf',
					// A Windows program with a .pdf name.
					buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]),
					error: 'De inhoud van het bestand past niet bij de extensie .pdf'
				},
				{
					name: 'notities.pdf',
					buffer: Buffer.from('Gewoon wat tekst, geen PDF.\n'),
					error: 'De inhoud van het bestand past niet bij de extensie .pdf'
				},
				{
					name: 'programma.exe',
					buffer: Buffer.from('MZ\x90\x00', 'latin1'),
					error: 'Bestanden van het type .exe worden niet aangenomen'
				}
			];
			for (const attempt of cases) {
				await page.goto(`/evaluaties/${evaluation.id}/bewijs`);
				await waitForHydration(page);
				const form = page.locator('form', {
					has: page.getByRole('button', { name: 'Toevoegen', exact: true })
				});
				await form.getByRole('radio', { name: 'Bestand' }).check();
				await form.getByRole('textbox', { name: 'Titel' }).fill(`Fout bestand ${attempt.name}`);
				await form.locator('input[type="file"]').setInputFiles({
					name: attempt.name,
					mimeType: 'application/pdf',
					buffer: attempt.buffer
				});
				await form.getByLabel('Datum van het bewijs').fill(isoDate(-1));
				await submitAndWait(page, form.getByRole('button', { name: 'Toevoegen', exact: true }));
				// The error sits at the file field, tied to it for screen readers.
				const file = page
					.locator('form', { has: page.getByRole('button', { name: 'Toevoegen', exact: true }) })
					.locator('input[type="file"]');
				expect(await file.getAttribute('aria-invalid'), await errorsOn(page)).toBe('true');
				const errorId = (await file.getAttribute('aria-describedby'))!
					.split(' ')
					.find((i) => i.endsWith('-error'))!;
				expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain(attempt.error);
				expect(await page.getByRole('main').textContent()).not.toContain('Het bewijs is toegevoegd.');
			}
			// Nothing was stored: still the one file from the setup.
			expect(await evidenceCount()).toBe(1);
			expect(await page.getByRole('link', { name: /^Fout bestand/ }).count()).toBe(0);
			await expectNoAxeViolations(page);
			await context.close();
		});

		it('a questionnaire link counts once: a second submit of the same form gets the "already answered" page', async () => {
			const context = await browser.newContext({ locale: 'nl-NL' });
			context.setDefaultTimeout(10_000);
			// Two tabs with the same link, as when someone opens the e-mail twice.
			const [first, second] = await Promise.all([context.newPage(), context.newPage()]);
			for (const page of [first, second]) {
				// A background tab gets few animation frames, and every click waits for some.
				await page.bringToFront();
				const opened = await page.goto(questionnaireUrl);
				// The token is in the path: kept out of caches and never sent to another site. Not
				// `no-referrer`: with that, browsers send `Origin: null` with the form and SvelteKit
				// refuses the answer as a cross-site post.
				expect(opened?.headers()['referrer-policy']).toBe('same-origin');
				expect(opened?.headers()['cache-control']).toBe('no-store');
				await waitForHydration(page);
				const notRated = page.getByRole('radio', { name: 'niet beoordeeld', exact: true });
				expect(await notRated.count()).toBe(standardKeys.length);
				for (const radio of await notRated.all()) await radio.check();
			}
			await first.bringToFront();
			await submitAndWait(first, first.getByRole('button', { name: 'Versturen' }));
			expect(new URL(first.url()).pathname, await errorsOn(first)).toBe('/vragenlijst/bedankt');

			await second.bringToFront();
			const [response] = await Promise.all([
				second.waitForResponse((r) => r.request().method() === 'POST'),
				submitAndWait(second, second.getByRole('button', { name: 'Versturen' }))
			]);
			expect(response.status()).toBe(410);
			expect(await second.getByRole('heading', { level: 1 }).textContent()).toContain(
				'Vragenlijst niet beschikbaar'
			);
			expect(await second.getByRole('main').textContent()).toContain('Deze vragenlijst is al ingevuld.');
			await expectNoAxeViolations(second);
			// Opening the link again says the same.
			const again = await second.goto(questionnaireUrl);
			expect(again?.status()).toBe(410);
			expect(await second.getByRole('main').textContent()).toContain('Deze vragenlijst is al ingevuld.');
			await context.close();

			// One answer counted.
			const links = await expectJson<{ counts: { perspective: string; answered: number }[] }>(
				await call(`/api/v1/evaluations/${evaluation.id}/questionnaire-links`, { cookie: leadA }),
				200
			);
			expect(links.counts.find((c) => c.perspective === 'student')?.answered).toBe(1);
		});

		it('a team lead of the other institution gets the Dutch 404 page', async () => {
			const { context, page } = await signedInPage(browser, 'team_lead', 'B');
			const response = await page.goto(`/evaluaties/${evaluation.id}`);
			expect(response?.status()).toBe(404);
			const main = (await page.getByRole('main').textContent()) ?? '';
			expect(main).toContain('De evaluatie bestaat niet of is niet zichtbaar voor u.');
			expect(main).not.toContain(TITLE);
			await expectNoAxeViolations(page);
			await context.close();
		});
	});

	it('after vaststellen a rating change over the API is refused: 409 with a Dutch detail', async () => {
		evaluation = await advance(leadA, evaluation, 'reporting');
		evaluation = await expectJson<PlannedEvaluation>(
			await call(`/api/v1/evaluations/${evaluation.id}/finalise`, {
				cookie: leadA,
				body: { lock: evaluation.lock }
			}),
			200
		);
		expect(evaluation.status).toBe('finalised');

		const before = await expectJson<{
			mine: { standardKey: string; levelKey: string | null; version: number }[];
		}>(await call(`/api/v1/evaluations/${evaluation.id}/ratings`, { cookie: leadA }), 200);
		const stored = before.mine.find((r) => r.standardKey === standardKeys[0])!;
		expect(stored.levelKey).toBe('at-standard');
		const problem = await expectProblem(
			await call(`/api/v1/evaluations/${evaluation.id}/ratings`, {
				method: 'PUT',
				cookie: leadA,
				body: {
					ratings: [{ standardKey: stored.standardKey, levelKey: 'ambition', version: stored.version }]
				}
			}),
			409
		);
		expect(problem.detail).toMatch(/vastgesteld/);
		const after = await expectJson<typeof before>(
			await call(`/api/v1/evaluations/${evaluation.id}/ratings`, { cookie: leadA }),
			200
		);
		expect(after.mine.find((r) => r.standardKey === stored.standardKey)).toEqual(stored);
		// The page has no form any more either.
		const html = await (
			await call(`/evaluaties/${evaluation.id}/beoordelen`, { cookie: leadA, accept: 'text/html' })
		).text();
		expect(html).not.toContain('Beoordelingen opslaan');
	});

	it('the team lead and the quality officer of the other institution get 404 everywhere, as for an unknown id', async () => {
		// The addresses are right: the evaluation's own team lead reads every one of them.
		for (const path of [...pages(evaluation.id, teamA), ...apis(evaluation.id)]) {
			const response = await call(path, {
				cookie: leadA,
				accept: path.startsWith('/api/') ? 'application/json' : 'text/html'
			});
			expect(response.status, `team lead A ${path}`).toBe(200);
			await response.arrayBuffer();
		}
		for (const [who, cookie] of [
			['team lead B', leadB],
			['quality officer B', officerB]
		] as const) {
			for (const path of pages(evaluation.id, teamA)) {
				const response = await call(path, { cookie, accept: 'text/html' });
				expect(response.status, `${who} ${path}`).toBe(404);
				expect(await response.text(), `${who} ${path}`).not.toContain(TITLE);
			}
			for (const path of apis(evaluation.id)) {
				const problem = await expectProblem(await call(path, { cookie }), 404);
				expect(problem.title, `${who} ${path}`).toBe('Niet gevonden');
				expect(JSON.stringify(problem)).not.toContain(TITLE);
			}
			// Indistinguishable from an evaluation that does not exist.
			const mine = await expectProblem(await call(`/api/v1/evaluations/${evaluation.id}`, { cookie }), 404);
			const unknown = await expectProblem(await call(`/api/v1/evaluations/${UNKNOWN_ID}`, { cookie }), 404);
			expect({ ...mine, requestId: undefined, instance: undefined }).toEqual({
				...unknown,
				requestId: undefined,
				instance: undefined
			});
			// Writing is a 404 too, not a 403.
			await expectProblem(
				await call(`/api/v1/evaluations/${evaluation.id}/findings`, {
					cookie,
					body: { kind: 'concern', text: 'Ingebroken.' }
				}),
				404
			);
			// And the evaluation is not in their list.
			const list = await expectJson<{ items: { id: string }[] }>(
				await call('/api/v1/evaluations?pageSize=100', { cookie }),
				200
			);
			expect(list.items.map((e) => e.id)).not.toContain(evaluation.id);
		}
	});

	it('without signing in, the pages send to /inloggen and the API answers 401', async () => {
		for (const path of pages(evaluation.id, teamA)) {
			const response = await call(path, { accept: 'text/html' });
			expect(response.status, path).toBe(303);
			const location = new URL(response.headers.get('location') ?? '', 'http://x');
			expect(location.pathname, path).toBe('/inloggen');
			expect(location.searchParams.get('redirectTo'), path).toBe(path);
		}
		for (const path of apis(evaluation.id)) {
			const problem = await expectProblem(await call(path), 401);
			expect(problem.title.length, path).toBeGreaterThan(0);
		}
	});

	it('the network admin does not see the unpublished evaluation, but sees the network overview', async () => {
		for (const path of [`/evaluaties/${evaluation.id}`, `/evaluaties/${evaluation.id}/rapport.pdf`]) {
			expect((await call(path, { cookie: admin, accept: 'text/html' })).status, path).toBe(404);
		}
		for (const path of [
			`/api/v1/evaluations/${evaluation.id}`,
			`/api/v1/evaluations/${evaluation.id}/report.pdf`
		])
			await expectProblem(await call(path, { cookie: admin }), 404);
		const network = await call('/dashboard/netwerk', { cookie: admin, accept: 'text/html' });
		expect(network.status).toBe(200);
		const html = await network.text();
		expect(html).toContain('Netwerkoverzicht');
		expect(html).not.toContain(TITLE);
	});
});
