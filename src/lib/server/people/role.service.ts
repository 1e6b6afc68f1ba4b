import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { requireSignedIn, seesInstitution } from '../organisation/access.ts';
import { organisationPolicy } from '../organisation/organisation.policy.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { parseInput, rethrowUnique } from '../http/input.ts';
import { authorize, can, visibility, type Actor } from '../policy/policy.ts';
import {
	assignableRoleLabels,
	roleAssignmentInputSchema,
	type AssignableRole
} from '../../domain/organisation/people-input.ts';
import { assignmentScope, visiblePerson, type PersonRole } from './people.access.ts';
import { assignAction, peoplePolicy } from './people.policy.ts';
import { roleAssignment } from './people.table.ts';

export interface AssignmentScope {
	institutionId: string | null;
	teamId: string | null;
}

const fieldError = (field: string, message: string) => invalid([{ field, message }]);

/**
 * Works out and checks the scope a role is held in: network roles hold none, institution
 * roles an institution, team roles a team (whose institution is taken from the team).
 * Records the actor cannot see are reported as absent. Throws 422.
 */
export async function resolveAssignmentScope(
	db: Database | Tx,
	actor: Actor,
	role: AssignableRole,
	requested: { institutionId?: string | null; teamId?: string | null }
): Promise<AssignmentScope> {
	const label = assignableRoleLabels[role];
	const teamRole = role === 'team_lead' || role === 'team_member';
	if (!teamRole && requested.teamId) {
		throw fieldError('teamId', `de rol ${label} geldt niet voor één team; laat het team leeg`);
	}
	if (role === 'network_admin') {
		if (requested.institutionId) {
			throw fieldError(
				'institutionId',
				`de rol ${label} geldt voor het hele netwerk; laat de instelling leeg`
			);
		}
		return { institutionId: null, teamId: null };
	}
	let institutionId = requested.institutionId ?? null;
	let teamId: string | null = null;
	if (teamRole) {
		if (!requested.teamId) throw fieldError('teamId', `team is verplicht voor de rol ${label}`);
		const [row] = await db
			.select({ id: team.id, institutionId: team.institutionId, archivedAt: team.archivedAt })
			.from(team)
			.where(eq(team.id, requested.teamId));
		const visible =
			row &&
			can(actor, organisationPolicy, 'team.read', { institutionId: row.institutionId, teamId: row.id });
		if (!row || !visible || (institutionId && row.institutionId !== institutionId)) {
			throw fieldError('teamId', 'kies een team van deze instelling');
		}
		if (row.archivedAt) throw fieldError('teamId', 'dit team is gearchiveerd');
		institutionId = row.institutionId;
		teamId = row.id;
	}
	if (!institutionId) {
		if (role === 'facilitator') return { institutionId: null, teamId: null };
		throw fieldError('institutionId', `instelling is verplicht voor de rol ${label}`);
	}
	const [owner] = await db
		.select({ id: institution.id, archivedAt: institution.archivedAt })
		.from(institution)
		.where(eq(institution.id, institutionId));
	if (!owner || !seesInstitution(actor, owner.id))
		throw fieldError('institutionId', 'kies een bestaande instelling');
	if (owner.archivedAt)
		throw conflict('Deze instelling is gearchiveerd; er kan niets meer aan worden gewijzigd.');
	return { institutionId, teamId };
}

/**
 * Refuses (403) before looking anything up when no scope at all would let the actor
 * assign this role, so that people without the right learn nothing from the checks.
 */
export function assertMayAssignSomewhere(
	actor: Actor,
	role: AssignableRole,
	institutionId: string | null
): void {
	const vis = visibility(actor, peoplePolicy, assignAction(role, institutionId));
	if (!vis.all && vis.institutionIds.length === 0 && vis.teamIds.length === 0) throw forbidden();
}

/** Inserts one role assignment with its audit record; call inside a transaction. Throws 422 when held already. */
export async function insertAssignment(
	tx: Tx,
	actor: Actor,
	personId: string,
	role: AssignableRole,
	scope: AssignmentScope
): Promise<string> {
	try {
		const [row] = await tx
			.insert(roleAssignment)
			.values({ userId: personId, role, ...scope, createdBy: actor.userId })
			.returning({ id: roleAssignment.id });
		await recordAudit(tx, actor, {
			action: 'role.assigned',
			entityType: 'person',
			entityId: personId,
			institutionId: scope.institutionId,
			details: { assignmentId: row!.id, role, teamId: scope.teamId }
		});
		return row!.id;
	} catch (error) {
		rethrowUnique(error, {
			role_assignment_unique: {
				field: 'role',
				message: `deze persoon heeft de rol ${assignableRoleLabels[role]} hier al`
			}
		});
	}
}

/** The roles of a person that the actor may see. Throws 404. */
export async function listRoles(db: Database, actor: Actor | null, personId: string): Promise<PersonRole[]> {
	return (await visiblePerson(db, actor, personId)).roles;
}

/**
 * Gives a person a role in a scope. The decision uses that scope: e.g. a quality officer
 * may make someone team lead of a team of their own institution only.
 * Throws 404 (person not visible), 403, 409, 422 (bad scope, role held already).
 */
export async function assignRole(
	db: Database,
	actor: Actor | null,
	personId: string,
	input: unknown
): Promise<PersonRole> {
	const who = requireSignedIn(actor);
	const person = await visiblePerson(db, who, personId);
	const data = parseInput(roleAssignmentInputSchema, input);
	assertMayAssignSomewhere(who, data.role, data.institutionId ?? null);
	const scope = await resolveAssignmentScope(db, who, data.role, data);
	authorize(who, peoplePolicy, assignAction(data.role, scope.institutionId), scope);
	if (person.archivedAt) throw conflict('Deze persoon is gearchiveerd.');
	const id = await db.transaction((tx) => insertAssignment(tx, who, person.id, data.role, scope));
	const roles = (await visiblePerson(db, who, personId)).roles;
	return roles.find((r) => r.id === id)!;
}

/**
 * Takes a role away. Decided on the assignment's own scope; the removal is audited.
 * Throws 404 (not visible), 403, 409 (the network's last admin).
 */
export async function revokeRole(db: Database, actor: Actor | null, personId: string, assignmentId: string) {
	const person = await visiblePerson(db, actor, personId);
	const assignment = person.roles.find((r) => r.id === assignmentId);
	if (!assignment) throw notFound('De rol');
	// Reviewers are appointed and released by their review, not here.
	if (assignment.role === 'reviewer') throw forbidden();
	const scope = assignmentScope({ ...assignment, userId: person.id });
	authorize(actor, peoplePolicy, assignAction(assignment.role, assignment.institutionId), scope);
	await db.transaction(async (tx) => {
		if (assignment.role === 'network_admin') {
			const [admins] = await tx
				.select({ n: count() })
				.from(roleAssignment)
				.where(eq(roleAssignment.role, 'network_admin'));
			if ((admins?.n ?? 0) <= 1) throw conflict('De laatste netwerkbeheerder kan zijn rol niet verliezen.');
		}
		await tx
			.delete(roleAssignment)
			.where(and(eq(roleAssignment.id, assignment.id), eq(roleAssignment.userId, person.id)));
		await recordAudit(tx, actor, {
			action: 'role.revoked',
			entityType: 'person',
			entityId: person.id,
			institutionId: assignment.institutionId,
			details: { assignmentId: assignment.id, role: assignment.role, teamId: assignment.teamId }
		});
	});
}

/** The roles the actor may hand out in an institution (and, for team roles, in one team). */
export function assignableRolesIn(
	actor: Actor | null,
	institutionId: string,
	teamId: string | null = null
): AssignableRole[] {
	const candidates: AssignableRole[] = teamId
		? ['team_lead', 'team_member']
		: ['quality_officer', 'executive', 'facilitator', 'team_lead', 'team_member'];
	return candidates.filter((role) =>
		can(actor, peoplePolicy, assignAction(role, institutionId), {
			institutionId,
			teamId: role === 'team_lead' || role === 'team_member' ? teamId : null
		})
	);
}

/** Whether the actor may take this role away (the same rule as handing it out, on its scope). */
export function mayRevoke(actor: Actor | null, role: PersonRole): boolean {
	if (role.role === 'reviewer') return false;
	return can(actor, peoplePolicy, assignAction(role.role, role.institutionId), {
		institutionId: role.institutionId,
		teamId: role.teamId
	});
}
