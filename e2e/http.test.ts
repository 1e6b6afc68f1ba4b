// Journeys over plain HTTP: probes, security headers, cross-site form posts.
import { describe, expect, it } from 'vitest';
import { baseURL } from './helpers.ts';

const get = (path: string, init: RequestInit = {}) =>
	fetch(`${baseURL()}${path}`, { redirect: 'manual', ...init });

describe('health probes', () => {
	it('/healthz answers while the process is up', async () => {
		const response = await get('/healthz');
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('ok');
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('/readyz answers when the database does', async () => {
		const response = await get('/readyz');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ready' });
	});
});

describe('security headers', () => {
	it('a page carries CSP (frame-ancestors none), nosniff and a referrer policy', async () => {
		const response = await get('/');
		expect(response.status).toBe(200);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("default-src 'self'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('an error page and an API answer carry them too', async () => {
		for (const path of ['/bestaat-niet', '/api/openapi.json']) {
			const response = await get(path);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
		}
	});
});

describe('cross-site requests', () => {
	const form = (origin: string) =>
		get('/taal', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
			body: 'locale=en&redirectTo=%2F'
		});

	it('a form post from another site is refused with 403', async () => {
		const response = await form('https://kwaadwillend.example');
		expect(response.status).toBe(403);
		expect(response.headers.get('set-cookie') ?? '').not.toContain('PARAGLIDE_LOCALE');
	});

	it('the same form from our own origin is accepted', async () => {
		const response = await form(baseURL());
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
	});
});
