// Shared by the evaluation browser tests: HTTP calls as an API client makes them, an
// evaluation planned and moved through its workflow over the API, dates, and a form
// submit that waits for the next page (the pages post plain forms, without scripts).
import { spawnSync } from 'node:child_process';
import { beforeEach, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { baseURL, waitForHydration } from './helpers.ts';

/** A request as an API client sends it: `accept: application/json`, JSON bodies, no redirects followed. */
export async function call(
	path: string,
	options: {
		method?: string;
		cookie?: string;
		body?: unknown;
		form?: FormData;
		accept?: string;
	} = {}
): Promise<Response> {
	const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
	if (options.cookie) headers.cookie = options.cookie;
	const method = options.method ?? (options.body !== undefined || options.form ? 'POST' : 'GET');
	let body: BodyInit | undefined;
	if (options.form) {
		// Multipart: fetch sets the boundary; SvelteKit's CSRF check wants the origin of a form post.
		headers.origin = baseURL();
		body = options.form;
	} else if (method !== 'GET') {
		headers['content-type'] = 'application/json';
		body = options.body === undefined ? undefined : JSON.stringify(options.body);
	}
	return fetch(`${baseURL()}${path}`, { method, headers, body, redirect: 'manual' });
}

/** The JSON of a response, after checking its status (the body is in the failure message). */
export async function expectJson<T = Record<string, unknown>>(
	response: Response,
	status: number
): Promise<T> {
	const text = await response.text();
	expect(response.status, `${response.url}: ${text.slice(0, 500)}`).toBe(status);
	return JSON.parse(text) as T;
}

/** A date `days` from today (negative: in the past) as yyyy-mm-dd, in the Netherlands. */
export function isoDate(days = 0): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', {
		timeZone: 'Europe/Amsterdam'
	});
}

export interface PlannedEvaluation {
	id: string;
	lock: number;
	teamId: string;
	institutionId: string;
	status: string;
}

/** Plans a team self-evaluation over the API as the person of `cookie` (a team lead of `teamId`). */
export async function planTeamEvaluation(
	cookie: string,
	input: { title: string; teamId: string; startsOn: string; endsOn: string; perspectives: string[] }
): Promise<PlannedEvaluation> {
	const instruments = await expectJson<
		{ id: string; key: string | null }[] | { items: { id: string; key: string | null }[] }
	>(await call('/api/v1/instrument-types', { cookie }), 200);
	const list = Array.isArray(instruments) ? instruments : instruments.items;
	const instrument = list.find((i) => i.key === 'zelfevaluatie_team');
	expect(instrument, 'the built-in instrument zelfevaluatie_team').toBeTruthy();
	return expectJson<PlannedEvaluation>(
		await call('/api/v1/evaluations', {
			cookie,
			body: {
				instrumentTypeId: instrument!.id,
				subjectLevel: 'team',
				teamId: input.teamId,
				scopeAll: true,
				title: input.title,
				startsOn: input.startsOn,
				endsOn: input.endsOn,
				perspectives: input.perspectives
			}
		}),
		201
	);
}

/** One workflow step over the API; returns the evaluation after it. */
export async function advance(
	cookie: string,
	evaluation: PlannedEvaluation,
	to: string
): Promise<PlannedEvaluation> {
	return expectJson<PlannedEvaluation>(
		await call(`/api/v1/evaluations/${evaluation.id}/transitions`, {
			cookie,
			body: { to, lock: evaluation.lock }
		}),
		200
	);
}

/** The team the signed-in team lead leads (from `/api/v1/me`). */
export async function ledTeam(cookie: string): Promise<{ teamId: string; institutionId: string }> {
	const me = await expectJson<{
		grants: { role: string; teamId?: string | null; institutionId?: string | null }[];
	}>(await call('/api/v1/me', { cookie }), 200);
	const grant = me.grants.find((g) => g.role === 'team_lead' && g.teamId);
	expect(grant, 'a team_lead grant with a team').toBeTruthy();
	return { teamId: grant!.teamId!, institutionId: grant!.institutionId! };
}

/**
 * Clicks a submit button of a plain form (the pages post without scripts, so the browser
 * loads a new document) and waits until that page has loaded and hydrated.
 */
export async function submitAndWait(
	page: Page,
	button: Locator,
	options: { tap?: boolean } = {}
): Promise<void> {
	await Promise.all([page.waitForEvent('load'), options.tap ? button.tap() : button.click()]);
	await waitForHydration(page);
}

/** Follows a link (a client-side navigation once the page has hydrated) and waits for its page. */
export async function followLink(page: Page, link: Locator): Promise<void> {
	const href = await link.getAttribute('href');
	expect(href, 'the link has an address').toBeTruthy();
	const target = new URL(href!, page.url());
	await Promise.all([page.waitForURL((url) => url.pathname === target.pathname), link.click()]);
	await waitForHydration(page);
}

/** The text of a PDF, extracted by poppler's `pdftotext`, with whitespace and ligatures normalised. */
export function pdfText(file: string): string {
	const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	if (result.error) throw result.error;
	expect(result.status, result.stderr).toBe(0);
	return result.stdout.normalize('NFKC').replace(/\s+/g, ' ');
}

/** A small but well-formed PDF file (one empty page). */
export function tinyPdf(): Buffer {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

/**
 * The tests of a journey build on each other: after the first failure the rest are skipped
 * (and reported as such) instead of each failing on a missing earlier step.
 */
export function stopAtFirstFailure(): void {
	let failed = false;
	beforeEach(({ skip, onTestFailed }) => {
		if (failed) skip('an earlier step of this journey failed');
		onTestFailed(() => {
			failed = true;
		});
	});
}

/** The error messages a page shows (alerts and field errors), for failure messages. */
export async function errorsOn(page: Page): Promise<string> {
	const texts = await page.locator('[role="alert"], .utrecht-form-field-error-message').allTextContents();
	// Fields the browser itself refuses to send (required, pattern…): then there is no request at all.
	const invalid = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLInputElement>('input:invalid, select:invalid, textarea:invalid')].map(
			(e) => `${e.name}: ${e.validationMessage}`
		)
	);
	return `errors on ${page.url()}: ${JSON.stringify(texts.map((t) => t.replace(/\s+/g, ' ').trim()))}; invalid fields: ${JSON.stringify(invalid)}`;
}
