// Timing helpers for the benchmarks: percentiles, timed loops, HTTP sign-in.

/** The q-quantile (0..1) of the samples by the nearest-rank method. */
export function percentile(samples: readonly number[], q: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
	return sorted[rank - 1]!;
}

export interface Summary {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** p50/p95/p99/max in milliseconds, rounded to 0.1 ms. */
export function summarise(samples: readonly number[]): Summary {
	const round = (x: number) => Math.round(x * 10) / 10;
	return {
		n: samples.length,
		p50: round(percentile(samples, 0.5)),
		p95: round(percentile(samples, 0.95)),
		p99: round(percentile(samples, 0.99)),
		max: round(samples.length ? Math.max(...samples) : Number.NaN)
	};
}

/** Runs `work(i)` n times one after another and returns each duration in ms. */
export async function timed(n: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
	const samples: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		await work(i);
		samples.push(performance.now() - t0);
	}
	return samples;
}

/**
 * Signs in over HTTP (better-auth's `POST /api/auth/sign-in/email`, as the sign-in page's
 * script does) and returns the `cookie` header value for later requests.
 */
export async function signIn(base: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${base}/api/auth/sign-in/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: base },
		body: JSON.stringify({ email, password })
	});
	if (response.status !== 200)
		throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}

/** GETs a page as a signed-in user and reads the whole body; throws unless 200. Returns the body size. */
export async function getPage(base: string, path: string, cookie: string): Promise<number> {
	const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
	const body = await response.arrayBuffer();
	if (response.status !== 200) {
		const text = new TextDecoder().decode(body).slice(0, 300);
		throw new Error(`GET ${path} answered ${response.status}${text ? `: ${text}` : ''}`);
	}
	return body.byteLength;
}

/** A fixed-width text table. */
export function table(header: string[], rows: (string | number)[][]): string {
	const cells = [header, ...rows.map((r) => r.map(String))];
	const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
	const line = (r: string[]) =>
		r
			.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}
