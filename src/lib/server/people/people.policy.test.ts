import { describe, expect, it } from 'vitest';
import { can, type Role } from '../policy/policy.ts';
import { roleActor } from '../testing/actors.ts';
import { assignAction, peoplePolicy } from './people.policy.ts';
import { assignableRoles, type AssignableRole } from '../../domain/organisation/people-input.ts';

// Who may hand out which role where: each actor role (in institution A, team A1) against
// assignments in its own team, another team of A, the institution itself, and institution B.

const A = 'inst-a';
const B = 'inst-b';

const actor = (role: Role) => roleActor(role, { institutionId: A, teamId: 'a1' });

function where(role: AssignableRole) {
	if (role === 'network_admin') return { network: { institutionId: null, teamId: null } };
	if (role === 'team_lead' || role === 'team_member') {
		return {
			ownTeam: { institutionId: A, teamId: 'a1' },
			otherTeam: { institutionId: A, teamId: 'a2' },
			otherInstitution: { institutionId: B, teamId: 'b1' }
		};
	}
	return {
		ownInstitution: { institutionId: A, teamId: null },
		otherInstitution: { institutionId: B, teamId: null }
	};
}

/** What each acting role may assign, as "role@place". */
const expected: Record<Role, string[]> = {
	network_admin: assignableRoles.flatMap((r) => Object.keys(where(r)).map((w) => `${r}@${w}`)),
	quality_officer: [
		'team_lead@ownTeam',
		'team_lead@otherTeam',
		'team_member@ownTeam',
		'team_member@otherTeam',
		'facilitator@ownInstitution'
	],
	team_lead: ['team_member@ownTeam'],
	executive: [],
	team_member: [],
	facilitator: [],
	reviewer: []
};

describe('role assignment matrix', () => {
	for (const [acting, allowed] of Object.entries(expected) as [Role, string[]][]) {
		it(acting, () => {
			const got = assignableRoles.flatMap((role) =>
				Object.entries(where(role))
					.filter(([, scope]) =>
						can(actor(acting), peoplePolicy, assignAction(role, scope.institutionId), scope)
					)
					.map(([place]) => `${role}@${place}`)
			);
			expect(got.sort()).toEqual([...allowed].sort());
		});
	}

	it('lets people see their own record, and team members their team', () => {
		const member = actor('team_member');
		expect(can(member, peoplePolicy, 'person.read', { userId: member.userId })).toBe(true);
		expect(can(member, peoplePolicy, 'person.read', { institutionId: A, teamId: 'a1', userId: 'x' })).toBe(
			true
		);
		expect(can(member, peoplePolicy, 'person.read', { institutionId: A, teamId: 'a2', userId: 'x' })).toBe(
			false
		);
		expect(
			can(actor('executive'), peoplePolicy, 'person.read', { institutionId: B, teamId: null, userId: 'x' })
		).toBe(false);
	});
});
