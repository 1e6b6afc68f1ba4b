import { genericOAuth } from 'better-auth/plugins';
import type { GenericOAuthConfig, GenericOAuthUserInfo } from 'better-auth/plugins/generic-oauth';

export interface OidcProviderSettings {
	issuer?: string;
	clientId: string;
	clientSecret: string;
}

export interface OidcSettings {
	surfconext: OidcProviderSettings;
	eduid: OidcProviderSettings;
}

/** The SSO providers we know, with the name people see on the sign-in button. */
export const ssoProviderNames = { surfconext: 'SURFconext', eduid: 'eduID' } as const;
export type SsoProviderId = keyof typeof ssoProviderNames;

/** The providers that have an issuer configured, in button order. */
export function configuredSsoProviders(settings: OidcSettings): SsoProviderId[] {
	return (Object.keys(ssoProviderNames) as SsoProviderId[]).filter((id) => !!settings[id].issuer);
}

/** The claims of a JWT's payload (the signature is checked by better-auth, not here). */
function jwtPayload(jwt: string): Record<string, unknown> | null {
	try {
		const payload: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
		return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/** Fetches the userinfo endpoint named by the provider's discovery document (looked up once). */
function userinfoClient(discoveryUrl: string) {
	let endpoint: Promise<string | null> | null = null;
	const discover = async () => {
		const response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(10_000) });
		if (!response.ok) return null;
		const document = (await response.json()) as { userinfo_endpoint?: unknown };
		return typeof document.userinfo_endpoint === 'string' ? document.userinfo_endpoint : null;
	};
	return async (accessToken: string): Promise<Record<string, unknown> | null> => {
		endpoint ??= discover().catch(() => null);
		const url = await endpoint;
		if (!url) {
			endpoint = null; // try discovery again on the next sign-in
			return null;
		}
		const response = await fetch(url, {
			headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
			signal: AbortSignal.timeout(10_000)
		});
		return response.ok ? ((await response.json()) as Record<string, unknown>) : null;
	};
}

/**
 * The profile of one sign-in: the ID token's claims merged over the userinfo claims.
 * SURF's gateway puts most claims (e-mail, home organisation, affiliation) in userinfo
 * only, others put some in the ID token; we need both. OIDC Core 5.3.2: a userinfo
 * answer about another `sub` is refused.
 */
function profileReader(discoveryUrl: string) {
	const userinfo = userinfoClient(discoveryUrl);
	return async (tokens: { idToken?: string; accessToken?: string }): Promise<GenericOAuthUserInfo | null> => {
		const idClaims = tokens.idToken ? jwtPayload(tokens.idToken) : null;
		const infoClaims = tokens.accessToken ? await userinfo(tokens.accessToken) : null;
		if (idClaims?.sub !== undefined && infoClaims?.sub !== undefined && infoClaims.sub !== idClaims.sub)
			return null;
		const claims = { ...infoClaims, ...idClaims };
		if (typeof claims.sub !== 'string' || !claims.sub) return null;
		const name =
			typeof claims.name === 'string'
				? claims.name
				: [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ');
		return {
			...claims,
			sub: claims.sub,
			email: typeof claims.email === 'string' ? claims.email : undefined,
			emailVerified: claims.email_verified === true || claims.email_verified === 'true',
			name
		};
	};
}

/** The generic OAuth settings of one provider: code flow with PKCE, keyed on `sub`, sign-in only. */
export function providerConfig(
	providerId: SsoProviderId,
	s: OidcProviderSettings & { issuer: string }
): GenericOAuthConfig {
	const discoveryUrl = `${s.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
	return {
		providerId,
		name: ssoProviderNames[providerId],
		discoveryUrl,
		// Without the provider's keys we cannot check the ID token, so the provider stays off.
		requireIdTokenVerification: true,
		clientId: s.clientId,
		clientSecret: s.clientSecret,
		pkce: true,
		// Only what we need. SURFconext releases attributes (home organisation,
		// affiliation) by the service's attribute release policy, not by extra scopes.
		scopes: ['openid', 'email', 'profile'],
		getUserInfo: profileReader(discoveryUrl),
		// Only people who already have an account may sign in; no request may sign up.
		disableImplicitSignUp: true,
		disableSignUp: true,
		// The name and e-mail we hold are managed here; the provider does not overwrite them.
		overrideUserInfo: false
	};
}

/** SURFconext and eduID as OIDC providers, when configured. */
export function oidcProviders(settings: OidcSettings) {
	const config = configuredSsoProviders(settings).map((id) =>
		providerConfig(id, { ...settings[id], issuer: settings[id].issuer! })
	);
	return config.length ? [genericOAuth({ config })] : [];
}
