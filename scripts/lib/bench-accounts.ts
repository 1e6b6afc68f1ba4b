// The known accounts of a sector made by `npm run seed:scale`, shared with the benchmark.
// Every generated person has this password: the data is synthetic, never production.

/** The password of every account that seed:scale creates. */
export const BENCH_PASSWORD = 'Bench-wachtwoord-2026';

export const BENCH_DOMAIN = 'bench.kwaliteitsspiegel.nl';

/** E-mail of the quality officer of institution n (1-based), as seed:scale names them. */
export const qualityOfficerEmail = (n: number) => `kwaliteit-${String(n).padStart(3, '0')}@${BENCH_DOMAIN}`;
/** E-mail of the executive (bestuur) of institution n. */
export const executiveEmail = (n: number) => `bestuur-${String(n).padStart(3, '0')}@${BENCH_DOMAIN}`;
/** E-mail of the team lead of team n (1-based over the whole sector). */
export const teamLeadEmail = (n: number) => `teamleider-${String(n).padStart(5, '0')}@${BENCH_DOMAIN}`;
/** E-mail of team member m (1 or 2) of team n. */
export const teamMemberEmail = (n: number, m: number) =>
	`docent-${String(n).padStart(5, '0')}-${m}@${BENCH_DOMAIN}`;

/** The accounts the benchmark signs in with (one per role it needs). */
export const benchAccounts = {
	networkAdmin: `beheer@${BENCH_DOMAIN}`,
	qualityOfficer: qualityOfficerEmail(1),
	executive: executiveEmail(1),
	teamLead: teamLeadEmail(1)
} as const;
