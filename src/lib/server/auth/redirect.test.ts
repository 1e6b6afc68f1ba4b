import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect.ts';

describe('safeRedirectPath', () => {
	it('keeps same-site paths with their query', () => {
		expect(safeRedirectPath('/account')).toBe('/account');
		expect(safeRedirectPath('/instellingen?page=2#lijst')).toBe('/instellingen?page=2#lijst');
	});

	it.each([
		'https://evil.example/',
		'//evil.example/path',
		'/\\evil.example',
		'\\\\evil.example',
		'javascript:alert(1)',
		'/a\nb',
		'',
		'account',
		'/inloggen?redirectTo=//evil.example',
		'/api/auth/sign-out',
		'/%2F%2Fevil.example',
		'/%5cevil.example'
	])('refuses %j', (value) => {
		expect(safeRedirectPath(value)).toBe('/');
	});

	it('keeps percent-encoded characters encoded, so they cannot split a header', () => {
		expect(safeRedirectPath('/%0d%0aSet-Cookie:x')).toBe('/%0d%0aSet-Cookie:x');
	});

	it('refuses what is not a string and uses the fallback', () => {
		expect(safeRedirectPath(undefined, '/account')).toBe('/account');
		expect(safeRedirectPath(['/a'])).toBe('/');
	});
});
