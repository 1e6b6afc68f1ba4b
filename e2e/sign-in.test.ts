// Journeys through the sign-in page and what each demo role sees afterwards.
// These depend on the pages /inloggen, /model and /instellingen (auth, model and
// organisation work): they fail until those pages are in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	chromiumExecutable,
	demoAccount,
	demoAccounts,
	expectNoAxeViolations,
	launchBrowser,
	navLabels,
	newPage,
	signIn,
	submitSignIn,
	waitForHydration
} from './helpers.ts';

const adminOnly = ['Auditlog', 'Uitgaande e-mail'];
const INSTITUTION_A = 'ROC Voorbeeld Midden';
const INSTITUTION_B = 'Techniek College Rivierenland';

describe.skipIf(!chromiumExecutable)('sign-in journeys (need /inloggen, /model, /instellingen)', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it.each(['/model', '/instellingen'])(
		'a visitor who opens %s ends at /inloggen and comes back after signing in',
		async (path) => {
			const { context, page } = await newPage(browser);
			await page.goto(path);
			const url = new URL(page.url());
			expect(url.pathname).toBe('/inloggen');
			expect(url.searchParams.get('redirectTo')).toBe(path);
			await submitSignIn(page, demoAccount('network_admin').email, DEMO_PASSWORD);
			expect(new URL(page.url()).pathname).toBe(path);
			await context.close();
		}
	);

	it('the sign-in page passes axe, also after a wrong password', async () => {
		const { context, page } = await newPage(browser);
		await page.goto('/inloggen');
		await waitForHydration(page);
		await expectNoAxeViolations(page);
		const form = page.locator('form:has(input[name="password"])');
		await form.locator('input[name="email"]').fill(demoAccount('team_member', 'A').email);
		await form.locator('input[name="password"]').fill('niet-het-wachtwoord');
		await form.locator('button[type="submit"]').click();
		await page.waitForLoadState('networkidle');
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		await expectNoAxeViolations(page);
		await context.close();
	});

	// On a slow phone people type before the scripts load; hydration must not wipe it
	// (TextField gives its value as defaultValue, not as a controlled value).
	it('an e-mail address typed before the scripts loaded is kept', async () => {
		const { context, page } = await newPage(browser);
		// Hold the page's scripts back until the person has typed.
		let release: () => void = () => {};
		const typed = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await typed;
			await route.continue();
		});
		await page.goto('/inloggen', { waitUntil: 'domcontentloaded' });
		const email = page.locator('form:has(input[name="password"]) input[name="email"]');
		await email.fill('iemand@example.nl');
		release();
		await waitForHydration(page);
		expect(await email.inputValue()).toBe('iemand@example.nl');
		await context.close();
	});

	it.each(demoAccounts.map((a) => [a.role, a.email] as const))(
		'%s (%s) signs in and sees the navigation of that role',
		async (role, email) => {
			const { context, page } = await newPage(browser);
			await signIn(page, email, DEMO_PASSWORD);
			const nav = await navLabels(page);
			expect(nav).toContain('Start');
			expect(nav).toContain('Mijn account');
			for (const label of adminOnly) {
				if (role === 'network_admin') expect(nav, `${email} sees ${label}`).toContain(label);
				else expect(nav, `${email} does not see ${label}`).not.toContain(label);
			}
			if (role === 'reviewer') expect(nav).not.toContain('Instellingen');
			else expect(nav).toContain('Instellingen');
			await page.getByRole('button', { name: 'Uitloggen' }).click();
			await expect.poll(() => page.locator('header').textContent()).toContain('Inloggen');
			await context.close();
		}
	);

	it('the network admin sees every demo institution, and its pages pass axe', async () => {
		const { context, page } = await newPage(browser);
		await signIn(page, demoAccount('network_admin').email, DEMO_PASSWORD);
		await page.goto('/instellingen');
		for (const name of [
			INSTITUTION_A,
			INSTITUTION_B,
			'ROC Kust en Polder',
			'Groene Vakschool Veldzicht',
			'Vakcollege Noorderlicht'
		]) {
			await page.getByRole('link', { name }).first().waitFor();
		}
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: INSTITUTION_A }).first().click();
		await page.waitForURL(/\/instellingen\/[0-9a-f-]{36}$/);
		expect(await page.locator('h1').textContent()).toContain(INSTITUTION_A);
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('a quality officer of A sees institution A, and gets 404 on the page of institution B', async () => {
		// The admin looks up where B's page is; the quality officer of A must not reach it.
		const admin = await newPage(browser);
		await signIn(admin.page, demoAccount('network_admin').email, DEMO_PASSWORD);
		await admin.page.goto('/instellingen');
		const pageOfB = await admin.page.getByRole('link', { name: INSTITUTION_B }).first().getAttribute('href');
		expect(pageOfB).toMatch(/^\/instellingen\/[0-9a-f-]{36}$/);
		await admin.context.close();

		const { context, page } = await newPage(browser);
		await signIn(page, demoAccount('quality_officer', 'A').email, DEMO_PASSWORD);
		await page.goto('/instellingen');
		await expect.poll(() => page.getByRole('link', { name: INSTITUTION_A }).count()).toBeGreaterThan(0);
		expect(await page.getByRole('link', { name: INSTITUTION_B }).count()).toBe(0);
		await page.getByRole('link', { name: INSTITUTION_A }).first().click();
		await page.waitForURL(/\/instellingen\/[0-9a-f-]{36}$/);
		expect(await page.locator('h1').textContent()).toContain(INSTITUTION_A);
		const response = await page.goto(pageOfB!);
		expect(response?.status()).toBe(404);
		await context.close();
	});

	it('the published default model is readable by a team member', async () => {
		const { context, page } = await newPage(browser);
		await signIn(page, demoAccount('team_member', 'B').email, DEMO_PASSWORD);
		const response = await page.goto('/model');
		expect(response?.status()).toBe(200);
		await expectNoAxeViolations(page);
		await context.close();
	});
});
