import type { AssignableRole } from '../../domain/organisation/people-input.ts';
import { allow, type Policy } from '../policy/policy.ts';

// Who may see people and hand out roles. A person is visible through the scopes of their
// role assignments: { institutionId, teamId } of each assignment, plus { userId } for
// one's own record. Assigning or revoking a role is decided on the assignment's scope.

export const peoplePolicy = {
	'person.read': [
		allow('network_admin'),
		allow('quality_officer', 'institution'),
		allow('executive', 'institution'),
		allow('team_lead', 'team'),
		allow('team_member', 'team'),
		allow('signed_in', 'self')
	],
	'person.update': [allow('network_admin'), allow('quality_officer', 'institution')],
	// Network-wide roles (network admin, a facilitator for the whole network).
	'role.assign.network': [allow('network_admin')],
	// Quality officers and executives are appointed by the network bureau.
	'role.assign.institution': [allow('network_admin')],
	'role.assign.facilitator': [allow('network_admin'), allow('quality_officer', 'institution')],
	'role.assign.team_lead': [allow('network_admin'), allow('quality_officer', 'institution')],
	// A team lead manages the members of their own team.
	'role.assign.team_member': [
		allow('network_admin'),
		allow('quality_officer', 'institution'),
		allow('team_lead', 'team')
	]
} satisfies Policy<string>;

export type PeopleAction = keyof typeof peoplePolicy;

/** The policy action that decides whether `role` may be assigned (or revoked) in a scope. */
export function assignAction(role: AssignableRole, institutionId: string | null): PeopleAction {
	switch (role) {
		case 'network_admin':
			return 'role.assign.network';
		case 'quality_officer':
		case 'executive':
			return 'role.assign.institution';
		case 'facilitator':
			return institutionId ? 'role.assign.facilitator' : 'role.assign.network';
		case 'team_lead':
			return 'role.assign.team_lead';
		case 'team_member':
			return 'role.assign.team_member';
	}
}
