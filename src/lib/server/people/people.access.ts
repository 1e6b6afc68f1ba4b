import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { user } from '../auth/auth.table.ts';
import type { Database, Tx } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { scopeFilter, requireSignedIn } from '../organisation/access.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { can, visibility, type Actor } from '../policy/policy.ts';
import { peoplePolicy } from './people.policy.ts';
import { roleAssignment } from './people.table.ts';

/**
 * The role assignments the actor may see: all (network admins), those in a visible
 * institution or team, and the actor's own — the SQL twin of `can(…'person.read', scope)`.
 */
export function visibleAssignments(actor: Actor): SQL | undefined {
	const vis = visibility(actor, peoplePolicy, 'person.read');
	if (vis.all) return undefined;
	return or(
		scopeFilter(vis, { institutionId: roleAssignment.institutionId, teamId: roleAssignment.teamId }),
		eq(roleAssignment.userId, actor.userId)
	);
}

/** The scope a decision about one role assignment uses. */
export const assignmentScope = (a: {
	userId: string;
	institutionId: string | null;
	teamId: string | null;
}) => ({
	institutionId: a.institutionId,
	teamId: a.teamId,
	userId: a.userId
});

// better-auth makes its own ids (not uuids): letters, digits, - and _.
const personIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

export interface PersonRole {
	id: string;
	role: (typeof roleAssignment.$inferSelect)['role'];
	institutionId: string | null;
	institutionName: string | null;
	teamId: string | null;
	teamName: string | null;
	createdAt: Date;
}

/** Every role of a person, with the names of their institution and team. */
export async function rolesOf(
	db: Database | Tx,
	userIds: string[],
	where?: SQL
): Promise<(PersonRole & { userId: string })[]> {
	if (userIds.length === 0) return [];
	return db
		.select({
			id: roleAssignment.id,
			userId: roleAssignment.userId,
			role: roleAssignment.role,
			institutionId: roleAssignment.institutionId,
			institutionName: institution.name,
			teamId: roleAssignment.teamId,
			teamName: team.name,
			createdAt: roleAssignment.createdAt
		})
		.from(roleAssignment)
		.leftJoin(institution, eq(institution.id, roleAssignment.institutionId))
		.leftJoin(team, eq(team.id, roleAssignment.teamId))
		.where(and(inArray(roleAssignment.userId, userIds), where))
		.orderBy(asc(institution.name), asc(roleAssignment.role), asc(team.name));
}

export type PersonRow = Pick<typeof user.$inferSelect, 'id' | 'name' | 'email' | 'archivedAt' | 'createdAt'>;

/** The columns of a PersonRow, for every query that loads people. */
export const personColumns = {
	id: user.id,
	name: user.name,
	email: user.email,
	archivedAt: user.archivedAt,
	createdAt: user.createdAt
};

/**
 * Loads a person the actor may see — themselves, or someone with a role in a scope the
 * actor may read — with the roles the actor may see. Anyone else is a 404.
 */
export async function visiblePerson(db: Database | Tx, actor: Actor | null, id: string) {
	const who = requireSignedIn(actor);
	if (!personIdPattern.test(id)) throw notFound('De persoon');
	const [person] = await db.select(personColumns).from(user).where(eq(user.id, id));
	if (!person) throw notFound('De persoon');
	const roles = (await rolesOf(db, [person.id])).filter((r) =>
		can(who, peoplePolicy, 'person.read', assignmentScope(r))
	);
	const visible = roles.length > 0 || can(who, peoplePolicy, 'person.read', { userId: person.id });
	if (!visible) throw notFound('De persoon');
	return { ...person, roles: roles.map(({ userId: _userId, ...r }) => r) };
}
