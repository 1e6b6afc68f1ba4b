import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

/** A Drizzle handle on either PGlite or PostgreSQL; services take this, never a driver. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A handle inside a transaction, or the database itself. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

/** The rows of a `db.execute(sql…)` result: PGlite and node-postgres both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
	return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
