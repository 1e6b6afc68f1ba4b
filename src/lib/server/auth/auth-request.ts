import type { Cookies } from '@sveltejs/kit';
import type { Auth } from './auth.ts';

/** The parts of a SvelteKit request event that a call to better-auth needs. */
export interface AuthEvent {
	request: Request;
	cookies: Cookies;
	getClientAddress(): string;
}

export interface AuthAnswer {
	status: number;
	ok: boolean;
	rateLimited: boolean;
	/** better-auth's error code (`INVALID_CODE`, …) when it refused. */
	code: string | null;
	body: Record<string, unknown> | null;
}

const forwardedHeaders = ['cookie', 'user-agent', 'accept-language'];

/**
 * Calls a better-auth endpoint the way a browser would, through `auth.handler`, so its
 * rate limits, origin checks and hooks all apply (the `auth.api.*` functions skip the
 * rate limiter). The client address is the one SvelteKit trusts, and every cookie
 * better-auth sets is passed on to the browser.
 */
export async function callAuth(
	auth: Auth,
	event: AuthEvent,
	path: string,
	body: unknown = {}
): Promise<AuthAnswer> {
	const base = new URL(auth.options.baseURL as string);
	const headers = new Headers({
		'content-type': 'application/json',
		// A same-site form already passed SvelteKit's own CSRF check to get here.
		origin: base.origin,
		'x-forwarded-for': event.getClientAddress()
	});
	for (const name of forwardedHeaders) {
		const value = event.request.headers.get(name);
		if (value) headers.set(name, value);
	}
	const response = await auth.handler(
		new Request(new URL(`/api/auth${path}`, base), { method: 'POST', headers, body: JSON.stringify(body) })
	);
	for (const line of response.headers.getSetCookie()) {
		const { name, value, ...options } = event.cookies.parse(line);
		// Mirror better-auth's attributes exactly (it sets Secure when the site is https).
		event.cookies.set(name, value ?? '', {
			...options,
			path: options.path ?? '/',
			secure: options.secure ?? false
		});
	}
	const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
	return {
		status: response.status,
		ok: response.ok,
		rateLimited: response.status === 429,
		code: typeof json?.code === 'string' ? json.code : null,
		body: json
	};
}
