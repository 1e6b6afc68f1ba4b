// Baseline (b) of the dashboard benchmark: the reads each dashboard page makes, called
// directly on a Drizzle PostgreSQL connection — no HTTP, no authorization, no rendering.
// Beside it, as a diagnostic, the dashboard service in-process (authorization, reads and
// the server-side charts, no HTTP and no page rendering): it tells where the rest goes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './app-build.ts';

export interface BareReads {
	team: (teamId: string) => Promise<unknown>;
	institution: (institutionId: string) => Promise<unknown>;
	network: () => Promise<unknown>;
	/** The services as the page calls them, for the actor with this e-mail address. */
	service: {
		team: (email: string, teamId: string) => Promise<unknown>;
		institution: (email: string, institutionId: string) => Promise<unknown>;
		network: (email: string) => Promise<unknown>;
	};
	close: () => Promise<void>;
}

/** The dashboard queries module's reads, or null while it does not exist yet. */
export async function loadBareReads(databaseUrl: string): Promise<BareReads | null> {
	if (!existsSync(join(root, 'src/lib/server/dashboards/dashboard.queries.ts'))) return null;
	const { connect } = await import('#lib/server/db/connect.ts');
	// As many connections as the app's pool: the reads run their queries in parallel.
	const connection = await connect({ databaseUrl, poolSize: 10 });
	const queries = await import('#lib/server/dashboards/dashboard.queries.ts');
	const services = await import('#lib/server/dashboards/dashboard.service.ts');
	const { loadActor } = await import('#lib/server/auth/actor.ts');
	const { user } = await import('#lib/server/auth/auth.table.ts');
	const { eq } = await import('drizzle-orm');
	const db = connection.db;
	const actors = new Map<string, Awaited<ReturnType<typeof loadActor>>>();
	const actor = async (email: string) => {
		if (!actors.has(email)) {
			const [person] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
			actors.set(email, person ? await loadActor(db, person.id) : null);
		}
		return actors.get(email)!;
	};
	return {
		team: (teamId) => queries.teamDashboard(db, teamId),
		institution: (institutionId) => queries.institutionDashboard(db, institutionId),
		network: () => queries.networkDashboard(db),
		service: {
			team: async (email, teamId) => services.teamDashboard(db, await actor(email), teamId),
			institution: async (email, institutionId) =>
				services.institutionDashboard(db, await actor(email), institutionId),
			network: async (email) => services.networkDashboard(db, await actor(email))
		},
		close: () => connection.close()
	};
}
