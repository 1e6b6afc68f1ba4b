import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { magicLink, twoFactor } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import * as tables from './auth.table.ts';
import { config } from '../config.ts';
import { configuredSsoProviders, oidcProviders, type OidcSettings } from './oidc.ts';
import { ssoIdentityRules } from './sso-identity.ts';
import { secondFactorForEverySignIn } from './second-factor.ts';
import { magicLinkMinutes, magicLinkSender } from './magic-link-mail.ts';

export interface AuthOptions {
	db: Database;
	baseURL: string;
	secret: string;
	rateLimit: boolean;
	/** SURFconext and eduID; defaults to the OIDC_* environment settings. */
	oidc?: OidcSettings;
	/** Where sign-in links go; defaults to SMTP_URL (no URL: the outbox). */
	mail?: { smtpUrl?: string };
	getRequestEvent?: () => RequestEvent | undefined;
}

/** The page that asks for the TOTP code; every sign-in of a person with TOTP on passes it. */
export const totpChallengePath = '/inloggen/tweestaps';

/** better-auth configured for this app: sessions in the database, password, magic link, OIDC, TOTP. */
export function createAuth(options: AuthOptions) {
	const { db } = options;
	const oidc = options.oidc ?? config.oidc;
	const smtpUrl = options.mail ? options.mail.smtpUrl : config.smtpUrl;
	const ssoProviders = configuredSsoProviders(oidc);
	return betterAuth({
		appName: 'Kwaliteitsspiegel',
		baseURL: options.baseURL,
		secret: options.secret,
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: tables.user,
				session: tables.session,
				account: tables.account,
				verification: tables.verification,
				twoFactor: tables.twoFactor,
				rateLimit: tables.rateLimit
			}
		}),
		// Password hashing is better-auth's default: scrypt (see docs/decisions/002-authentication.md).
		emailAndPassword: {
			enabled: true,
			// Accounts are created by admins and imports, not by strangers.
			disableSignUp: true,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			revokeSessionsOnPasswordReset: true
		},
		user: {
			additionalFields: { locale: { type: 'string', required: false, input: false } },
			validateUserInfo: ssoIdentityRules(db, ssoProviders)
		},
		account: {
			accountLinking: {
				enabled: true,
				// SURFconext sends no `email_verified`: the address comes from the institution's
				// own IdP, and eduID verifies addresses itself. Their e-mail is trusted for the
				// first link only; from then on the account is found by `sub`.
				trustedProviders: ssoProviders,
				// No stranger can pre-register an address (sign-up is off), and admin-made
				// accounts are often not "verified" yet; see the decision record.
				requireLocalEmailVerified: false,
				allowDifferentEmails: false
			}
		},
		databaseHooks: {
			session: {
				create: {
					// An archived person keeps their history but can no longer sign in, by any method.
					before: async (session) => {
						const [active] = await db
							.select({ id: tables.user.id })
							.from(tables.user)
							.where(and(eq(tables.user.id, session.userId), isNull(tables.user.archivedAt)));
						return active ? undefined : false;
					}
				}
			}
		},
		hooks: {
			before: createAuthMiddleware(async (ctx) => {
				// Signing in by posting an ID token would skip state, PKCE and nonce; only the code flow is offered.
				if (ctx.path === '/sign-in/social' && ctx.body?.idToken) {
					throw new APIError('BAD_REQUEST', { message: 'Sign-in with an ID token is not offered.' });
				}
			})
		},
		// Errors of redirect flows (magic link, SSO) land on the sign-in page with `?error=code`.
		onAPIError: { errorURL: new URL('/inloggen', options.baseURL).toString() },
		session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
		rateLimit: {
			enabled: options.rateLimit,
			storage: 'database',
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/email': { window: 60, max: 5 },
				'/sign-in/magic-link': { window: 60, max: 3 },
				'/two-factor/verify-totp': { window: 60, max: 5 },
				'/two-factor/verify-backup-code': { window: 60, max: 5 }
			}
		},
		advanced: {
			// better-auth turns origin checks off under test runners; ours run with them on.
			disableOriginCheck: false,
			disableCSRFCheck: false,
			useSecureCookies: options.baseURL.startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
			ipAddress: { ipAddressHeaders: ['x-forwarded-for'] }
		},
		trustedOrigins: [options.baseURL],
		plugins: [
			magicLink({
				expiresIn: magicLinkMinutes * 60,
				disableSignUp: true,
				sendMagicLink: magicLinkSender(db, smtpUrl)
			}),
			// Passwordless people (SSO or magic link only) may turn TOTP on; whoever has a
			// password must give it to turn TOTP on or off.
			twoFactor({ issuer: 'Kwaliteitsspiegel', allowPasswordless: true }),
			secondFactorForEverySignIn({ challengePath: totpChallengePath }),
			...oidcProviders(oidc),
			// Must stay last: it copies cookies set by auth.api calls onto the SvelteKit response.
			// (It returns early when there is no request event, e.g. during startup.)
			...(options.getRequestEvent ? [sveltekitCookies(options.getRequestEvent as () => RequestEvent)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
