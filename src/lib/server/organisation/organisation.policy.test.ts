import { describe, expect, it } from 'vitest';
import { can, type Role } from '../policy/policy.ts';
import { roleActor } from '../testing/actors.ts';
import { organisationPolicy, type OrganisationAction } from './organisation.policy.ts';

// The authorization matrix: each role, held in institution A (and team A1 for team
// roles), against records of its own team, another team of A, and institution B.

const A = 'inst-a';
const B = 'inst-b';
const A1 = 'team-a1';
const A2 = 'team-a2';

const actor = (role: Role) => roleActor(role, { institutionId: A, teamId: A1, reviewId: 'review-1' });

const scopes = {
	ownTeam: { institutionId: A, teamId: A1 },
	otherTeam: { institutionId: A, teamId: A2 },
	otherInstitution: { institutionId: B, teamId: 'team-b1' }
};

type Row = Record<keyof typeof scopes, boolean>;
const yes: Row = { ownTeam: true, otherTeam: true, otherInstitution: false };
const all: Row = { ownTeam: true, otherTeam: true, otherInstitution: true };
const no: Row = { ownTeam: false, otherTeam: false, otherInstitution: false };
const team: Row = { ownTeam: true, otherTeam: false, otherInstitution: false };

const expected: Record<OrganisationAction, Partial<Record<Role, Row>>> = {
	'institution.read': {
		network_admin: all,
		quality_officer: yes,
		executive: yes,
		team_lead: yes,
		facilitator: yes
	},
	'institution.create': { network_admin: all },
	'institution.update': { network_admin: all },
	'institution.archive': { network_admin: all },
	'location.read': {
		network_admin: all,
		quality_officer: yes,
		executive: yes,
		team_lead: yes,
		facilitator: yes
	},
	'location.manage': { network_admin: all, quality_officer: yes },
	'team.read': {
		network_admin: all,
		quality_officer: yes,
		executive: yes,
		facilitator: yes,
		team_lead: team,
		team_member: team
	},
	'team.create': { network_admin: all, quality_officer: yes },
	'team.update': { network_admin: all, quality_officer: yes, team_lead: team },
	'team.archive': { network_admin: all, quality_officer: yes },
	'route.manage': { network_admin: all, quality_officer: yes, team_lead: team },
	'import.run': { network_admin: all, quality_officer: yes }
};

const roles: Role[] = [
	'network_admin',
	'quality_officer',
	'executive',
	'team_lead',
	'team_member',
	'facilitator',
	'reviewer'
];

describe('organisation policy matrix', () => {
	for (const [action, byRole] of Object.entries(expected) as [
		OrganisationAction,
		Partial<Record<Role, Row>>
	][]) {
		it(action, () => {
			for (const role of roles) {
				const got = Object.fromEntries(
					Object.entries(scopes).map(([name, scope]) => [
						name,
						can(actor(role), organisationPolicy, action, scope)
					])
				);
				expect(got, `${role} ${action}`).toEqual(byRole[role] ?? no);
			}
		});
	}

	it('admits nobody who is not signed in', () => {
		expect(can(null, organisationPolicy, 'institution.read', scopes.ownTeam)).toBe(false);
	});
});
