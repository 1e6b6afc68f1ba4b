// Reading the institution claims SURFconext and eduID release. SURF's OIDC gateway
// (OpenConext oidcng) names them `schac_home_organization`, `eduperson_affiliation` and
// `eduperson_scoped_affiliation`; older SURF clients and documentation spell the first
// one `schac_home_organisation`. Values may arrive as a string or an array.

/** What we keep from an SSO sign-in to match the person to an institution later. */
export interface SsoClaims {
	/** The institution's domain, e.g. `roc-a.nl`, lower case; null when not released. */
	homeOrganization: string | null;
	/** Unscoped eduPerson affiliations (`employee`, `student`, …), lower case, unique. */
	affiliations: string[];
}

const homeOrganizationClaims = ['schac_home_organization', 'schac_home_organisation'];
const domain = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const affiliation = /^[a-z][a-z-]{0,39}$/;

function values(claim: unknown): string[] {
	if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
	if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
	return [];
}

function cleanDomain(value: string | undefined): string | null {
	const d = value?.trim().toLowerCase();
	return d && d.length <= 253 && domain.test(d) ? d : null;
}

/** Reads home organisation and affiliations from a provider profile, whichever spelling it uses. */
export function readSsoClaims(profile: Record<string, unknown>): SsoClaims {
	let homeOrganization: string | null = null;
	for (const name of homeOrganizationClaims) {
		homeOrganization ??= cleanDomain(values(profile[name])[0]);
	}
	const found = new Set<string>();
	for (const value of values(profile.eduperson_affiliation)) found.add(value.trim().toLowerCase());
	for (const value of values(profile.eduperson_scoped_affiliation)) {
		const [name, scope] = value.trim().toLowerCase().split('@');
		if (name) found.add(name);
		// A scoped affiliation names the institution too, when the home organisation is missing.
		homeOrganization ??= cleanDomain(scope);
	}
	return { homeOrganization, affiliations: [...found].filter((a) => affiliation.test(a)).sort() };
}
