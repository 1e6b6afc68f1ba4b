// A team self-evaluation from plan to report, as the people of "ROC Voorbeeld Midden" do it
// in the browser: the team lead plans it for team Verpleegkunde and steers it through its
// phases; three people rate (the team lead, the docent on a phone, an anonymous student
// through a questionnaire link); the team lead writes findings and a capacity assessment,
// attaches evidence, finalises, reads the team dashboard, turns a finding into an
// improvement action, and downloads the PDF report and the XLSX export.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
	baseURL,
	chromiumExecutable,
	demoAccount,
	expectNoAxeViolations,
	launchBrowser,
	signedInPage,
	waitForHydration
} from './helpers.ts';
import {
	errorsOn,
	followLink,
	isoDate,
	pdfText,
	stopAtFirstFailure,
	submitAndWait,
	tinyPdf
} from './evaluation-helpers.ts';

const run = Date.now().toString(36);
const TITLE = `Zelfevaluatie Verpleegkunde ${run}`;
const STRENGTH = `Docenten bespreken wekelijks samen hun lessen (e2e ${run}).`;
const CONCERN = `Studenten weten niet wat er met hun feedback gebeurt (e2e ${run}).`;
const CAPACITY_NOTE = `Het team leert van elkaars lessen (e2e ${run}).`;
const ACTION_TITLE = `Terugkoppeling aan studenten na elke evaluatie (e2e ${run})`;
const STUDENT_REMARK = `Meer stage-uren graag (e2e ${run}).`;
const LEVELS = ['onder de standaard', 'op de standaard', 'boven de standaard', 'op ambitieniveau'];
const PHONE = { width: 375, height: 812 };

describe.skipIf(!chromiumExecutable)('a team self-evaluation, from plan to report', () => {
	let browser: Browser;
	let lead: { context: BrowserContext; page: Page };
	let docent: { context: BrowserContext; page: Page };
	let evaluationId: string;
	let teamId: string;
	let questionnaireUrl: string;
	/** The standards in scope (the fieldset legends of the rating form) and the values (its headings). */
	let standardTitles: string[] = [];
	let valueNames: string[] = [];
	const tmp = mkdtempSync(join(tmpdir(), 'ks-e2e-eval-'));

	beforeAll(async () => {
		browser = await launchBrowser();
		[lead, docent] = await Promise.all([
			signedInPage(browser, 'team_lead', 'A'),
			signedInPage(browser, 'team_member', 'A', { viewport: PHONE })
		]);
		for (const { context } of [lead, docent]) context.setDefaultTimeout(10_000);
	});
	stopAtFirstFailure();
	afterAll(async () => {
		await browser?.close();
		rmSync(tmp, { recursive: true, force: true });
	});

	/** Rates each standard (a fieldset named by its title): level i+offset (mod 4), and a motivation for the first. */
	async function rateAll(page: Page, titles: string[], offset: number, motivation: string): Promise<void> {
		for (const [i, title] of titles.entries()) {
			const standard = page.getByRole('group', { name: title, exact: true });
			await standard.getByRole('radio', { name: LEVELS[(i + offset) % LEVELS.length]!, exact: true }).check();
			if (i === 0) await standard.getByRole('textbox', { name: 'Toelichting' }).fill(motivation);
		}
	}

	/** The trimmed texts of a table row's cells (header and data). */
	async function cellsOf(row: Locator): Promise<string[]> {
		return (await row.locator('th, td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
	}

	it('the team lead plans a self-evaluation for team Verpleegkunde', async () => {
		const { page } = lead;
		await page.goto('/evaluaties');
		await waitForHydration(page);
		await followLink(page, page.getByRole('link', { name: 'Nieuwe evaluatie plannen' }));
		expect(new URL(page.url()).pathname).toBe('/evaluaties/nieuw');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Evaluatie plannen');
		await expectNoAxeViolations(page);

		await page.getByLabel('Onderwerp').selectOption({ label: 'Verpleegkunde (ROC Voorbeeld Midden)' });
		await page.getByLabel('Instrument').selectOption({ label: 'Zelfevaluatie (team) — team (leerroute)' });
		await page.getByLabel('Titel', { exact: true }).fill(TITLE);
		await page.getByRole('radio', { name: /^Alle referentiewaarden/ }).check();
		await page.getByLabel('Begindatum').fill(isoDate(-14));
		await page.getByLabel('Einddatum').fill(isoDate(0));
		for (const perspective of ['docent', 'student', 'management'])
			await page.getByRole('checkbox', { name: perspective, exact: true }).check();
		await page.getByRole('checkbox', { name: 'werkveld', exact: true }).uncheck();
		await page
			.getByLabel('Plan', { exact: true })
			.fill('Een teambijeenkomst en een vragenlijst voor studenten.');
		await submitAndWait(page, page.getByRole('button', { name: 'Evaluatie plannen' }));

		const path = new URL(page.url()).pathname;
		expect(path).toMatch(/^\/evaluaties\/[0-9a-f-]{36}$/);
		evaluationId = path.split('/')[2]!;
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);
		expect(await page.locator('[aria-current="step"]').textContent()).toContain('gepland');
		const details = await page.getByRole('main').textContent();
		expect(details).toContain('Verpleegkunde (ROC Voorbeeld Midden)');
		expect(details).toContain('Zelfevaluatie (team)');

		const api = await page.request.get(`/api/v1/evaluations/${evaluationId}`);
		expect(api.status()).toBe(200);
		const evaluation = await api.json();
		expect(evaluation).toMatchObject({
			title: TITLE,
			status: 'planned',
			scopeAll: true,
			subjectLevel: 'team'
		});
		expect([...evaluation.perspectives].sort()).toEqual(['management', 'student', 'teacher']);
		teamId = evaluation.teamId;
	});

	it('moves it to voorbereiding and uitvoering, and adds the docent as a participant', async () => {
		const { page } = lead;
		await submitAndWait(page, page.getByRole('button', { name: 'Naar voorbereiding' }));
		expect(await page.locator('[aria-current="step"]').textContent()).toContain('voorbereiding');

		await page
			.getByLabel('Persoon')
			.selectOption({ label: `Aylin Docent (${demoAccount('team_member', 'A').email})` });
		await page.getByLabel('Perspectief', { exact: true }).selectOption({ label: 'docent' });
		await submitAndWait(page, page.getByRole('button', { name: 'Toevoegen', exact: true }));
		expect(await page.getByRole('status').allTextContents()).toContainEqual(
			expect.stringContaining('Deelnemer toegevoegd.')
		);
		const participants = page.getByRole('table', { name: /Deelnemers met een account/ });
		expect(await participants.getByRole('row', { name: /Aylin Docent/ }).textContent()).toContain('docent');

		await submitAndWait(page, page.getByRole('button', { name: 'Naar uitvoering' }));
		expect(await page.locator('[aria-current="step"]').textContent()).toContain('uitvoering');
	});

	it('creates a questionnaire link for a student', async () => {
		const { page } = lead;
		await followLink(page, page.getByRole('link', { name: 'Vragenlijsten' }));
		expect(new URL(page.url()).pathname).toBe(`/evaluaties/${evaluationId}/vragenlijsten`);
		await page.getByLabel('Perspectief', { exact: true }).selectOption({ label: 'student' });
		await page.getByLabel('Aantal links').fill('1');
		await submitAndWait(page, page.getByRole('button', { name: 'Links maken' }));
		const created = page.getByRole('table', { name: 'Nieuwe links (alleen nu zichtbaar)' });
		const urls = (await created.locator('code').allTextContents()).map((t) => t.trim());
		expect(urls).toHaveLength(1);
		questionnaireUrl = urls[0]!;
		expect(questionnaireUrl).toMatch(new RegExp(`^${baseURL()}/vragenlijst/[^/]+$`));
		expect(await page.getByRole('main').textContent()).toContain('Bewaar ze nu');
	});

	it('the team lead rates every standard', async () => {
		const { page } = lead;
		await page.goto(`/evaluaties/${evaluationId}/beoordelen`);
		await waitForHydration(page);
		// The team lead speaks as management (the role's perspective in the plan).
		expect(await page.getByRole('main').textContent()).toContain('vanuit het perspectief management');
		const form = page.locator('form', { has: page.getByRole('button', { name: 'Beoordelingen opslaan' }) });
		standardTitles = (await form.locator('fieldset > legend').allTextContents()).map((t) => t.trim());
		valueNames = (await form.getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim());
		expect(standardTitles.length).toBeGreaterThanOrEqual(6);
		expect(valueNames).toContain('Eigenaarschap');

		await rateAll(page, standardTitles, 1, 'Gezien vanuit de teamleiding.');
		const rated = standardTitles.length;
		await submitAndWait(page, page.getByRole('button', { name: 'Beoordelingen opslaan' }));
		expect(await page.getByRole('status').allTextContents()).toContainEqual(
			expect.stringContaining(`Opgeslagen: ${rated} beoordeling(en).`)
		);
		// Saved: the form comes back with the choices checked.
		await page.goto(`/evaluaties/${evaluationId}/beoordelen`);
		const first = page.getByRole('group', { name: standardTitles[0]!, exact: true });
		expect(await first.getByRole('radio', { name: LEVELS[1]!, exact: true }).isChecked()).toBe(true);
		expect(await first.getByRole('textbox', { name: 'Toelichting' }).inputValue()).toBe(
			'Gezien vanuit de teamleiding.'
		);
	});

	it('the docent rates on a phone', async () => {
		const { page } = docent;
		await page.goto(`/evaluaties/${evaluationId}/beoordelen`);
		await waitForHydration(page);
		expect(await page.getByRole('main').textContent()).toContain('vanuit het perspectief docent');
		// The page fits the phone's width: nothing to scroll sideways.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		await expectNoAxeViolations(page);

		// The same standards as the team lead's form.
		expect((await page.locator('form fieldset > legend').allTextContents()).map((t) => t.trim())).toEqual(
			standardTitles
		);
		await rateAll(page, standardTitles, 2, 'Vanuit de les bekeken.');
		const rated = standardTitles.length;
		await submitAndWait(page, page.getByRole('button', { name: 'Beoordelingen opslaan' }), { tap: true });
		expect(await page.getByRole('status').allTextContents()).toContainEqual(
			expect.stringContaining(`Opgeslagen: ${rated} beoordeling(en).`)
		);
	});

	it('an anonymous student answers through the questionnaire link, without signing in', async () => {
		const context = await browser.newContext({ locale: 'nl-NL' });
		context.setDefaultTimeout(10_000);
		try {
			const page = await context.newPage();
			const response = await page.goto(questionnaireUrl);
			expect(response?.status()).toBe(200);
			await waitForHydration(page);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);
			expect(await page.getByRole('main').textContent()).toContain('anoniem in, als student');
			// A public page: no navigation of the signed-in application.
			expect(await page.getByRole('link', { name: 'Evaluaties' }).count()).toBe(0);
			await expectNoAxeViolations(page);

			await rateAll(page, standardTitles, 0, 'Uit de stage.');
			await page
				.getByRole('group', { name: 'Lerend vermogen' })
				.getByRole('radio', { name: 'helpt' })
				.check();
			await page.getByRole('radio', { name: 'Aandachtspunt' }).check();
			await page.getByLabel('Uw opmerking').fill(STUDENT_REMARK);
			await submitAndWait(page, page.getByRole('button', { name: 'Versturen' }));
			expect(new URL(page.url()).pathname, await errorsOn(page)).toBe('/vragenlijst/bedankt');
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Bedankt!');
		} finally {
			await context.close();
		}

		// The team lead sees the link answered.
		const { page } = lead;
		await page.goto(`/evaluaties/${evaluationId}/vragenlijsten`);
		const counts = page.getByRole('table', { name: 'Aantal vragenlijstlinks per perspectief' });
		// Perspective, total, answered, open, revoked.
		expect((await cellsOf(counts.getByRole('row', { name: /student/ }))).slice(0, 5)).toEqual([
			'student',
			'1',
			'1',
			'0',
			'0'
		]);
	});

	it('the team lead writes a strength, a concern and a capacity assessment', async () => {
		const { page } = lead;
		await page.goto(`/evaluaties/${evaluationId}/bevindingen`);
		await waitForHydration(page);
		const add = page.locator('section', { has: page.getByRole('heading', { name: 'Bevinding toevoegen' }) });
		for (const [kind, value, text] of [
			['Sterk punt', 'Eigenaarschap', STRENGTH],
			['Aandachtspunt', 'Vertrouwen', CONCERN]
		] as const) {
			await add.getByLabel('Soort bevinding').selectOption({ label: kind });
			await add.getByLabel('Referentiewaarde').selectOption({ label: value });
			await add.getByLabel('Tekst').fill(text);
			await submitAndWait(page, add.getByRole('button', { name: 'Bevinding toevoegen' }));
			expect(await page.getByRole('status').allTextContents()).toContainEqual(
				expect.stringContaining('Bevinding toegevoegd.')
			);
		}
		// Each under its value.
		const ownership = page.locator('section', {
			has: page.getByRole('heading', { name: 'Eigenaarschap', level: 2 })
		});
		expect(await ownership.textContent()).toContain(STRENGTH);
		const trust = page.locator('section', {
			has: page.getByRole('heading', { name: 'Vertrouwen', level: 2 })
		});
		expect(await trust.textContent()).toContain(CONCERN);
		// The student's remark arrived too (without a name).
		expect(await page.getByRole('main').textContent()).toContain(STUDENT_REMARK);

		const capacity = page.locator('form', { has: page.getByRole('group', { name: 'Lerend vermogen' }) });
		await capacity.getByRole('radio', { name: 'Helpt' }).check();
		await capacity.getByLabel('Toelichting').fill(CAPACITY_NOTE);
		await submitAndWait(
			page,
			capacity.getByRole('button', { name: 'Antwoord over Lerend vermogen opslaan' })
		);
		const summary = page.getByRole('table', {
			name: 'Hoeveel mensen zeggen dat een vermogen helpt of belemmert'
		});
		// The team lead and the student both say it helps.
		expect(await cellsOf(summary.getByRole('row', { name: /Lerend vermogen/ }))).toEqual([
			'Lerend vermogen',
			'2',
			'0'
		]);
		expect(await page.getByRole('main').textContent()).toContain(CAPACITY_NOTE);
	});

	it('attaches a PDF file and a link as evidence', async () => {
		const { page } = lead;
		await page.goto(`/evaluaties/${evaluationId}/bewijs`);
		await waitForHydration(page);
		const add = page.locator('form', { has: page.getByRole('button', { name: 'Toevoegen', exact: true }) });

		await add.getByRole('radio', { name: 'Bestand' }).check();
		await add.getByRole('textbox', { name: 'Titel' }).fill('Verslag teambijeenkomst');
		await add.locator('input[type="file"]').setInputFiles({
			name: 'verslag-teambijeenkomst.pdf',
			mimeType: 'application/pdf',
			buffer: tinyPdf()
		});
		await add.getByLabel('Datum van het bewijs').fill(isoDate(-3));
		await submitAndWait(page, add.getByRole('button', { name: 'Toevoegen', exact: true }));
		expect(await page.getByRole('status').allTextContents()).toContainEqual(
			expect.stringContaining('Het bewijs is toegevoegd.')
		);

		const again = page.locator('form', { has: page.getByRole('button', { name: 'Toevoegen', exact: true }) });
		await again.getByRole('radio', { name: 'Link' }).check();
		await again.getByRole('textbox', { name: 'Titel' }).fill('Jaarplan van het team');
		await again.getByRole('textbox', { name: 'Link' }).fill('https://example.org/jaarplan-verpleegkunde');
		await again.getByLabel('Datum van het bewijs').fill(isoDate(-30));
		await submitAndWait(page, again.getByRole('button', { name: 'Toevoegen', exact: true }));

		const table = page.getByRole('table', { name: `Bewijs bij ${TITLE}` });
		expect(await table.getByRole('row').count()).toBe(3);
		const file = table.getByRole('link', { name: 'Verslag teambijeenkomst' });
		const download = await page.request.get((await file.getAttribute('href'))!);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-type']).toBe('application/pdf');
		expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
		expect(Buffer.from(await download.body()).equals(tinyPdf())).toBe(true);
		expect(await table.getByRole('link', { name: 'Jaarplan van het team' }).getAttribute('href')).toBe(
			'https://example.org/jaarplan-verpleegkunde'
		);
	});

	it('moves it to rapportage and finalises it (vaststellen)', async () => {
		const { page } = lead;
		await page.goto(`/evaluaties/${evaluationId}`);
		await waitForHydration(page);
		await submitAndWait(page, page.getByRole('button', { name: 'Naar rapportage' }));
		expect(await page.locator('[aria-current="step"]').textContent()).toContain('rapportage');
		await submitAndWait(page, page.getByRole('button', { name: 'Vaststellen' }));
		expect(await page.locator('[aria-current="step"]').textContent()).toContain('vastgesteld');
		expect(await page.getByRole('main').textContent()).toContain(
			'Deze evaluatie is vastgesteld en verandert niet meer.'
		);
		expect(await page.getByRole('button', { name: 'Vaststellen' }).count()).toBe(0);
		await expectNoAxeViolations(page);

		// The rating page no longer offers a form.
		await page.goto(`/evaluaties/${evaluationId}/beoordelen`);
		expect(await page.getByRole('button', { name: 'Beoordelingen opslaan' }).count()).toBe(0);
	});

	it('the team dashboard shows the new position, as a chart and as a table', async () => {
		const { page } = lead;
		const response = await page.goto(`/dashboard/team/${teamId}`);
		expect(response?.status()).toBe(200);
		await waitForHydration(page);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Dashboard Verpleegkunde');
		const position = page.locator('section', { has: page.getByRole('heading', { name: 'Waar staan we?' }) });
		expect(await position.locator('figure svg').count()).toBeGreaterThanOrEqual(1);
		const table = position.getByRole('table', { name: 'Positie per referentiewaarde' }).last();
		const text = (await table.textContent()) ?? '';
		for (const name of valueNames) expect(text).toContain(name);
		// The position comes from this evaluation (the latest one finalised).
		expect(await table.locator(`a[href="/evaluaties/${evaluationId}"]`).count()).toBe(valueNames.length);
		await expectNoAxeViolations(page);
	});

	it('turns the concern into an improvement action on the verbeteragenda', async () => {
		const { page } = lead;
		// From the finding itself: its link opens the agenda's form with the finding chosen.
		await page.goto(`/evaluaties/${evaluationId}/bevindingen`);
		const concernItem = page.getByRole('listitem').filter({ hasText: 'Studenten weten niet' });
		await concernItem.getByRole('link', { name: 'Maak hier een verbeteractie van' }).click();
		await page.waitForURL(/\/verbeteragenda\?evaluatie=.*&bevinding=/);
		await waitForHydration(page);
		const form = page.locator('form', { has: page.getByRole('button', { name: 'Actie toevoegen' }) });
		expect(await page.getByRole('main').textContent()).toContain(`Uit de evaluatie ${TITLE}`);
		const finding = form.getByLabel('Bevinding');
		const option = finding.locator('option', { hasText: 'Aandachtspunt: Studenten weten niet' });
		expect(await finding.inputValue()).toBe(await option.getAttribute('value'));
		await form.getByLabel('Titel').fill(ACTION_TITLE);
		await form.getByLabel('Aanleiding').fill(CONCERN);
		await form.getByLabel('Referentiewaarde').selectOption({ label: 'Vertrouwen' });
		await form.getByLabel('Einddatum').fill(isoDate(60));
		await submitAndWait(page, form.getByRole('button', { name: 'Actie toevoegen' }));
		expect(new URL(page.url()).pathname).toMatch(/^\/verbeteragenda\/[0-9a-f-]{36}$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(ACTION_TITLE);
		const main = (await page.getByRole('main').textContent()) ?? '';
		expect(main).toContain('Vertrouwen');
		expect(main).toContain(CONCERN);

		// It shows on the agenda and, as an open action of the team, on the evaluation page.
		await page.goto('/verbeteragenda');
		expect(await page.getByRole('link', { name: ACTION_TITLE }).count()).toBe(1);
		await page.goto(`/evaluaties/${evaluationId}`);
		expect(await page.getByRole('link', { name: ACTION_TITLE }).count()).toBe(1);
	});

	it('downloads the PDF report, whose text has the title, the values and the findings', async () => {
		const { page } = lead;
		await page.goto(`/evaluaties/${evaluationId}`);
		await waitForHydration(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Rapport (PDF)' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.pdf$/);
		const file = join(tmp, 'rapport.pdf');
		await download.saveAs(file);
		expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const text = pdfText(file);
		expect(text).toContain(TITLE);
		for (const name of valueNames) expect(text).toContain(name);
		expect(text).toContain(STRENGTH);
		expect(text).toContain(CONCERN);

		const response = await page.request.get(`/evaluaties/${evaluationId}/rapport.pdf`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
	});

	it('exports the ratings as XLSX: one row per rating, no perspective below the threshold named', async () => {
		const { page } = lead;
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Beoordelingen exporteren (XLSX)' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
		const file = join(tmp, 'beoordelingen.xlsx');
		await download.saveAs(file);
		const response = await page.request.get(
			`/evaluaties/${evaluationId}/export?wat=beoordelingen&formaat=xlsx`
		);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		writeFileSync(join(tmp, 'again.xlsx'), await response.body());

		const book = XLSX.read(readFileSync(file));
		expect(book.SheetNames).toEqual(['Beoordelingen']);
		const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['Beoordelingen']!, {
			header: 1,
			defval: null
		});
		const [header, ...data] = rows;
		expect(header).toEqual([
			'Standaard (sleutel)',
			'Standaard',
			'Referentiewaarden',
			'Perspectief',
			'Niveau',
			'Rang',
			'Motivering'
		]);
		// Three respondents rated every standard in scope.
		expect(data).toHaveLength(3 * standardTitles.length);
		expect(new Set(data.map((r) => r[1]))).toEqual(new Set(standardTitles));
		for (const title of standardTitles) expect(data.filter((r) => r[1] === title)).toHaveLength(3);
		// One respondent each for management, docent and student: fewer than the threshold (5),
		// so none of them is named; all read "overig".
		expect(new Set(data.map((r) => r[3]))).toEqual(new Set(['overig']));
		for (const row of data) expect(LEVELS).toContain(row[4]);
		expect(data.map((r) => r[6])).toContain('Uit de stage.');
	});
});
