// The network admin's journey through the reference model: a new draft, edited, published,
// compared with version 1, exported, and an invalid import refused. A team member reads
// along: no draft before publication, the new version after it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
	baseURL,
	chromiumExecutable,
	expectNoAxeViolations,
	launchBrowser,
	signedInPage,
	waitForHydration
} from './helpers.ts';

// Unique per run, so that a failed earlier run on the same server cannot confuse this one.
const run = Date.now().toString(36);
const NEW_GOAL = `Elk team weet waar het staat en waar het heen wil (e2e ${run}).`;
const STANDARD_TITLE = `Het team deelt zijn resultaten met de regio (e2e ${run})`;
const INDICATORS = ['Het team publiceert jaarlijks een verantwoording.', 'Partners uit de regio lezen mee.'];

const idFrom = (url: string) => new URL(url).pathname.split('/')[2]!;

describe.skipIf(!chromiumExecutable)('reference model: draft, edit, publish, compare, export, import', () => {
	let browser: Browser;
	let admin: { context: BrowserContext; page: Page };
	let member: { context: BrowserContext; page: Page };
	let versionOneId: string;
	let oldGoal: string;
	let draftId: string;
	let draftNumber: number;
	let versionCount: number;

	beforeAll(async () => {
		browser = await launchBrowser();
		[admin, member] = await Promise.all([
			signedInPage(browser, 'network_admin'),
			signedInPage(browser, 'team_member', 'A')
		]);
	});
	afterAll(async () => {
		await browser?.close();
	});

	/** The number of versions the list on /model shows. */
	async function countVersions(page: Page): Promise<number> {
		await page.goto('/model');
		return page.locator('table tbody tr').count();
	}

	it('the network admin opens /model and creates a new draft version', async () => {
		const { page } = admin;
		const response = await page.goto('/model');
		expect(response?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toContain('Referentiewaardenmodel');
		await expectNoAxeViolations(page);
		versionCount = await page.locator('table tbody tr').count();
		const one = page.getByRole('link', { name: 'Versie 1', exact: true });
		versionOneId = idFrom(new URL((await one.getAttribute('href'))!, baseURL()).href);

		await Promise.all([
			page.waitForURL(/\/model\/[0-9a-f-]{36}\/bewerken$/),
			page.getByRole('button', { name: 'Nieuwe conceptversie' }).click()
		]);
		draftId = idFrom(page.url());
		const heading = (await page.locator('h1').textContent()) ?? '';
		draftNumber = Number(heading.match(/Conceptversie (\d+) bewerken/)?.[1]);
		expect(draftNumber).toBeGreaterThan(1);
		await expectNoAxeViolations(page);
		// The draft is a copy of the latest version: its goal is version 1's.
		oldGoal = await page.locator('#algemeen-goal').inputValue();
		expect(oldGoal.length).toBeGreaterThan(0);

		// The list now says there is a draft, and offers no second one.
		await page.goto('/model');
		expect(await page.locator('main').textContent()).toContain(
			`Er is een conceptversie in bewerking: versie ${draftNumber}.`
		);
		expect(await page.getByRole('button', { name: 'Nieuwe conceptversie' }).count()).toBe(0);
		expect(await page.locator('table tbody tr').count()).toBe(versionCount + 1);
	});

	it('a team member cannot see the draft', async () => {
		const { page } = member;
		const response = await page.goto(`/model/${draftId}`);
		expect(response?.status()).toBe(404);
		await expectNoAxeViolations(page);
		expect((await page.request.get(`/model/${draftId}/export`)).status()).toBe(404);
		await page.goto('/model');
		expect(await page.locator(`a[href="/model/${draftId}"]`).count()).toBe(0);
		await expectNoAxeViolations(page);
	});

	it('the admin changes the goal framing text and sees it saved', async () => {
		const { page } = admin;
		await page.goto(`/model/${draftId}/bewerken`);
		await waitForHydration(page);
		const general = page.locator('section#algemeen');
		await general.locator('#algemeen-goal').fill(NEW_GOAL);
		await Promise.all([
			page.waitForURL(/opgeslagen=algemeen/),
			general.getByRole('button', { name: 'Opslaan' }).click()
		]);
		expect(await page.locator('section#algemeen [role="status"]').textContent()).toContain('Opgeslagen.');
		// (After hydration: the server's HTML leaves text areas empty, see the known bug below.)
		await waitForHydration(page);
		expect(await page.locator('#algemeen-goal').inputValue()).toBe(NEW_GOAL);
		await expectNoAxeViolations(page);
		// Saved, not just shown: a fresh load has it too.
		await page.goto(`/model/${draftId}/bewerken`);
		await waitForHydration(page);
		expect(await page.locator('#algemeen-goal').inputValue()).toBe(NEW_GOAL);
	});

	// Without JavaScript (or before it runs) a form must post what is stored, not empty text
	// areas that would wipe descriptions, indicators and guiding questions on save.
	it('the editor page carries the saved text in its HTML, before any script runs', async () => {
		const html = await (await admin.page.request.get(`/model/${draftId}/bewerken`)).text();
		const goal = html.match(/<textarea[^>]*id="algemeen-goal"[^>]*>([^<]*)<\/textarea>/)?.[1];
		expect(goal?.trim()).toBe(NEW_GOAL);
	});

	it('the admin adds a standard with two indicators and sees it saved', async () => {
		const { page } = admin;
		await waitForHydration(page);
		const form = page.locator('section#standaard-nieuw');
		await form.locator('#standaard-nieuw-title-field').fill(STANDARD_TITLE);
		await form.locator('fieldset input[type="checkbox"]').first().check();
		await form.locator('#standaard-nieuw-indicators').fill(INDICATORS.join('\n'));
		await Promise.all([
			page.waitForURL(/opgeslagen=standaard-/),
			form.getByRole('button', { name: 'Standaard toevoegen' }).click()
		]);
		const anchor = new URL(page.url()).searchParams.get('opgeslagen')!;
		const saved = page.locator(`section#${anchor}`);
		expect(await saved.locator('[role="status"]').textContent()).toContain('Opgeslagen.');
		expect(await saved.locator('input[name="title"]').inputValue()).toBe(STANDARD_TITLE);
		expect(await saved.locator('textarea[name="indicators"]').inputValue()).toBe(INDICATORS.join('\n'));
		await expectNoAxeViolations(page);

		// The read-only view of the draft shows both changes.
		await page.goto(`/model/${draftId}`);
		expect(await page.locator('section[aria-labelledby="kader"]').textContent()).toContain(NEW_GOAL);
		const standard = page.locator('article.ks-model-standard', { hasText: STANDARD_TITLE });
		expect(await standard.locator('li').allTextContents()).toEqual(
			INDICATORS.map((i) => expect.stringContaining(i))
		);
		await expectNoAxeViolations(page);
	});

	it('publishing needs the tick box; then the version is published and no longer editable', async () => {
		const { page } = admin;
		await page.goto(`/model/${draftId}`);
		await waitForHydration(page);
		const publish = page.locator('form[action="?/publish"]');
		// Without the tick the server refuses too (not only the browser's `required`).
		const refused = await page.request.post(`/model/${draftId}?/publish`, {
			headers: { origin: baseURL() },
			form: { lock: (await publish.locator('input[name="lock"]').inputValue()) ?? '' }
		});
		expect(refused.status()).toBe(422);
		expect(await refused.text()).toContain('Vink het vakje aan om te bevestigen.');

		await publish
			.getByLabel('Ik begrijp dat een gepubliceerde versie niet meer kan worden gewijzigd.')
			.check();
		await Promise.all([
			page.waitForURL(new RegExp(`/model/${draftId}$`)),
			publish.getByRole('button', { name: 'Publiceren' }).click()
		]);
		await page.waitForFunction(() => !document.querySelector('form[action="?/publish"]'));
		expect(await page.locator('main .utrecht-status-badge').first().textContent()).toContain('Gepubliceerd');
		expect(await page.getByRole('link', { name: 'Conceptversie bewerken' }).count()).toBe(0);
		await expectNoAxeViolations(page);

		// The editor sends a published version back to its page…
		await page.goto(`/model/${draftId}/bewerken`);
		expect(new URL(page.url()).pathname).toBe(`/model/${draftId}`);
		// …and a POST to an edit action (with the version's current lock) is refused and changes nothing.
		const { lock } = await (await page.request.get(`/api/v1/model-versions/${draftId}`)).json();
		const post = await page.request.post(`/model/${draftId}/bewerken?/general`, {
			headers: { origin: baseURL() },
			form: {
				formId: 'algemeen',
				lock: String(lock),
				name: 'Gewijzigd na publicatie',
				goal: 'Gewijzigd na publicatie',
				condition: 'x',
				means: 'x'
			}
		});
		expect(post.status()).toBe(409);
		expect(await post.text()).toMatch(/gepubliceerd/i);
		await page.goto(`/model/${draftId}`);
		expect(await page.locator('main').textContent()).not.toContain('Gewijzigd na publicatie');
		expect(await page.locator('section[aria-labelledby="kader"]').textContent()).toContain(NEW_GOAL);
	});

	it('the team member now reads the new version, and version 1 is still readable', async () => {
		const { page } = member;
		const response = await page.goto(`/model/${draftId}`);
		expect(response?.status()).toBe(200);
		expect(await page.locator('section[aria-labelledby="kader"]').textContent()).toContain(NEW_GOAL);
		expect(await page.locator('main').textContent()).toContain(STANDARD_TITLE);
		// Readers get no commands.
		expect(await page.locator('main form[method="POST"]').count()).toBe(0);
		await expectNoAxeViolations(page);

		const old = await page.goto(`/model/${versionOneId}`);
		expect(old?.status()).toBe(200);
		expect(await page.locator('section[aria-labelledby="kader"]').textContent()).toContain(oldGoal);
		expect(await page.locator('main').textContent()).not.toContain(STANDARD_TITLE);
		await expectNoAxeViolations(page);
	});

	it('comparing with version 1 labels the added standard and the changed goal in words', async () => {
		const { page } = admin;
		await page.goto('/model');
		await waitForHydration(page);
		await page.locator('#compare-a').selectOption(versionOneId);
		await page.locator('#compare-b').selectOption(draftId);
		await Promise.all([
			page.waitForURL(/\/model\/vergelijk\?/),
			page.getByRole('button', { name: 'Vergelijken' }).click()
		]);
		const url = new URL(page.url());
		expect([url.searchParams.get('a'), url.searchParams.get('b')]).toEqual([versionOneId, draftId]);
		expect(await page.locator('h1').textContent()).toContain(`Versie 1 vergeleken met versie ${draftNumber}`);
		await expectNoAxeViolations(page);

		// The standard: under "Standaarden", in a list item that starts with the word "Toegevoegd".
		const standards = page.locator('section[aria-labelledby="standaarden"]');
		const added = standards.locator('li', { hasText: STANDARD_TITLE });
		expect((await added.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Toegevoegd: ${STANDARD_TITLE}`);
		expect(await standards.locator('h3').allTextContents()).toContain('Toegevoegd (1)');

		// The goal: a row "Doel" under "Algemeen", with before and after in columns that say so.
		const general = page.locator('section[aria-labelledby="algemeen"]');
		const headers = (await general.locator('thead th').allTextContents()).map((t) => t.trim());
		expect(headers).toEqual(['Veld', 'Voor (versie 1)', `Na (versie ${draftNumber})`]);
		const row = general.locator('tbody tr', { has: page.locator('th', { hasText: /^\s*Doel\s*$/ }) });
		const cells = await row.locator('td').allTextContents();
		expect(cells.map((c) => c.trim())).toEqual([oldGoal.trim(), NEW_GOAL]);
		// And the summary counts it as "Gewijzigd".
		const summary = page.locator('section[aria-labelledby="samenvatting"] table');
		const summaryHeaders = (await summary.locator('thead th').allTextContents()).map((t) => t.trim());
		const changedColumn = summaryHeaders.indexOf('Gewijzigd');
		const generalRow = summary.locator('tbody tr').first();
		expect((await generalRow.locator('th').textContent())?.trim()).toBe('Algemeen');
		expect(
			Number(await generalRow.locator('th, td').nth(changedColumn).textContent())
		).toBeGreaterThanOrEqual(1);
	});

	it('export downloads the version as a JSON attachment', async () => {
		const { page } = admin;
		await page.goto(`/model/${draftId}`);
		const link = page.getByRole('link', { name: 'Exporteren als JSON-bestand' });
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe(`referentiewaardenmodel-versie-${draftNumber}.json`);
		const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
		expect(exported.framing.goal).toBe(NEW_GOAL);
		expect(exported.standards.find((s: { title: string }) => s.title === STANDARD_TITLE)?.indicators).toEqual(
			INDICATORS
		);

		const response = await page.request.get(`/model/${draftId}/export`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/json');
		expect(response.headers()['content-disposition']).toBe(
			`attachment; filename="referentiewaardenmodel-versie-${draftNumber}.json"`
		);
	});

	it('importing an invalid JSON file lists in Dutch what is wrong and creates no version', async () => {
		const { page } = admin;
		const before = await countVersions(page);
		const exported = await (await page.request.get(`/model/${draftId}/export`)).json();
		// Three mistakes in the shape of the file…
		const misshapen = structuredClone(exported);
		delete misshapen.framing.goal;
		misshapen.standards[0].title = '';
		misshapen.standards[1].indicators = 'geen lijst';
		// …and two references to things the model does not have.
		const unknownKeys = structuredClone(exported);
		unknownKeys.standards[0].levelKey = 'bestaat-niet';
		unknownKeys.standards[1].valueKeys = ['onbekend'];

		const cases = [
			{
				name: 'kapot.json',
				text: '{ "format": "kwaliteitsspiegel.model/v1", ',
				expected: [/geen geldige JSON/]
			},
			{
				name: 'vorm.json',
				text: JSON.stringify(misshapen),
				expected: [
					/^framing\.goal: ontbreekt; dit veld is verplicht\.$/,
					/^standards\[0\]\.title: mag niet leeg zijn\.$/,
					/^standards\[1\]\.indicators: moet een lijst zijn/
				]
			},
			{
				name: 'sleutels.json',
				text: JSON.stringify(unknownKeys),
				expected: [
					/^standards\[0\]\.levelKey: onbekend niveau 'bestaat-niet'/,
					/onbekende referentiewaarde 'onbekend'/
				]
			}
		];
		for (const file of cases) {
			await page.goto('/model');
			await waitForHydration(page);
			await page.locator('#import-file').setInputFiles({
				name: file.name,
				mimeType: 'application/json',
				buffer: Buffer.from(file.text)
			});
			await Promise.all([
				page.waitForLoadState('load'),
				page.getByRole('button', { name: 'Importeren' }).click()
			]);
			await page.locator('#import-file-error').waitFor();
			expect(new URL(page.url()).pathname).toBe('/model');
			const alert = await page.locator('main [role="alert"]').textContent();
			expect(alert, file.name).toContain('er is niets geïmporteerd');
			const errors = page.locator('#import-file-error');
			expect(await errors.textContent()).toContain(
				'Er is niets geïmporteerd. Dit moet in het bestand worden verbeterd:'
			);
			const items = (await errors.locator('li').allTextContents()).map((t) => t.trim());
			expect(items, file.name).toHaveLength(file.expected.length);
			file.expected.forEach((pattern, i) => expect(items[i], file.name).toMatch(pattern));
			expect(await page.locator('#import-file').getAttribute('aria-invalid')).toBe('true');
			await expectNoAxeViolations(page);
		}
		expect(await countVersions(page)).toBe(before);
	});
});
