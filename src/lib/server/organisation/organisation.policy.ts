import { allow, type Policy } from '../policy/policy.ts';

// Who may do what with institutions, locations, teams and learning routes. A record's
// scope is { institutionId } for an institution or location and { institutionId, teamId }
// for a team or learning route; services pass that scope, never "allowed somewhere".

/** Everyone who works at (or for) an institution may read its basic details. */
const readsInstitution = [
	allow('network_admin'),
	allow('quality_officer', 'institution'),
	allow('executive', 'institution'),
	allow('team_lead', 'institution'),
	allow('facilitator', 'institution')
];

/** The network bureau anywhere; a quality officer within their own institution. */
const managesInstitution = [allow('network_admin'), allow('quality_officer', 'institution')];

export const organisationPolicy = {
	'institution.read': readsInstitution,
	// Membership of the network is the network bureau's business.
	'institution.create': [allow('network_admin')],
	'institution.update': [allow('network_admin')],
	'institution.archive': [allow('network_admin')],
	'location.read': readsInstitution,
	'location.manage': managesInstitution,
	// Team leads and members see their own team; institution staff see every team.
	'team.read': [
		allow('network_admin'),
		allow('quality_officer', 'institution'),
		allow('executive', 'institution'),
		allow('facilitator', 'institution'),
		allow('team_lead', 'team'),
		allow('team_member', 'team')
	],
	'team.create': managesInstitution,
	'team.update': [...managesInstitution, allow('team_lead', 'team')],
	'team.archive': managesInstitution,
	// The learning routes a team delivers are part of the team's own details.
	'route.manage': [...managesInstitution, allow('team_lead', 'team')],
	'import.run': managesInstitution
} satisfies Policy<string>;

export type OrganisationAction = keyof typeof organisationPolicy;
