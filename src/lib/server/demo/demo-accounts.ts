import type { Role } from '../../domain/roles.ts';

// The one list of demo logins: the seed creates these people, `npm start` prints them,
// the README shows them and the browser tests sign in with them. Change them here only.

/** The password of every demo account (demo data only; never in production). */
export const DEMO_PASSWORD = 'Demo-wachtwoord-2026';

/** Which demo institution a scoped account belongs to (see demo-network.ts). */
export type DemoInstitutionKey = 'A' | 'B';

/**
 * A review that does not exist yet: reviews are a later module, so the demo reviewer's
 * grant points at this fixed id, and the reviews seed can create the review under it.
 */
export const DEMO_REVIEW_ID = '00000000-0000-4000-8000-00000000d3e0';

export interface DemoAccount {
	email: string;
	name: string;
	role: Role;
	/** Network (none), an institution, a team within it, or one review. */
	institution?: DemoInstitutionKey;
	/** The team's name within its institution (team roles only). */
	team?: string;
	reviewId?: string;
	/** Where the role applies, for the printed tables. */
	scope: string;
}

const A = 'ROC Voorbeeld Midden';
const B = 'Techniek College Rivierenland';
/** The demo team of each of A and B that holds the team lead and team member. */
export const DEMO_TEAMS = { A: 'Verpleegkunde', B: 'Mechatronica' } as const;

export const demoAccounts: readonly DemoAccount[] = [
	{
		email: 'beheer@demo.kwaliteitsspiegel.nl',
		name: 'Noor de Beheerder',
		role: 'network_admin',
		scope: 'the network (netwerkbureau)'
	},
	{
		email: 'kwaliteit@roc-a.demo.kwaliteitsspiegel.nl',
		name: 'Anouk Kwaliteit',
		role: 'quality_officer',
		institution: 'A',
		scope: A
	},
	{
		email: 'kwaliteit@roc-b.demo.kwaliteitsspiegel.nl',
		name: 'Bram Kwaliteit',
		role: 'quality_officer',
		institution: 'B',
		scope: B
	},
	{
		email: 'bestuur@roc-a.demo.kwaliteitsspiegel.nl',
		name: 'Annemarie Bestuur',
		role: 'executive',
		institution: 'A',
		scope: A
	},
	{
		email: 'bestuur@roc-b.demo.kwaliteitsspiegel.nl',
		name: 'Bas Bestuur',
		role: 'executive',
		institution: 'B',
		scope: B
	},
	{
		email: 'teamleider@roc-a.demo.kwaliteitsspiegel.nl',
		name: 'Ahmed Teamleider',
		role: 'team_lead',
		institution: 'A',
		team: DEMO_TEAMS.A,
		scope: `team ${DEMO_TEAMS.A}, ${A}`
	},
	{
		email: 'teamleider@roc-b.demo.kwaliteitsspiegel.nl',
		name: 'Britt Teamleider',
		role: 'team_lead',
		institution: 'B',
		team: DEMO_TEAMS.B,
		scope: `team ${DEMO_TEAMS.B}, ${B}`
	},
	{
		email: 'docent@roc-a.demo.kwaliteitsspiegel.nl',
		name: 'Aylin Docent',
		role: 'team_member',
		institution: 'A',
		team: DEMO_TEAMS.A,
		scope: `team ${DEMO_TEAMS.A}, ${A}`
	},
	{
		email: 'docent@roc-b.demo.kwaliteitsspiegel.nl',
		name: 'Bert Docent',
		role: 'team_member',
		institution: 'B',
		team: DEMO_TEAMS.B,
		scope: `team ${DEMO_TEAMS.B}, ${B}`
	},
	{
		email: 'procesbegeleider@roc-a.demo.kwaliteitsspiegel.nl',
		name: 'Amira Procesbegeleider',
		role: 'facilitator',
		institution: 'A',
		scope: A
	},
	{
		email: 'procesbegeleider@roc-b.demo.kwaliteitsspiegel.nl',
		name: 'Bjorn Procesbegeleider',
		role: 'facilitator',
		institution: 'B',
		scope: B
	},
	{
		email: 'auditor@demo.kwaliteitsspiegel.nl',
		name: 'Ruben Auditor',
		role: 'reviewer',
		reviewId: DEMO_REVIEW_ID,
		scope: 'one review (reviews do not exist yet; the grant points at a fixed review id)'
	}
];

/** The demo account of `role` (in institution `institution`, when given). */
export function demoAccount(role: Role, institution?: DemoInstitutionKey): DemoAccount {
	const found = demoAccounts.find((a) => a.role === role && (!institution || a.institution === institution));
	if (!found) throw new Error(`no demo account for ${role}${institution ? ` in ${institution}` : ''}`);
	return found;
}

/** The demo logins as a plain-text table (for the start banner and the README). */
export function demoLoginTable(): string {
	const rows = demoAccounts.map((a) => [a.email, a.role, a.scope]);
	const header = ['e-mail', 'role', 'scope'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]!))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The demo logins as a Markdown table (README and docs/running.md; `npm run demo:logins`). */
export function demoLoginMarkdown(): string {
	return [
		'| e-mail | role | scope |',
		'|---|---|---|',
		...demoAccounts.map((a) => `| \`${a.email}\` | \`${a.role}\` | ${a.scope} |`)
	].join('\n');
}
