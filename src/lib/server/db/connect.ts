import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as schema from './schema.ts';
import type { Database } from './database.ts';
import { log } from '../http/log.ts';

export type DatabaseDriver = 'pglite' | 'postgres';

export interface Connection {
	db: Database;
	driver: DatabaseDriver;
	/** Runs the committed migrations in ./drizzle. */
	migrate(): Promise<void>;
	close(): Promise<void>;
}

const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
const casing = 'snake_case' as const;

/** Opens PostgreSQL when a URL is given, else PGlite in dataDir (or in memory when dataDir is null). */
export async function connect(options: {
	databaseUrl?: string;
	dataDir?: string | null;
	poolSize?: number;
}): Promise<Connection> {
	if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
	return connectPglite(options.dataDir ?? null);
}

async function connectPostgres(url: string, max: number): Promise<Connection> {
	const { default: pg } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const { migrate } = await import('drizzle-orm/node-postgres/migrator');
	const pool = new pg.Pool({ connectionString: url, max });
	// An idle connection dropped by the server (restart, failover) must not crash the
	// process; the pool replaces it on the next query.
	pool.on('error', (error) => log('warn', 'database connection lost', { error: error.message }));
	const db = drizzle(pool, { schema, casing }) as unknown as Database;
	return {
		db,
		driver: 'postgres',
		migrate: () => migrate(db as never, { migrationsFolder }),
		close: () => pool.end()
	};
}

async function connectPglite(dataDir: string | null): Promise<Connection> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const client = dataDir ? new PGlite(dataDir) : new PGlite();
	await client.waitReady;
	const db = drizzle(client, { schema, casing }) as unknown as Database;
	return {
		db,
		driver: 'pglite',
		migrate: () => migrate(db as never, { migrationsFolder }),
		close: () => client.close()
	};
}
