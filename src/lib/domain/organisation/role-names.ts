// Role names as people write them in an import file. The code names match the `role`
// enum of the people module; only the institution's own roles can be imported —
// network admins and reviewers are appointed by the network, not by a spreadsheet.

export const importableRoles = [
	'team_lead',
	'team_member',
	'quality_officer',
	'executive',
	'facilitator'
] as const;
export type ImportableRole = (typeof importableRoles)[number];

/** Roles that only exist within a team, so an import row needs a team for them. */
export const teamRoles: readonly ImportableRole[] = ['team_lead', 'team_member'];

/** The Dutch name of each importable role, as used in messages. */
export const roleLabels: Record<ImportableRole, string> = {
	team_lead: 'teamleider',
	team_member: 'teamlid',
	quality_officer: 'kwaliteitszorgmedewerker',
	executive: 'bestuurder',
	facilitator: 'procesbegeleider'
};

// Keys are compacted (lowercase, without spaces, hyphens, underscores), so "Team lid",
// "team-lid" and "team_member" all match.
const roleByName = new Map<string, ImportableRole>(
	Object.entries({
		teamleider: 'team_lead',
		teamlead: 'team_lead',
		teamlid: 'team_member',
		docent: 'team_member',
		teammember: 'team_member',
		kwaliteitszorgmedewerker: 'quality_officer',
		kwaliteitsmedewerker: 'quality_officer',
		qualityofficer: 'quality_officer',
		bestuurder: 'executive',
		directeur: 'executive',
		executive: 'executive',
		procesbegeleider: 'facilitator',
		facilitator: 'facilitator'
	} satisfies Record<string, ImportableRole>)
);

const notImportable = new Set(['networkadmin', 'netwerkbureau', 'reviewer', 'auditor']);

function compact(name: string): string {
	return name
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, '');
}

export type RoleNameResult = { ok: true; role: ImportableRole } | { ok: false; error: string };

/** Reads a role name (Dutch or code name, any case) from an import file. */
export function parseRoleName(input: string): RoleNameResult {
	const key = compact(input);
	if (key === '') return { ok: false, error: 'rol is verplicht' };
	const role = roleByName.get(key);
	if (role !== undefined) return { ok: true, role };
	if (notImportable.has(key)) {
		return { ok: false, error: `rol '${input.trim()}' kan niet via een import worden toegekend` };
	}
	return {
		ok: false,
		error: `rol '${input.trim()}' is onbekend; kies teamleider, teamlid, kwaliteitszorgmedewerker, bestuurder of procesbegeleider`
	};
}
