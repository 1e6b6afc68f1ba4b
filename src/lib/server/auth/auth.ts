import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink, twoFactor } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '../db/database.ts';
import * as tables from './auth.table.ts';
import { config } from '../config.ts';
import { oidcProviders } from './oidc.ts';
import { sendMail } from '../mail/mail.service.ts';

export interface AuthOptions {
	db: Database;
	baseURL: string;
	secret: string;
	rateLimit: boolean;
	getRequestEvent?: () => RequestEvent | undefined;
}

/** better-auth configured for this app: sessions in the database, password, magic link, OIDC, TOTP. */
export function createAuth(options: AuthOptions) {
	const { db } = options;
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
		emailAndPassword: {
			enabled: true,
			// Accounts are created by admins and imports, not by strangers.
			disableSignUp: true,
			minPasswordLength: 10,
			maxPasswordLength: 128
		},
		user: { additionalFields: { locale: { type: 'string', required: false, input: false } } },
		session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
		rateLimit: {
			enabled: options.rateLimit,
			storage: 'database',
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/email': { window: 60, max: 5 },
				'/sign-in/magic-link': { window: 60, max: 3 },
				'/two-factor/verify-totp': { window: 60, max: 5 }
			}
		},
		advanced: {
			useSecureCookies: options.baseURL.startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
			ipAddress: { ipAddressHeaders: ['x-forwarded-for'] }
		},
		trustedOrigins: [options.baseURL],
		plugins: [
			magicLink({
				expiresIn: 15 * 60,
				disableSignUp: true,
				sendMagicLink: async ({ email, url }) => {
					await sendMail(db, {
						to: email,
						subject: 'Inloggen bij Kwaliteitsspiegel',
						text: `Gebruik deze link om in te loggen bij Kwaliteitsspiegel. De link is 15 minuten geldig en werkt één keer:\n\n${url}\n\nHeeft u dit niet aangevraagd? Dan kunt u dit bericht negeren.`
					});
				}
			}),
			twoFactor({ issuer: 'Kwaliteitsspiegel' }),
			...oidcProviders(config.oidc),
			...(options.getRequestEvent ? [sveltekitCookies(options.getRequestEvent)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
