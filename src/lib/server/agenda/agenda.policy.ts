import { allow, type Policy } from '../policy/policy.ts';

// Who may do what with improvement actions (verbeteragenda). An action's scope is its
// subject — { institutionId, teamId } for a team, { institutionId } for the institution —
// plus `userId` = the action's owner, so the owner may always read and report progress
// on their own action (`self`), even when their role is elsewhere in the institution.

/** Like evaluations: the institution's staff and the team itself; and the owner. */
const readers = [
	allow('quality_officer', 'institution'),
	allow('executive', 'institution'),
	allow('facilitator', 'institution'),
	allow('team_lead', 'team'),
	allow('team_member', 'team'),
	allow('signed_in', 'self')
];

/** Who puts actions on the agenda and changes them: the team lead, the quality officer. */
const planners = [allow('team_lead', 'team'), allow('quality_officer', 'institution')];

export const agendaPolicy = {
	'action.read': readers,
	'action.create': planners,
	'action.update': planners,
	// Progress notes (and a status change with them): planners, the owner, the team.
	'action.add_note': [...planners, allow('team_member', 'team'), allow('signed_in', 'self')]
} satisfies Policy<string>;

export type AgendaAction = keyof typeof agendaPolicy;
