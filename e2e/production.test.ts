// What a deployer relies on when starting the built app with NODE_ENV=production: without a
// proper AUTH_SECRET it refuses to start (and never answers a request); with one, on a new
// database, there are no demo accounts, the first admin comes from `npm run admin:create`,
// and over https its session cookie is Secure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, root, stopServer, waitUntilReady } from '../scripts/lib/app-build.ts';
import { DEMO_PASSWORD, demoAccounts } from './helpers.ts';

const dirs: string[] = [];
const servers: ChildProcess[] = [];
afterAll(async () => {
	await Promise.all(servers.map((server) => stopServer(server)));
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** This process's environment without the settings a test decides on. */
function baseEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const name of [
		'AUTH_SECRET',
		'DEMO_DATA',
		'DATABASE_URL',
		'DATA_DIR',
		'ORIGIN',
		'PORT',
		'RATE_LIMIT'
	]) {
		delete env[name];
	}
	return env;
}

/** A fresh data directory and port, as for a new deployment. */
async function deployment(origin?: string) {
	const dir = mkdtempSync(join(tmpdir(), 'ks-production-'));
	dirs.push(dir);
	const port = await freePort();
	const env: NodeJS.ProcessEnv = {
		...baseEnv(),
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: origin ?? `http://127.0.0.1:${port}`,
		DATA_DIR: join(dir, 'pglite'),
		LOG_LEVEL: 'warn'
	};
	return { base: `http://127.0.0.1:${port}`, dataDir: env.DATA_DIR!, env };
}

/** Starts `node server.js`, collecting what it prints. */
function start(env: NodeJS.ProcessEnv) {
	const server = spawn(process.execPath, [join(root, 'server.js')], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	servers.push(server);
	let output = '';
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
	return { server, exited, output: () => output };
}

describe('NODE_ENV=production', () => {
	it.each([
		['without AUTH_SECRET', undefined],
		['with an AUTH_SECRET shorter than 32 characters', 'te-kort-geheim']
	])(
		'%s the server refuses to start, says why, and never answers',
		async (_, secret) => {
			const { base, dataDir, env } = await deployment();
			if (secret) env.AUTH_SECRET = secret;
			const { exited, output } = start(env);
			// Knock on the door until the process has ended: it must never answer.
			let answered: number | null = null;
			let ended = false;
			void exited.then(() => (ended = true));
			const deadline = Date.now() + 30_000;
			while (!ended && Date.now() < deadline) {
				try {
					answered = (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) })).status;
					break;
				} catch {
					await new Promise((r) => setTimeout(r, 100));
				}
			}
			expect(answered, 'the server answered a request').toBeNull();
			const code = await exited;
			expect(code, 'exit code').not.toBe(0);
			expect(code).not.toBeNull();
			expect(output()).toContain(
				'AUTH_SECRET must be set (at least 32 characters) when NODE_ENV=production.'
			);
			// It stopped before touching the database.
			expect(existsSync(dataDir)).toBe(false);
		},
		60_000
	);

	it('with AUTH_SECRET and no DEMO_DATA it starts without demo accounts; the first admin signs in with a Secure cookie', async () => {
		const origin = 'https://kwaliteit.example.nl';
		const { base, env } = await deployment(origin);
		env.AUTH_SECRET = randomBytes(32).toString('hex');

		// The first admin, made as docs/running.md says (the server is not running yet).
		const created = spawnSync(
			process.execPath,
			[
				join(root, 'scripts/create-admin.ts'),
				'--email',
				'beheer@netwerk.example',
				'--name',
				'Eerste Beheerder'
			],
			{ cwd: root, env, encoding: 'utf8', timeout: 60_000 }
		);
		expect(created.status, created.stderr).toBe(0);
		const password = created.stdout.match(/One-time password \(shown only now\): (\S+)/)?.[1];
		expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

		const { server } = start(env);
		await waitUntilReady(base, server, 60_000);

		const signIn = (email: string, pass: string) =>
			fetch(`${base}/api/auth/sign-in/email`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin },
				body: JSON.stringify({ email, password: pass })
			});

		// No demo account exists: not the admin, not a quality officer.
		for (const account of [demoAccounts[0]!, demoAccounts[1]!]) {
			const refused = await signIn(account.email, DEMO_PASSWORD);
			expect(refused.status, account.email).toBe(401);
			expect(
				refused.headers.getSetCookie().some((c) => c.includes('session_token=') && !c.includes('Max-Age=0'))
			).toBe(false);
		}

		const response = await signIn('beheer@netwerk.example', password!);
		expect(response.status).toBe(200);
		const session = response.headers.getSetCookie().find((c) => c.includes('session_token='));
		expect(session).toBeDefined();
		const attributes = session!.split(';').map((part) => part.trim());
		expect(attributes[0]).toMatch(/^__Secure-better-auth\.session_token=/);
		expect(attributes).toContain('Secure');
		expect(attributes).toContain('HttpOnly');
		expect(attributes).toContain('SameSite=Lax');
		expect(response.headers.get('strict-transport-security')).toContain('max-age=');

		// Signed in: a network with its published model, and no demo institutions.
		const cookie = attributes[0]!;
		const institutions = await (await fetch(`${base}/api/v1/institutions`, { headers: { cookie } })).json();
		expect(institutions.total).toBe(0);
		const versions = await (await fetch(`${base}/api/v1/model-versions`, { headers: { cookie } })).json();
		expect(versions.items.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
			[1, 'published']
		]);
	}, 90_000);
});
