import type { Actor, Role } from '../policy/policy.ts';

/**
 * An actor holding one role, for policy tests that need no database. The role is held in
 * `scope.institutionId` (network admins hold it everywhere), team roles also in
 * `scope.teamId`, a reviewer's in `scope.reviewId`.
 */
export function roleActor(
	role: Role,
	scope: { institutionId: string; teamId: string; reviewId?: string }
): Actor {
	const team = role === 'team_lead' || role === 'team_member';
	return {
		userId: `u-${role}`,
		name: role,
		email: `${role}@example.test`,
		grants: [
			{
				role,
				institutionId: role === 'network_admin' ? null : scope.institutionId,
				teamId: team ? scope.teamId : null,
				reviewId: role === 'reviewer' ? (scope.reviewId ?? null) : null
			}
		]
	};
}
