import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, exists, ilike, isNull, or } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import { user } from '../auth/auth.table.ts';
import type { Database } from '../db/database.ts';
import { conflict, invalid } from '../http/errors.ts';
import { likePattern, visibleInstitution } from '../organisation/access.ts';
import type { ListOptions, Page } from '../organisation/institution.service.ts';
import { parseInput, requireId, rethrowUnique } from '../http/input.ts';
import { authorize, type Actor } from '../policy/policy.ts';
import { addPersonInputSchema, type AssignableRole } from '../../domain/organisation/people-input.ts';
import {
	personColumns,
	rolesOf,
	visibleAssignments,
	visiblePerson,
	type PersonRole,
	type PersonRow
} from './people.access.ts';
import { assignAction, peoplePolicy } from './people.policy.ts';
import { roleAssignment } from './people.table.ts';
import { assertMayAssignSomewhere, insertAssignment, resolveAssignmentScope } from './role.service.ts';

export type PersonListItem = PersonRow & { roles: PersonRole[] };

export interface PeopleListOptions extends ListOptions {
	teamId?: string;
	role?: AssignableRole;
}

/**
 * People with a role in an institution that the actor may see, by name, each with the
 * roles in that institution the actor may see. A team member sees their team mates.
 */
export async function listPeople(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	options: PeopleListOptions
): Promise<Page<PersonListItem>> {
	const owner = await visibleInstitution(db, actor, institutionId);
	const visibleHere = and(eq(roleAssignment.institutionId, owner.id), visibleAssignments(actor!));
	const matching = and(
		visibleHere,
		options.teamId ? eq(roleAssignment.teamId, requireId(options.teamId, 'Het team')) : undefined,
		options.role ? eq(roleAssignment.role, options.role) : undefined
	);
	const q = options.q?.trim();
	const where = and(
		exists(
			db
				.select({ one: roleAssignment.id })
				.from(roleAssignment)
				.where(and(eq(roleAssignment.userId, user.id), matching))
		),
		options.includeArchived ? undefined : isNull(user.archivedAt),
		q ? or(ilike(user.name, likePattern(q)), ilike(user.email, likePattern(q))) : undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select(personColumns)
			.from(user)
			.where(where)
			.orderBy(asc(user.name), asc(user.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(user).where(where)
	]);
	const roles = await rolesOf(
		db,
		rows.map((r) => r.id),
		visibleHere
	);
	return {
		items: rows.map((r) => ({
			...r,
			roles: roles.filter((role) => role.userId === r.id).map(({ userId: _userId, ...role }) => role)
		})),
		page: options.page,
		pageSize: options.pageSize,
		total: total?.n ?? 0
	};
}

/** One person with the roles the actor may see; 404 for people the actor may not see. */
export const getPerson = (db: Database, actor: Actor | null, personId: string) =>
	visiblePerson(db, actor, personId);

export interface AddPersonResult {
	person: PersonRow;
	created: boolean;
	assignmentId: string;
}

/**
 * Adds a person to an institution with a role. An e-mail address identifies a person:
 * a new address makes a new account (no password: they sign in by magic link or SSO),
 * a known one gives that person the role (their name stays as it is).
 * Throws 404 (institution), 403, 409 (archived), 422 (bad input, role held already).
 */
export async function addPerson(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	input: unknown
): Promise<AddPersonResult> {
	const owner = await visibleInstitution(db, actor, institutionId);
	const who = actor!;
	const data = parseInput(addPersonInputSchema, input);
	assertMayAssignSomewhere(who, data.role, owner.id);
	if (data.role === 'network_admin') {
		throw invalid([{ field: 'role', message: 'netwerkbeheerders worden niet per instelling toegevoegd' }]);
	}
	const scope = await resolveAssignmentScope(db, who, data.role, {
		institutionId: owner.id,
		teamId: data.teamId
	});
	authorize(who, peoplePolicy, assignAction(data.role, scope.institutionId), scope);
	try {
		return await db.transaction(async (tx) => {
			const [existing] = await tx.select(personColumns).from(user).where(eq(user.email, data.email));
			if (existing?.archivedAt) {
				throw conflict(
					'Het account met dit e-mailadres is gearchiveerd; vraag het netwerkbureau het te herstellen.'
				);
			}
			let person = existing;
			if (!person) {
				[person] = await tx
					.insert(user)
					.values({ id: randomUUID(), name: data.name, email: data.email, emailVerified: false })
					.returning({
						id: user.id,
						name: user.name,
						email: user.email,
						archivedAt: user.archivedAt,
						createdAt: user.createdAt
					});
				await recordAudit(tx, who, {
					action: 'person.created',
					entityType: 'person',
					entityId: person!.id,
					institutionId: owner.id,
					details: { name: data.name, email: data.email }
				});
			}
			const assignmentId = await insertAssignment(tx, who, person!.id, data.role, scope);
			return { person: person!, created: !existing, assignmentId };
		});
	} catch (error) {
		// Someone else added the same address a moment ago.
		rethrowUnique(error, {
			user_email_unique: {
				field: 'email',
				message: `e-mailadres ${data.email} is zojuist al toegevoegd; probeer het opnieuw`
			}
		});
	}
}
