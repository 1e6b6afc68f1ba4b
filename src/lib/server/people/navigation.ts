import type { Actor, Role } from '../policy/policy.ts';

export interface ActorSummary {
	name: string;
	email: string;
	roles: Role[];
	isNetworkAdmin: boolean;
	institutionIds: string[];
}

/** What the page chrome needs to know about the person (no ids of other scopes). */
export function summariseActor(actor: Actor | null): ActorSummary | null {
	if (!actor) return null;
	const roles = [...new Set(actor.grants.map((g) => g.role))];
	return {
		name: actor.name,
		email: actor.email,
		roles,
		isNetworkAdmin: roles.includes('network_admin'),
		institutionIds: [...new Set(actor.grants.map((g) => g.institutionId).filter((id): id is string => !!id))]
	};
}
