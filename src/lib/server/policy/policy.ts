import { forbidden, unauthenticated } from '../http/errors.ts';

import type { Role } from '../../domain/roles.ts';

export { roles, type Role } from '../../domain/roles.ts';

/** One role held in one scope (columns not set are null). */
export interface Grant {
	role: Role;
	institutionId: string | null;
	teamId: string | null;
	reviewId: string | null;
}

/** The person acting, as every service receives it first. */
export interface Actor {
	userId: string;
	name: string;
	email: string;
	grants: Grant[];
}

/** Where a record lives; a decision about a record uses its own scope. */
export interface Scope {
	institutionId?: string | null;
	teamId?: string | null;
	reviewId?: string | null;
	userId?: string | null;
}

/**
 * How a grant must relate to the record: `anywhere` (holding the role is enough),
 * `institution` (same institution), `team` (same team), `review` (same review),
 * `self` (the record is the actor's own).
 */
export type Reach = 'anywhere' | 'institution' | 'team' | 'review' | 'self';

export interface Rule {
	role: Role | 'signed_in';
	reach: Reach;
}

export type Policy<A extends string> = Record<A, Rule[]>;

/** Declares that `role` may do an action on records within `reach`. */
export const allow = (role: Role | 'signed_in', reach: Reach = 'anywhere'): Rule => ({ role, reach });

function grantReaches(grant: Grant | null, actor: Actor, reach: Reach, scope: Scope): boolean {
	switch (reach) {
		case 'anywhere':
			return true;
		case 'institution':
			return !!grant?.institutionId && grant.institutionId === scope.institutionId;
		case 'team':
			return !!grant?.teamId && grant.teamId === scope.teamId;
		case 'review':
			return !!grant?.reviewId && grant.reviewId === scope.reviewId;
		case 'self':
			return !!scope.userId && scope.userId === actor.userId;
	}
}

/** True when some rule of the action admits the actor for this scope. */
export function can<A extends string>(
	actor: Actor | null,
	policy: Policy<A>,
	action: A,
	scope: Scope = {}
): boolean {
	if (!actor) return false;
	return policy[action].some((rule) =>
		rule.role === 'signed_in'
			? grantReaches(null, actor, rule.reach, scope)
			: actor.grants.some((g) => g.role === rule.role && grantReaches(g, actor, rule.reach, scope))
	);
}

/** Throws 401 for nobody and 403 for a person the policy does not admit. */
export function authorize<A extends string>(
	actor: Actor | null,
	policy: Policy<A>,
	action: A,
	scope: Scope = {}
): asserts actor is Actor {
	if (!actor) throw unauthenticated();
	if (!can(actor, policy, action, scope)) throw forbidden();
}

/** What an actor may list: everything, or only records in these institutions/teams. */
export interface Visibility {
	all: boolean;
	institutionIds: string[];
	teamIds: string[];
}

/** The filter a list query applies so that it returns exactly what `can` allows. */
export function visibility<A extends string>(actor: Actor | null, policy: Policy<A>, action: A): Visibility {
	const result: Visibility = { all: false, institutionIds: [], teamIds: [] };
	if (!actor) return result;
	for (const rule of policy[action]) {
		const grants = rule.role === 'signed_in' ? [null] : actor.grants.filter((g) => g.role === rule.role);
		for (const g of grants) {
			if (rule.reach === 'anywhere') result.all = true;
			else if (rule.reach === 'institution' && g?.institutionId) result.institutionIds.push(g.institutionId);
			else if (rule.reach === 'team' && g?.teamId) result.teamIds.push(g.teamId);
		}
	}
	return result;
}
