import { randomBytes } from 'node:crypto';
import { connect, type Connection } from '../db/connect.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function createTestDatabase(): Promise<Connection> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const c = await connect({ dataDir: null });
		await c.migrate();
		return c;
	}
	const { default: pg } = await import('pg');
	const name = `ks_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const c = await connect({ databaseUrl: url.toString(), poolSize: 4 });
	await c.migrate();
	return {
		...c,
		close: async () => {
			await c.close();
			const drop = new pg.Client({ connectionString: serverUrl });
			await drop.connect();
			await drop.query(`drop database if exists ${name} with (force)`);
			await drop.end();
		}
	};
}
