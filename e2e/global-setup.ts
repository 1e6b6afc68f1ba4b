// Builds the app when needed and runs one server for all browser tests: a fresh
// embedded database in a temp dir, demo data on, rate limits off (many sign-ins).
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
	ensureBuild,
	freePort,
	root,
	startServer,
	stopServer,
	waitUntilReady
} from '../scripts/lib/app-build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	await ensureBuild({ log: (line) => console.log(`[e2e] ${line}`) });
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'ks-e2e-'));
	const logDir = join(root, 'test-results');
	mkdirSync(logDir, { recursive: true });
	const logFile = join(logDir, 'e2e-server.log');
	const log = createWriteStream(logFile);
	const server = startServer(
		{
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			DATA_DIR: join(dataDir, 'pglite'),
			// Always the embedded database: CI sets DATABASE_URL for the integration tests, and a
			// server of these tests must not share (and fill) that database.
			DATABASE_URL: '',
			DEMO_DATA: 'true',
			RATE_LIMIT: 'false',
			AUTH_SECRET: randomBytes(32).toString('hex'),
			LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
			NODE_ENV: 'production'
		},
		{ quiet: true }
	);
	server.stdout?.pipe(log);
	server.stderr?.pipe(log);
	const started = performance.now();
	try {
		await waitUntilReady(baseURL, server, 60_000);
	} catch (error) {
		await stopServer(server);
		throw new Error(`${(error as Error).message}; see ${logFile}`, { cause: error });
	}
	console.log(
		`[e2e] server ready at ${baseURL} in ${((performance.now() - started) / 1000).toFixed(1)} s (log: test-results/e2e-server.log)`
	);
	project.provide('baseURL', baseURL);
	return async () => {
		await stopServer(server);
		log.end();
		rmSync(dataDir, { recursive: true, force: true });
	};
}
