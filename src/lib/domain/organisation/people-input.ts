import { z } from 'zod';
import { optionalText, requiredEmail, requiredText } from './codes.ts';
import { roleLabels } from './role-names.ts';

// Input schemas for people, role assignments and the team form (which picks a location
// by id, where the import names it). Messages are Dutch and name the field.

/** Roles handed out through the organisation screens and API; reviewers belong to a review. */
export const assignableRoles = [
	'network_admin',
	'quality_officer',
	'executive',
	'team_lead',
	'team_member',
	'facilitator'
] as const;
export type AssignableRole = (typeof assignableRoles)[number];

/** Roles held within one team: they need a team of the institution. */
export const teamScopedRoles: readonly AssignableRole[] = ['team_lead', 'team_member'];

/** Dutch role names for messages (the interface itself uses the message catalogue). */
export const assignableRoleLabels: Record<AssignableRole, string> = {
	...roleLabels,
	network_admin: 'netwerkbeheerder'
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An optional id chosen in a form (a select); blank or null means none. */
export function optionalId(label: string) {
	return z.preprocess(
		(input: unknown) =>
			input === null || (typeof input === 'string' && input.trim() === '') ? undefined : input,
		z
			.string({ error: `kies een geldige ${label}` })
			.trim()
			.regex(uuidPattern, { error: `kies een geldige ${label}` })
			.toLowerCase()
			.optional()
	);
}

export const roleSchema = z.enum(assignableRoles, {
	error: (issue) =>
		issue.input === undefined || issue.input === ''
			? 'rol is verplicht'
			: `rol '${String(issue.input)}' is onbekend; kies ${Object.values(assignableRoleLabels).join(', ')}`
});

/** A role to assign: the scope columns that apply depend on the role. */
export const roleAssignmentInputSchema = z.object({
	role: roleSchema,
	institutionId: optionalId('instelling'),
	teamId: optionalId('team')
});
export type RoleAssignmentInput = z.output<typeof roleAssignmentInputSchema>;

export const personInputSchema = z.object({
	name: requiredText('naam', 2, 200),
	email: requiredEmail('e-mailadres')
});
export type PersonInput = z.output<typeof personInputSchema>;

/** Adds a person to an institution with a first role (or gives an existing person a role). */
export const addPersonInputSchema = personInputSchema.extend({
	role: roleSchema,
	teamId: optionalId('team')
});
export type AddPersonInput = z.output<typeof addPersonInputSchema>;

/** The team form: the location is chosen from the institution's locations. */
export const teamFormSchema = z.object({
	name: requiredText('teamnaam', 2, 200),
	locationId: optionalId('locatie'),
	sectorDomain: optionalText('sector/domein', 200)
});
export type TeamFormInput = z.output<typeof teamFormSchema>;
