// "Nothing acknowledged is ever lost": on the embedded database (PGlite, no fsync), a
// process killed with SIGKILL in the middle of a burst of writes keeps every write it
// had answered, and the database opens again without repair.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// The build is made once by global-setup.ts; building here again would swap ./build under
// the shared server while other test files use it.
import { freePort, startServer, stopServer, waitUntilReady } from '../scripts/lib/app-build.ts';
import { demoAccount, DEMO_PASSWORD } from './helpers.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ks-durability-'));
const secret = randomBytes(32).toString('hex');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function boot() {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = startServer(
		{
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			DATA_DIR: join(dataDir, 'pglite'),
			// Always the embedded database: CI sets DATABASE_URL for the integration tests, and a
			// server of these tests must not share (and fill) that database.
			DATABASE_URL: '',
			DEMO_DATA: 'true',
			RATE_LIMIT: 'false',
			AUTH_SECRET: secret,
			NODE_ENV: 'production',
			LOG_LEVEL: 'warn'
		},
		{ quiet: true }
	);
	await waitUntilReady(base, server, 60_000);
	return { base, server };
}

async function signIn(base: string): Promise<string> {
	const response = await fetch(`${base}/api/auth/sign-in/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: base },
		body: JSON.stringify({ email: demoAccount('network_admin').email, password: DEMO_PASSWORD })
	});
	expect(response.status).toBe(200);
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

describe('a killed process', () => {
	it('keeps every acknowledged write and starts again', { timeout: 180_000 }, async () => {
		const first = await boot();
		const cookie = await signIn(first.base);
		const acknowledged: string[] = [];
		let stop = false;
		// Write institutions one after another until the process is killed under us.
		const writer = (async () => {
			for (let i = 0; !stop && i < 500; i++) {
				const rioCode = `${String(100 + i).padStart(3, '0')}K${String(i).padStart(3, '0')}`;
				try {
					const response = await fetch(`${first.base}/api/v1/institutions`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', origin: first.base, cookie },
						body: JSON.stringify({ name: `Duurzaam College ${i}`, rioCode })
					});
					if (response.status === 201 || response.status === 200) acknowledged.push(rioCode);
					else if (response.status >= 500) break;
				} catch {
					break; // the connection died with the process
				}
			}
		})();
		await new Promise((r) => setTimeout(r, 1500));
		first.server.kill('SIGKILL');
		stop = true;
		await writer;
		if (first.server.exitCode === null && first.server.signalCode === null) {
			await new Promise((r) => first.server.once('exit', r));
		}
		expect(acknowledged.length).toBeGreaterThan(5);

		const second = await boot();
		try {
			const cookie2 = await signIn(second.base);
			const response = await fetch(`${second.base}/api/v1/institutions?pageSize=200&page=1`, {
				headers: { cookie: cookie2 }
			});
			expect(response.status).toBe(200);
			const codes = new Set<string>();
			let page = 1;
			let body = (await response.json()) as { items: { rioCode: string }[]; total: number };
			for (;;) {
				for (const item of body.items) codes.add(item.rioCode);
				if (page * 200 >= body.total) break;
				page++;
				body = (await (
					await fetch(`${second.base}/api/v1/institutions?pageSize=200&page=${page}`, {
						headers: { cookie: cookie2 }
					})
				).json()) as typeof body;
			}
			const lost = acknowledged.filter((code) => !codes.has(code));
			expect(lost).toEqual([]);
		} finally {
			await stopServer(second.server);
		}
	});
});
