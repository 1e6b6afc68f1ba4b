import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware, getOAuthState } from 'better-auth/api';
import { deleteSessionCookie } from 'better-auth/cookies';
import { generateRandomString } from 'better-auth/crypto';

// better-auth's two-factor plugin asks for the TOTP code only after a password
// sign-in. A magic link or an SSO sign-in would then skip the second factor, which
// defeats it for exactly the admins it protects (a mailbox alone would be enough).
// This plugin turns such a fresh session into the same pending challenge the
// two-factor plugin makes, so `/two-factor/verify-totp` finishes it.
// The names below are the two-factor plugin's own (better-auth 1.7); the tests
// cover the round trip, so an upgrade that changes them fails loudly.
const challengeCookie = 'two_factor';
const challengeSeconds = 10 * 60;

const signInPaths = new Set(['/magic-link/verify', '/callback/:id']);

/** Where the person was going, as a same-site path (absolute URLs of our own origin are cut down). */
function sameSitePath(target: unknown, baseURL: string): string {
	if (typeof target !== 'string') return '/';
	const base = new URL(baseURL);
	const url = new URL(target, base);
	return url.origin === base.origin ? url.pathname + url.search : '/';
}

/** Requires the TOTP code after magic-link and SSO sign-ins when the person has TOTP on. */
export function secondFactorForEverySignIn(options: { challengePath: string }): BetterAuthPlugin {
	return {
		id: 'ks-second-factor',
		hooks: {
			after: [
				{
					matcher: (ctx) => signInPaths.has(ctx.path ?? ''),
					handler: createAuthMiddleware(async (ctx) => {
						const data = ctx.context.newSession;
						if (!data?.user.twoFactorEnabled) return;
						deleteSessionCookie(ctx, true);
						await ctx.context.internalAdapter.deleteSession(data.session.token);
						ctx.context.setNewSession(null);
						const cookie = ctx.context.createAuthCookie(challengeCookie, { maxAge: challengeSeconds });
						const identifier = `2fa-${generateRandomString(20)}`;
						const expiresAt = new Date(Date.now() + challengeSeconds * 1000);
						await ctx.context.internalAdapter.createVerificationValue({
							value: data.user.id,
							identifier,
							expiresAt
						});
						await ctx.context.internalAdapter.createVerificationValue({
							value: '0',
							identifier: `2fa-attempts-${identifier}`,
							expiresAt
						});
						await ctx.setSignedCookie(cookie.name, identifier, ctx.context.secret, cookie.attributes);
						const baseURL = ctx.context.options.baseURL as string;
						const target =
							ctx.path === '/magic-link/verify'
								? ctx.query?.callbackURL
								: (await getOAuthState())?.callbackURL;
						const challenge = new URL(options.challengePath, baseURL);
						challenge.searchParams.set('redirectTo', sameSitePath(target, baseURL));
						throw ctx.redirect(challenge.toString());
					})
				}
			]
		}
	};
}
