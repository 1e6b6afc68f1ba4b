// A minimal browser for tests: a cookie jar (cookies belong to a host, any port, as in
// real browsers), manual redirects, and a fixed client address per browser so that
// per-IP rate limits can be tested.

interface StoredCookie {
	value: string;
	path: string;
	expires: number | null;
	attributes: Record<string, string | true>;
}

export interface Hop {
	url: string;
	status: number;
	location: string | null;
}

export class TestBrowser {
	readonly jar = new Map<string, Map<string, StoredCookie>>();
	readonly hops: Hop[] = [];
	readonly ip: string;
	constructor(ip = `10.${rand()}.${rand()}.${rand()}`) {
		this.ip = ip;
	}

	/** The raw Set-Cookie attributes of a cookie as last received, to check its flags. */
	cookie(host: string, name: string): StoredCookie | undefined {
		return this.jar.get(host)?.get(name);
	}

	/** The value of the first stored cookie whose name ends with `suffix`. */
	cookieValue(host: string, suffix: string): string | undefined {
		for (const [name, c] of this.jar.get(host) ?? []) if (name.endsWith(suffix)) return c.value;
		return undefined;
	}

	private cookieHeader(url: URL): string {
		const now = Date.now();
		const pairs: string[] = [];
		for (const [name, c] of this.jar.get(url.hostname) ?? []) {
			if (c.expires !== null && c.expires <= now) continue;
			if (!url.pathname.startsWith(c.path)) continue;
			pairs.push(`${name}=${c.value}`);
		}
		return pairs.join('; ');
	}

	private store(url: URL, setCookies: string[]) {
		const host = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
		this.jar.set(url.hostname, host);
		for (const line of setCookies) {
			const [pair = '', ...parts] = line.split(';').map((p) => p.trim());
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq);
			const value = pair.slice(eq + 1);
			const attributes: Record<string, string | true> = {};
			for (const part of parts) {
				const i = part.indexOf('=');
				attributes[(i < 0 ? part : part.slice(0, i)).toLowerCase()] = i < 0 ? true : part.slice(i + 1);
			}
			let expires: number | null = null;
			if (typeof attributes['max-age'] === 'string')
				expires = Date.now() + Number(attributes['max-age']) * 1000;
			else if (typeof attributes.expires === 'string') expires = Date.parse(attributes.expires);
			const path = typeof attributes.path === 'string' ? attributes.path : '/';
			if (expires !== null && expires <= Date.now()) host.delete(name);
			else host.set(name, { value, path, expires, attributes });
		}
	}

	/** One request, no redirects followed; cookies sent and stored. */
	async request(
		input: string | URL,
		init: RequestInit & { form?: Record<string, string>; json?: unknown } = {}
	) {
		const url = new URL(input);
		const headers = new Headers(init.headers);
		const cookie = this.cookieHeader(url);
		if (cookie) headers.set('cookie', cookie);
		headers.set('x-forwarded-for', this.ip);
		headers.set('user-agent', 'kwaliteitsspiegel-test');
		let body = init.body;
		if (init.form) {
			headers.set('content-type', 'application/x-www-form-urlencoded');
			body = new URLSearchParams(init.form).toString();
		} else if (init.json !== undefined) {
			headers.set('content-type', 'application/json');
			body = JSON.stringify(init.json);
		}
		const method = init.method ?? (body ? 'POST' : 'GET');
		if (method !== 'GET') headers.set('origin', url.origin);
		const response = await fetch(url, { ...init, method, headers, body, redirect: 'manual' });
		this.store(url, response.headers.getSetCookie());
		this.hops.push({
			url: url.toString(),
			status: response.status,
			location: response.headers.get('location')
		});
		return response;
	}

	/** A request, then GETs along every redirect, as a browser does; returns the last response. */
	async navigate(input: string | URL, init: Parameters<TestBrowser['request']>[1] = {}, maxHops = 15) {
		let url = new URL(input);
		let response = await this.request(url, init);
		for (let hop = 0; hop < maxHops; hop++) {
			const location = response.headers.get('location');
			if (response.status < 300 || response.status >= 400 || !location) return { response, url };
			await response.body?.cancel();
			url = new URL(location, url);
			response = await this.request(url);
		}
		throw new Error(`too many redirects, last at ${url}`);
	}
}

function rand() {
	return Math.floor(Math.random() * 250) + 1;
}
