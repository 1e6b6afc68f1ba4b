import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { roleAssignment } from '../people/people.table.ts';
import { user } from './auth.table.ts';
import type { Actor } from '../policy/policy.ts';

export type { Actor } from '../policy/policy.ts';

/** Builds the actor for a signed-in user: who they are and every role they hold. */
export async function loadActor(db: Database, userId: string): Promise<Actor | null> {
	const [person] = await db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.where(and(eq(user.id, userId), isNull(user.archivedAt)));
	if (!person) return null;
	const grants = await db
		.select({
			role: roleAssignment.role,
			institutionId: roleAssignment.institutionId,
			teamId: roleAssignment.teamId,
			reviewId: roleAssignment.reviewId
		})
		.from(roleAssignment)
		.where(eq(roleAssignment.userId, userId));
	return { userId: person.id, name: person.name, email: person.email, grants };
}
