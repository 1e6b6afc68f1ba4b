import { allow, type Policy } from '../policy/policy.ts';

// Who may see which dashboard. A team dashboard shows the team's own evaluations, so it
// follows evaluation.read: the team itself and the staff of its institution. The network
// bureau sees no unpublished work of an institution (DESIGN.md §1), so it gets the
// anonymised network view and nothing below it. The network view is for everyone
// signed in: it names no one that did not publish and ranks no one.

export const dashboardPolicy = {
	'dashboard.team': [
		allow('quality_officer', 'institution'),
		allow('executive', 'institution'),
		allow('facilitator', 'institution'),
		allow('team_lead', 'team'),
		allow('team_member', 'team')
	],
	'dashboard.institution': [
		allow('quality_officer', 'institution'),
		allow('executive', 'institution'),
		allow('facilitator', 'institution')
	],
	'dashboard.network': [allow('signed_in')]
} satisfies Policy<string>;

export type DashboardAction = keyof typeof dashboardPolicy;
