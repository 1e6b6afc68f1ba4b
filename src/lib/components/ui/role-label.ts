import { m } from '#lib/paraglide/messages.js';
import type { Role } from '#lib/domain/roles.ts';

const labels: Record<Role, () => string> = {
	network_admin: m.role_network_admin,
	quality_officer: m.role_quality_officer,
	executive: m.role_executive,
	team_lead: m.role_team_lead,
	team_member: m.role_team_member,
	facilitator: m.role_facilitator,
	reviewer: m.role_reviewer
};

/** The role's name in the interface language. */
export const roleLabel = (role: Role): string => labels[role]();
