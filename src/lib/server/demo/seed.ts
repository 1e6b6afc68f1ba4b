import { randomUUID } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Database, Tx } from '../db/database.ts';
import { config } from '../config.ts';
import { account, user } from '../auth/auth.table.ts';
import { roleAssignment } from '../people/people.table.ts';
import { institution, learningRoute, location, network, team } from '../organisation/organisation.table.ts';
import { ensureDefaultModel } from '../model/model.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts.ts';
import { NETWORK_NAME, demoInstitutions } from './demo-network.ts';
import { seedDemoEvaluations } from './demo-evaluations.ts';

// Several instances may start at once against one PostgreSQL: the first one seeds, the
// others wait on this lock and then find the network row.
const SEED_LOCK = 47_112_026;

export interface SeedResult {
	networkCreated: boolean;
	modelCreated: boolean;
	demoLoaded: boolean;
}

/**
 * Makes a new database usable: the network row and the default model version always,
 * and the demo network when demo data is on and the database has no network yet.
 * Runs at every start; does nothing once the network exists.
 */
export async function seedDemoIfEmpty(db: Database, options: { demo?: boolean } = {}): Promise<SeedResult> {
	const demo = options.demo ?? config.demoData;
	const modelCreated = (await ensureDefaultModel(db)) !== null;
	// The usual case: an existing database, nothing to do.
	const [seeded] = await db.select({ id: network.id }).from(network).limit(1);
	if (seeded) return { networkCreated: false, modelCreated, demoLoaded: false };
	// Hashing is slow on purpose: do it before taking the lock, once for every demo login.
	const passwordHash = demo ? await hashPassword(DEMO_PASSWORD) : null;
	const result = await db.transaction(async (tx): Promise<SeedResult> => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
		const [existing] = await tx.select({ id: network.id }).from(network).limit(1);
		if (existing) return { networkCreated: false, modelCreated, demoLoaded: false };
		await tx.insert(network).values({ name: NETWORK_NAME });
		// Demo data goes only into an empty database, never beside real institutions or people.
		const [people] = await tx.select({ n: count() }).from(user);
		const [institutions] = await tx.select({ n: count() }).from(institution);
		const empty = people!.n === 0 && institutions!.n === 0;
		if (!passwordHash || !empty) return { networkCreated: true, modelCreated, demoLoaded: false };
		await insertDemoNetwork(tx, passwordHash);
		return { networkCreated: true, modelCreated, demoLoaded: true };
	});
	// Through the services, after the network is committed: they open their own transactions.
	if (result.demoLoaded) await seedDemoEvaluations(db);
	return result;
}

/** Inserts the five demo institutions, their locations, teams, routes and the demo logins. */
async function insertDemoNetwork(tx: Tx, passwordHash: string): Promise<void> {
	const institutionIds = new Map<string, string>();
	const teamIds = new Map<string, string>();
	for (const inst of demoInstitutions) {
		const [row] = await tx
			.insert(institution)
			.values({
				name: inst.name,
				rioCode: inst.rioCode,
				brinCode: inst.brinCode,
				joinedOn: inst.joinedOn,
				contactName: inst.contactName,
				contactEmail: inst.contactEmail,
				feeCents: inst.feeCents
			})
			.returning({ id: institution.id });
		const institutionId = row!.id;
		institutionIds.set(inst.key, institutionId);
		const locations = await tx
			.insert(location)
			.values(inst.locations.map((l) => ({ institutionId, name: l.name, city: l.city })))
			.returning({ id: location.id });
		const teams = await tx
			.insert(team)
			.values(
				inst.teams.map((t) => ({
					institutionId,
					locationId: locations[t.location]!.id,
					name: t.name,
					sectorDomain: t.sectorDomain
				}))
			)
			.returning({ id: team.id, name: team.name });
		for (const t of teams) teamIds.set(`${inst.key}/${t.name}`, t.id);
		await tx.insert(learningRoute).values(
			inst.teams.flatMap((t) =>
				t.routes.map(([name, qualificationCode, level, pathway]) => ({
					teamId: teamIds.get(`${inst.key}/${t.name}`)!,
					name,
					qualificationCode,
					level,
					pathway
				}))
			)
		);
	}

	for (const demo of demoAccounts) {
		const id = randomUUID();
		await tx.insert(user).values({ id, name: demo.name, email: demo.email, emailVerified: true });
		await tx.insert(account).values({
			id: randomUUID(),
			userId: id,
			accountId: id,
			providerId: 'credential',
			password: passwordHash
		});
		const institutionId = demo.institution ? institutionIds.get(demo.institution)! : null;
		const teamId = demo.team ? teamIds.get(`${demo.institution}/${demo.team}`) : null;
		if (demo.team && !teamId) throw new Error(`demo team ${demo.team} not found`);
		await tx.insert(roleAssignment).values({
			userId: id,
			role: demo.role,
			institutionId,
			teamId: teamId ?? null,
			reviewId: demo.reviewId ?? null
		});
	}

	await recordAudit(tx, null, {
		action: 'demo.seed',
		entityType: 'network',
		entityId: 'demo',
		details: {
			institutions: demoInstitutions.length,
			teams: demoInstitutions.reduce((n, i) => n + i.teams.length, 0),
			accounts: demoAccounts.length
		}
	});
}
