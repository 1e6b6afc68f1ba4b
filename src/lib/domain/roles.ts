/** The roles a person can hold (DESIGN.md §1); the scope comes with each assignment. */
export const roles = [
	'network_admin',
	'quality_officer',
	'executive',
	'team_lead',
	'team_member',
	'facilitator',
	'reviewer'
] as const;
export type Role = (typeof roles)[number];
