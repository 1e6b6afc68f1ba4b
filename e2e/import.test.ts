// A quality officer of institution A imports teams from a CSV file, on a phone: first a
// file with mistakes (nothing happens, every bad row is named), then the fixed file
// (checked, confirmed, the teams are there), a comma-separated file, and a file without
// the required column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
	chromiumExecutable,
	expectNoAxeViolations,
	launchBrowser,
	signedInPage,
	waitForHydration
} from './helpers.ts';

const INSTITUTION_A = 'ROC Voorbeeld Midden';
const PHONE = { width: 390, height: 844 };
// In every team name, so this run's teams are found (and told apart from the demo's) by search.
const tag = `e2e${Date.now().toString(36)}`;
const header = 'team;locatie;opleiding;opleidingscode;niveau;leerweg;sector';
const teams = [`Bouw en infra ${tag}`, `Zorg ${tag}`, `Media ${tag}`];

/** Three good rows (lines 2, 4, 6) and two bad ones (line 3: code of 4 digits, line 5: niveau 7). */
const withMistakes = [
	header,
	`${teams[0]};Utrecht-Oost;Medewerker bouw;25180;2;BBL;Bouw en infra`,
	`${teams[0]};Utrecht-Oost;Timmerman;2518;3;BOL;Bouw en infra`,
	`${teams[1]};Amersfoort;Verzorgende IG;25491;3;BBL;Zorg en welzijn`,
	`${teams[2]};Utrecht-Oost;Mediavormgever;25194;7;BOL;Creatieve industrie`,
	`${teams[2]};Utrecht-Oost;Mediamaker;25195;2;BOL;Creatieve industrie`
];
const fixed = withMistakes.map((line) => line.replace(';2518;', ';25185;').replace(';25194;7;', ';25194;4;'));

/** A CSV file as the browser uploads it: UTF-8, with the byte order mark Excel writes. */
const csv = (name: string, lines: string[]) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
});

describe.skipIf(!chromiumExecutable)('CSV import of teams by a quality officer (phone)', () => {
	let browser: Browser;
	let officer: { context: BrowserContext; page: Page };
	let institutionPath: string;

	beforeAll(async () => {
		browser = await launchBrowser();
		officer = await signedInPage(browser, 'quality_officer', 'A', { viewport: PHONE });
		await officer.page.goto('/instellingen');
		institutionPath = (await officer.page
			.getByRole('link', { name: INSTITUTION_A })
			.first()
			.getAttribute('href'))!;
		expect(institutionPath).toMatch(/^\/instellingen\/[0-9a-f-]{36}$/);
	});
	afterAll(async () => {
		await browser?.close();
	});

	/** Nothing on the page is wider than the phone (WCAG 1.4.10: tables scroll in their own box). */
	async function expectNoSideways(page: Page) {
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, `page ${page.url()} is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
	}

	/** Chooses the file on the import page and asks for the check (step 1). */
	async function preview(page: Page, file: ReturnType<typeof csv>) {
		await page.goto(`${institutionPath}/importeren`);
		await waitForHydration(page);
		await page.getByLabel('Teams met locaties en opleidingen').check();
		await page.locator('#import-bestand').setInputFiles(file);
		await Promise.all([
			page.waitForLoadState('load'),
			page.getByRole('button', { name: 'Bestand controleren' }).click()
		]);
		await page.locator('#stap-2, #import-bestand-error').first().waitFor();
	}

	/** The names of this run's teams the institution page lists. */
	async function importedTeams(page: Page): Promise<string[]> {
		await page.goto(`${institutionPath}?q=${tag}#teams`);
		const links = page.locator('section[aria-labelledby="teams"] table th a');
		return (await links.allTextContents()).map((t) => t.trim()).sort();
	}

	it('the import page is reachable from the institution page and passes axe on a phone', async () => {
		const { page } = officer;
		await page.goto(institutionPath);
		await expectNoAxeViolations(page);
		await expectNoSideways(page);
		await Promise.all([
			page.waitForURL(`**${institutionPath}/importeren`),
			page.locator('nav').getByRole('link', { name: 'Importeren' }).click()
		]);
		expect(await page.locator('h1').textContent()).toContain('Teams en personen importeren');
		await expectNoAxeViolations(page);
		await expectNoSideways(page);
		// The example file is offered for download, `;`-separated UTF-8.
		const example = await page.request.get(`${institutionPath}/importeren/voorbeeld-teams.csv`);
		expect(example.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect((await example.text()).split('\r\n')[0]).toBe(`\uFEFF${header}`);
	});

	it('a file with two bad rows: the check names both with their line and reason, and nothing is created', async () => {
		const { page } = officer;
		await preview(page, csv('teams-met-fouten.csv', withMistakes));
		const step2 = page.locator('section[aria-labelledby="stap-2"]');
		expect(await step2.locator('h2').textContent()).toContain('teams-met-fouten.csv');
		expect(await step2.textContent()).toContain('regels met fouten: 2');

		const errors = step2.locator('table', { has: page.locator('caption', { hasText: 'Regels met fouten' }) });
		const rows = await errors.locator('tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({
				line: tr.querySelector('th')?.textContent?.trim(),
				problems: [...tr.querySelectorAll('li')].map((li) => li.textContent?.trim())
			}))
		);
		expect(rows).toEqual([
			{
				line: '3',
				problems: ["regel 3: opleidingscode '2518' moet uit 5 cijfers bestaan (bijvoorbeeld 25180)"]
			},
			{ line: '5', problems: ["regel 5: niveau '7' moet 1, 2, 3 of 4 zijn"] }
		]);
		// No way to go on: the confirm button is absent and the page says what to do.
		expect(await page.getByRole('button', { name: 'Import bevestigen' }).count()).toBe(0);
		expect(await step2.locator('[role="alert"]').textContent()).toContain(
			'Dit bestand kan zo niet worden geïmporteerd.'
		);
		await expectNoAxeViolations(page);
		await expectNoSideways(page);

		expect(await importedTeams(page)).toEqual([]);
		expect(await page.locator('section[aria-labelledby="teams"]').textContent()).toContain(
			'Geen teams gevonden met deze zoektekst.'
		);
	});

	it('the fixed file: the check shows 3 teams to create, confirming creates them', async () => {
		const { page } = officer;
		await preview(page, csv('teams.csv', fixed));
		const step2 = page.locator('section[aria-labelledby="stap-2"]');
		const summary = (await step2.locator('ul').first().locator('li').allTextContents()).map((t) => t.trim());
		expect(summary).toContain('nieuw: 3');
		expect(summary).toContain('nieuwe opleidingen: 5');
		expect(summary.some((line) => line.startsWith('regels met fouten'))).toBe(false);
		const planned = step2.locator('table', {
			has: page.locator('caption', { hasText: 'Teams in het bestand' })
		});
		const plannedRows = await planned
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [
					tr.querySelector('th')?.textContent?.trim(),
					tr.querySelector('td')?.textContent?.trim()
				])
			);
		expect(plannedRows.sort()).toEqual([...teams].sort().map((name) => [name, 'Nieuw']));
		expect(await step2.textContent()).toContain('Er is nog niets opgeslagen.');
		await expectNoAxeViolations(page);
		await expectNoSideways(page);
		// Checking is not importing.
		expect(await importedTeams(page)).toEqual([]);

		await preview(page, csv('teams.csv', fixed));
		await Promise.all([
			page.waitForLoadState('load'),
			page.getByRole('button', { name: 'Import bevestigen' }).click()
		]);
		const result = page.locator('section[aria-labelledby="resultaat"]');
		await result.waitFor();
		expect(await result.locator('[role="status"]').textContent()).toContain('De import is gelukt.');
		await expectNoAxeViolations(page);
		await expectNoSideways(page);

		await Promise.all([
			page.waitForURL(`**${institutionPath}`),
			result.getByRole('link', { name: `Terug naar ${INSTITUTION_A}` }).click()
		]);
		expect(await importedTeams(page)).toEqual([...teams].sort());
		// With their learning routes, on the institution page itself.
		const media = page.locator('section[aria-labelledby="teams"] tbody tr', { hasText: teams[2] });
		expect(await media.textContent()).toContain('Mediavormgever');
		expect(await media.textContent()).toContain('Mediamaker');
		await expectNoAxeViolations(page);
	});

	it('a comma-separated file with quotes and accents works too', async () => {
		const { page } = officer;
		const name = `Financiële administratie ${tag}`;
		await preview(page, {
			name: 'teams-komma.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				[
					'team,locatie,opleiding,opleidingscode,niveau,leerweg,sector',
					`"${name}",Amersfoort,"Financieel administratief medewerker, BBL",25139,3,BBL,Economie en administratie`,
					''
				].join('\n'),
				'utf8'
			)
		});
		const step2 = page.locator('section[aria-labelledby="stap-2"]');
		expect(await step2.textContent()).toContain('nieuw: 1');
		await expectNoAxeViolations(page);
		await Promise.all([
			page.waitForLoadState('load'),
			page.getByRole('button', { name: 'Import bevestigen' }).click()
		]);
		await page.locator('section[aria-labelledby="resultaat"]').waitFor();
		expect(await importedTeams(page)).toEqual([...teams, name].sort());
		const row = page.locator('section[aria-labelledby="teams"] tbody tr', { hasText: name });
		expect(await row.textContent()).toContain('Financieel administratief medewerker, BBL (25139');
	});

	it('a file without the required column "team" gets a clear Dutch message', async () => {
		const { page } = officer;
		await preview(page, csv('verkeerde-kolommen.csv', ['naam;locatie', `Geen team ${tag};Utrecht`]));
		const alert = page.locator('section[aria-labelledby="stap-2"] [role="alert"]');
		const text = (await alert.textContent())?.replace(/\s+/g, ' ') ?? '';
		expect(text).toContain('Het bestand kon niet worden gelezen:');
		expect(text).toContain(
			"Verplichte kolom ontbreekt: 'team'. Gevonden kolommen: 'naam', 'locatie'. De eerste regel van het bestand moet de kolomnamen bevatten."
		);
		expect(await page.getByRole('button', { name: 'Import bevestigen' }).count()).toBe(0);
		await expectNoAxeViolations(page);
		await expectNoSideways(page);
		expect(await importedTeams(page)).toHaveLength(4);
	});
});
