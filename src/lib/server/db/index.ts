import { connect, type Connection } from './connect.ts';
import { config } from '../config.ts';

let connection: Promise<Connection> | null = null;

/** The app's one connection, opened and migrated on first use. */
export function appConnection(): Promise<Connection> {
	connection ??= (async () => {
		const c = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
		await c.migrate();
		return c;
	})();
	return connection;
}

export type { Database, Tx } from './database.ts';
