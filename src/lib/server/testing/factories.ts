import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Database } from '../db/database.ts';
import { account, user } from '../auth/auth.table.ts';
import { roleAssignment } from '../people/people.table.ts';
import { institution, learningRoute, location, team } from '../organisation/organisation.table.ts';
import type { Actor, Grant, Role } from '../policy/policy.ts';
import { loadActor } from '../auth/actor.ts';

let counter = 0;
const next = () => ++counter;

/** An institution with a valid, unique RIO code. */
export async function buildInstitution(
	db: Database,
	overrides: Partial<typeof institution.$inferInsert> = {}
) {
	const n = next();
	const [row] = await db
		.insert(institution)
		.values({
			name: `Testcollege ${n}`,
			rioCode: `${String(100 + (n % 900)).padStart(3, '0')}${String.fromCharCode(65 + (n % 26))}${String(n % 1000).padStart(3, '0')}`,
			...overrides
		})
		.returning();
	return row!;
}

export async function buildLocation(db: Database, institutionId: string, name = `Locatie ${next()}`) {
	const [row] = await db.insert(location).values({ institutionId, name }).returning();
	return row!;
}

/** A team, with one learning route unless `route: false`. */
export async function buildTeam(
	db: Database,
	institutionId: string,
	overrides: Partial<typeof team.$inferInsert> & { route?: boolean } = {}
) {
	const { route = true, ...values } = overrides;
	const [row] = await db
		.insert(team)
		.values({ institutionId, name: `Team ${next()}`, ...values })
		.returning();
	if (route) {
		await db.insert(learningRoute).values({
			teamId: row!.id,
			name: 'Verpleegkundige',
			qualificationCode: '25655',
			level: 4,
			pathway: 'BOL'
		});
	}
	return row!;
}

export interface BuiltPerson {
	id: string;
	email: string;
	password: string;
	actor: Actor;
}

/** A person with a password and the given role grants; returns their actor. */
export async function buildPerson(
	db: Database,
	grants: (Partial<Grant> & { role: Role })[] = [],
	overrides: { name?: string; email?: string; password?: string } = {}
): Promise<BuiltPerson> {
	const n = next();
	const id = randomUUID();
	const email = overrides.email ?? `persoon${n}-${id.slice(0, 6)}@example.test`;
	const password = overrides.password ?? 'correct-horse-battery';
	await db.insert(user).values({ id, name: overrides.name ?? `Persoon ${n}`, email, emailVerified: true });
	await db.insert(account).values({
		id: randomUUID(),
		userId: id,
		accountId: id,
		providerId: 'credential',
		password: await hashPassword(password)
	});
	for (const g of grants) {
		await db.insert(roleAssignment).values({
			userId: id,
			role: g.role,
			institutionId: g.institutionId ?? null,
			teamId: g.teamId ?? null,
			reviewId: g.reviewId ?? null
		});
	}
	return { id, email, password, actor: (await loadActor(db, id))! };
}
