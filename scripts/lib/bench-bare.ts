// Baseline (b) of the dashboard benchmark: the reads each dashboard page makes, called
// directly on a Drizzle PostgreSQL connection — no HTTP, no authorization, no rendering.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './app-build.ts';

export interface BareReads {
	team?: (teamId: string) => Promise<unknown>;
	institution?: (institutionId: string) => Promise<unknown>;
	network?: () => Promise<unknown>;
	close: () => Promise<void>;
}

/** The dashboard queries module's reads, or null while it does not exist yet. */
export async function loadBareReads(databaseUrl: string): Promise<BareReads | null> {
	if (!existsSync(join(root, 'src/lib/server/dashboards/dashboard.queries.ts'))) return null;
	const { connect } = await import('#lib/server/db/connect.ts');
	// As many connections as the app's pool: the reads run their queries in parallel.
	const connection = await connect({ databaseUrl, poolSize: 10 });
	const queries = await import('#lib/server/dashboards/dashboard.queries.ts');
	const db = connection.db;
	return {
		team: (teamId) => queries.teamDashboard(db, teamId),
		institution: (institutionId) => queries.institutionDashboard(db, institutionId),
		network: () => queries.networkDashboard(db),
		close: () => connection.close()
	};
}
