import { m } from '#lib/paraglide/messages.js';

export interface Notice {
	kind: 'error' | 'ok' | 'info';
	message: string;
}

// better-auth sends redirect-flow errors here as `?error=code` (magic link, SSO, expired
// second step). The codes are mapped to Dutch; an unknown code gets the general message.
const linkErrors = new Set([
	'INVALID_TOKEN',
	'EXPIRED_TOKEN',
	'new_user_signup_disabled',
	'failed_to_create_session'
]);
const unknownIdentity = new Set([
	'signup_disabled',
	'account_not_linked',
	'unable_to_link_account',
	'email_not_found'
]);

/** The message to show on the sign-in page for the query it was opened with. */
export function signInNotice(params: URLSearchParams): Notice | null {
	if (params.has('uitgelogd')) return { kind: 'ok', message: m.auth_signed_out() };
	const code = params.get('error');
	if (!code) return null;
	if (linkErrors.has(code)) return { kind: 'error', message: m.auth_error_link() };
	if (unknownIdentity.has(code)) return { kind: 'error', message: m.auth_error_sso_unknown() };
	if (code === 'sso_identity_conflict') return { kind: 'error', message: m.auth_error_sso_conflict() };
	if (code === 'two_factor_expired') return { kind: 'error', message: m.auth_totp_expired() };
	if (code === 'rate_limited') return { kind: 'error', message: m.auth_rate_limited() };
	return { kind: 'error', message: m.auth_error_sso() };
}
