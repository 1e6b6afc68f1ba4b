import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { chromiumPath } from './env.ts';

export { DEMO_PASSWORD, demoAccount, demoAccounts } from '../src/lib/server/demo/demo-accounts.ts';
import { DEMO_PASSWORD, demoAccount, type DemoInstitutionKey } from '../src/lib/server/demo/demo-accounts.ts';
import type { Role } from '../src/lib/domain/roles.ts';

/** The Chromium these tests drive, or null (then the browser tests are skipped). */
export const chromiumExecutable = chromiumPath();

/** The server the global setup started. */
export const baseURL = (): string => inject('baseURL');

// Without the background-networking flags Chromium keeps dialling Google's hosts,
// which this machine's closed network refuses many times a second.
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Debian's Chromium with a fresh profile (playwright makes a new user-data dir per launch). */
export function launchBrowser(): Promise<Browser> {
	if (!chromiumExecutable)
		throw new Error('no Chromium (set CHROMIUM_PATH or install Debian package chromium)');
	return chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs, headless: true });
}

/** A new context (own cookies) in Dutch, and a page in it. */
export async function newPage(
	browser: Browser,
	options: { locale?: string } = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: baseURL(), locale: options.locale ?? 'nl-NL' });
	const page = await context.newPage();
	return { context, page };
}

/** The page's scripts have loaded and hydrated it (typing before that may be lost). */
export async function waitForHydration(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
}

/** Signs in through the password form of /inloggen and waits until the page has left it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/inloggen');
	await submitSignIn(page, email, password);
}

/** Fills and sends the password form of the sign-in page the browser is on. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
	await waitForHydration(page);
	const form = page.locator('form:has(input[name="password"])');
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(password);
	expect(await form.locator('input[name="email"]').inputValue()).toBe(email);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/inloggen', { timeout: 15_000 }),
		form.locator('button[type="submit"]').click()
	]);
}

/** The labels of the main navigation, in order. */
export async function navLabels(page: Page): Promise<string[]> {
	const links = page.locator('header nav a');
	return (await links.allTextContents()).map((t) => t.trim());
}

/** Runs axe (WCAG 2.0–2.2 A and AA) on the page and fails listing every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const report = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')
	);
	expect(report, `axe found violations on ${page.url()}:\n${report.join('\n')}`).toEqual([]);
}

/** A new context signed in (through /inloggen) as the demo account of `role`, and its page. */
export async function signedInPage(
	browser: Browser,
	role: Role,
	institution?: DemoInstitutionKey,
	options: { locale?: string; viewport?: { width: number; height: number } } = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		baseURL: baseURL(),
		locale: options.locale ?? 'nl-NL',
		...(options.viewport ? { viewport: options.viewport, isMobile: true, hasTouch: true } : {})
	});
	const page = await context.newPage();
	await signIn(page, demoAccount(role, institution).email, DEMO_PASSWORD);
	return { context, page };
}

/**
 * Signs in over HTTP (better-auth's `POST /api/auth/sign-in/email`, as the sign-in page's
 * script does) and returns the `cookie` header value to send with later requests.
 */
export async function apiSignIn(email: string, password: string, base: string = baseURL()): Promise<string> {
	const response = await fetch(`${base}/api/auth/sign-in/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: base },
		body: JSON.stringify({ email, password })
	});
	if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}
