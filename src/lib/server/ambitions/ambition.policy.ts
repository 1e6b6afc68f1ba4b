import { allow, type Policy } from '../policy/policy.ts';

// Who may read and set ambitions. A team ambition's scope is { institutionId, teamId };
// an institution ambition's is { institutionId } (team grants then never match the
// `team` reach, so they are given `institution` reach for reading on purpose).
// The network bureau sees no unpublished work of an institution (DESIGN.md §1).

export const ambitionPolicy = {
	// The team itself and the institution's staff.
	'ambition.read_team': [
		allow('quality_officer', 'institution'),
		allow('executive', 'institution'),
		allow('facilitator', 'institution'),
		allow('team_lead', 'team'),
		allow('team_member', 'team')
	],
	'ambition.set_team': [allow('team_lead', 'team'), allow('quality_officer', 'institution')],
	// An institution's ambition is meant to be known by everyone who works there.
	'ambition.read_institution': [
		allow('quality_officer', 'institution'),
		allow('executive', 'institution'),
		allow('facilitator', 'institution'),
		allow('team_lead', 'institution'),
		allow('team_member', 'institution')
	],
	'ambition.set_institution': [allow('quality_officer', 'institution'), allow('executive', 'institution')]
} satisfies Policy<string>;

export type AmbitionAction = keyof typeof ambitionPolicy;
