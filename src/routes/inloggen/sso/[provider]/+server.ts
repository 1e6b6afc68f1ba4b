import { error, redirect } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { callAuth } from '#lib/server/auth/auth-request.ts';
import { configuredSsoProviders } from '#lib/server/auth/oidc.ts';
import { safeRedirectPath } from '#lib/server/auth/redirect.ts';
import { config } from '#lib/server/config.ts';
import type { RequestHandler } from './$types';

// A link, not a form: a redirect to the provider after a form POST would be blocked by
// the CSP `form-action 'self'`. Starting a sign-in is harmless; state + PKCE bind the
// flow to this browser.
export const GET: RequestHandler = async (event) => {
	const provider = configuredSsoProviders(config.oidc).find((id) => id === event.params.provider);
	if (!provider) error(404, 'Deze manier van inloggen is hier niet ingesteld.');
	const redirectTo = safeRedirectPath(event.url.searchParams.get('redirectTo'));
	const { auth } = await app();
	const answer = await callAuth(auth, event, '/sign-in/social', {
		provider,
		callbackURL: redirectTo,
		errorCallbackURL: `/inloggen?redirectTo=${encodeURIComponent(redirectTo)}`,
		disableRedirect: true
	});
	if (answer.rateLimited) redirect(303, '/inloggen?error=rate_limited');
	if (!answer.ok || typeof answer.body?.url !== 'string') redirect(303, '/inloggen?error=sso_unavailable');
	redirect(303, answer.body.url);
};
