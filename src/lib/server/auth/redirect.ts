/**
 * A same-site path to send the person to after signing in, or the fallback. Only
 * paths on this site are accepted, so `redirectTo` can never become an open redirect:
 * `//evil.example` and `/\evil.example` are other sites to a browser, and control
 * characters or backslashes have no place in our own URLs.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
	if (!value.startsWith('/') || value.startsWith('//')) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, 'http://same.site');
	} catch {
		return fallback;
	}
	if (url.origin !== 'http://same.site') return fallback;
	// An encoded slash or backslash in the path is read differently by browsers and routers.
	if (/%(2f|5c)/i.test(url.pathname)) return fallback;
	// Going back to a sign-in step or into better-auth's endpoints after signing in makes no sense.
	if (url.pathname.startsWith('/inloggen') || url.pathname.startsWith('/api/auth')) return fallback;
	return url.pathname + url.search + url.hash;
}
