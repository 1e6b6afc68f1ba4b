import { randomBytes } from 'node:crypto';
import { getRequestEvent } from '$app/server';
import { appConnection } from './db/index.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import { assertProductionConfig, config } from './config.ts';
import type { Database } from './db/database.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { startJobRunner } from './jobs/job.runner.ts';

export interface AppContext {
	db: Database;
	auth: Auth;
}

let context: Promise<AppContext> | null = null;

/** The process-wide database and auth, created once at first request. */
export function app(): Promise<AppContext> {
	context ??= (async () => {
		assertProductionConfig();
		const connection = await appConnection();
		const { db } = connection;
		// adapter-node stops taking requests on SIGTERM/SIGINT, then emits this: close the
		// database so PGlite flushes and the process can end (its timers keep it alive otherwise).
		process.once('sveltekit:shutdown', () => void connection.close());
		// A new database gets its network row and default model (and the demo network when DEMO_DATA is on).
		await seedDemoIfEmpty(db);
		// Durable jobs (reminders); every instance may run them, JOBS=false turns them off here.
		if (config.jobs.enabled) startJobRunner(db, { pollMs: config.jobs.pollMs });
		// Outside production a missing secret gets a random one: sessions then end at restart.
		const secret = config.authSecret || randomBytes(32).toString('hex');
		const auth = createAuth({
			db,
			baseURL: config.origin,
			secret,
			rateLimit: config.rateLimit,
			getRequestEvent: () => {
				try {
					return getRequestEvent();
				} catch {
					return undefined;
				}
			}
		});
		return { db, auth };
	})();
	return context;
}
