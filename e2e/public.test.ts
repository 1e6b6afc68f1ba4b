// Journeys of a visitor who is not signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumExecutable, expectNoAxeViolations, launchBrowser, newPage } from './helpers.ts';

describe.skipIf(!chromiumExecutable)('visitor (browser)', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('the home page is Dutch and passes axe', async () => {
		const { context, page } = await newPage(browser);
		await page.goto('/');
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');
		await expect.poll(() => page.locator('h1').first().textContent()).toContain('Kwaliteitsspiegel');
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('the accessibility statement is linked from every page and passes axe', async () => {
		const { context, page } = await newPage(browser);
		await page.goto('/');
		await page.getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
		await page.waitForURL('**/toegankelijkheid');
		expect(await page.locator('h1').textContent()).toContain('Toegankelijkheidsverklaring');
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('the language button switches the interface to English and back', async () => {
		const { context, page } = await newPage(browser);
		await page.goto('/toegankelijkheid');
		await page.getByRole('button', { name: 'English' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		// Back on the same page, now in English.
		expect(new URL(page.url()).pathname).toBe('/toegankelijkheid');
		await expect.poll(() => page.locator('header').textContent()).toContain('Sign in');
		expect(await page.locator('footer').textContent()).toContain('Accessibility statement');
		await page.goto('/');
		expect(await page.locator('h1').first().textContent()).toContain('Welcome');
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Nederlands' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'nl');
		expect(await page.locator('header').textContent()).toContain('Inloggen');
		await context.close();
	});

	it('an English browser still gets Dutch until the person chooses English', async () => {
		// Dutch is the product's language; many Dutch staff run an English browser.
		const { context, page } = await newPage(browser, { locale: 'en-GB' });
		await page.goto('/');
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');
		await context.close();
	});

	it('a page that does not exist says so, in a page that passes axe', async () => {
		const { context, page } = await newPage(browser);
		const response = await page.goto('/bestaat-niet');
		expect(response?.status()).toBe(404);
		await expectNoAxeViolations(page);
		await context.close();
	});
});
