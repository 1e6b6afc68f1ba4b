import { count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../testing/database.ts';
import { buildInstitution, buildPerson, buildTeam, type BuiltPerson } from '../testing/factories.ts';

// Test fixtures shared by the organisation and people tests: two institutions with two
// teams each, and one person per role, so that every test can ask "and from the other
// institution?" without building its own world.

export async function buildWorld(db: Database) {
	const a = await buildInstitution(db, { name: 'ROC Alfa' });
	const b = await buildInstitution(db, { name: 'ROC Beta' });
	const a1 = await buildTeam(db, a.id, { name: 'Zorg A' });
	const a2 = await buildTeam(db, a.id, { name: 'Techniek A' });
	const b1 = await buildTeam(db, b.id, { name: 'Zorg B' });
	const b2 = await buildTeam(db, b.id, { name: 'ICT B' });
	const people = {
		admin: await buildPerson(db, [{ role: 'network_admin' }], { name: 'Beheerder Netwerk' }),
		qoA: await buildPerson(db, [{ role: 'quality_officer', institutionId: a.id }], {
			name: 'Kwaliteit Alfa'
		}),
		execA: await buildPerson(db, [{ role: 'executive', institutionId: a.id }], { name: 'Bestuur Alfa' }),
		facA: await buildPerson(db, [{ role: 'facilitator', institutionId: a.id }], { name: 'Begeleider Alfa' }),
		leadA1: await buildPerson(db, [{ role: 'team_lead', institutionId: a.id, teamId: a1.id }], {
			name: 'Leider Zorg A'
		}),
		memberA1: await buildPerson(db, [{ role: 'team_member', institutionId: a.id, teamId: a1.id }], {
			name: 'Lid Zorg A'
		}),
		memberA2: await buildPerson(db, [{ role: 'team_member', institutionId: a.id, teamId: a2.id }], {
			name: 'Lid Techniek A'
		}),
		qoB: await buildPerson(db, [{ role: 'quality_officer', institutionId: b.id }], {
			name: 'Kwaliteit Beta'
		}),
		memberB1: await buildPerson(db, [{ role: 'team_member', institutionId: b.id, teamId: b1.id }], {
			name: 'Lid Zorg B'
		}),
		nobody: await buildPerson(db, [], { name: 'Zonder Rol' })
	} satisfies Record<string, BuiltPerson>;
	return { a, b, a1, a2, b1, b2, people };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type PersonKey = keyof World['people'];

/**
 * A test file's own database with the world in it: created before the file's first test,
 * closed after its last. Call it at the top level of the file. `world` is filled in place
 * (in beforeAll), so tests can read `world.a` as if it were a plain constant.
 */
export function useWorld(): { db: () => Connection['db']; world: World } {
	let connection: Connection | undefined;
	const world = {} as World;
	beforeAll(async () => {
		connection = await createTestDatabase();
		Object.assign(world, await buildWorld(connection.db));
	});
	afterAll(() => connection?.close());
	return { db: () => connection!.db, world };
}

/** Rows in a table (optionally matching `where`), to prove that nothing was written. */
export async function countRows(db: Database, table: PgTable, where?: SQL): Promise<number> {
	const [row] = await db.select({ n: count() }).from(table).where(where);
	return row?.n ?? 0;
}

/** Runs a promise that must fail; returns the error for assertions. */
export async function failure(
	promise: Promise<unknown>
): Promise<{ status: number; message: string; fieldErrors: { field: string; message: string }[] }> {
	try {
		await promise;
	} catch (error) {
		return error as never;
	}
	throw new Error('expected the call to fail');
}
