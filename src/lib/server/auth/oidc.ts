import { genericOAuth } from 'better-auth/plugins';

interface ProviderSettings {
	issuer?: string;
	clientId: string;
	clientSecret: string;
}

/** SURFconext and eduID as OIDC providers (code flow + PKCE), when configured. */
export function oidcProviders(settings: { surfconext: ProviderSettings; eduid: ProviderSettings }) {
	const config = [];
	for (const [providerId, s] of Object.entries(settings)) {
		if (!s.issuer) continue;
		config.push({
			providerId,
			discoveryUrl: `${s.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
			clientId: s.clientId,
			clientSecret: s.clientSecret,
			pkce: true,
			// Only what we need; SURF releases affiliation/home organisation with these scopes.
			scopes: ['openid', 'email', 'profile'],
			// People are keyed on `sub`, never on e-mail, and only existing accounts may sign in.
			disableImplicitSignUp: true
		});
	}
	return config.length ? [genericOAuth({ config })] : [];
}
