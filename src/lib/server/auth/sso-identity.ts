import { and, eq } from 'drizzle-orm';
import type { ValidateUserInfoResult, ValidateUserInfoSource } from 'better-auth';
import type { Database } from '../db/database.ts';
import { account, ssoIdentity } from './auth.table.ts';
import { readSsoClaims } from './sso-claims.ts';

/**
 * The rules for an SSO identity (better-auth's `user.validateUserInfo`), run before
 * better-auth creates, links or signs in an account from SURFconext or eduID:
 *
 * - never a new person: accounts are made by admins and imports;
 * - the first sign-in of an existing person (matched by a verified e-mail) links
 *   the provider's `sub`; after that better-auth finds the account by `sub` alone;
 * - a person holds at most one `sub` per provider, so someone else who later shows up
 *   with the same e-mail (a reused mailbox, a misconfigured IdP) cannot attach a
 *   second identity and sign in as them;
 * - every accepted sign-in records the institution claims for later matching.
 */
export function ssoIdentityRules(db: Database, providerIds: readonly string[]) {
	return async (data: {
		user: { id?: unknown } & Record<string, unknown>;
		source: ValidateUserInfoSource;
	}): Promise<ValidateUserInfoResult | void> => {
		const { source } = data;
		const providerId = source.oauth?.providerId;
		if (source.method !== 'oauth' || !providerId || !providerIds.includes(providerId)) return;
		if (source.action === 'create-user') return { error: 'signup_disabled' };
		const profile = source.oauth?.profile ?? {};
		const subject = typeof profile.sub === 'string' ? profile.sub : '';
		const userId = typeof data.user.id === 'string' ? data.user.id : '';
		if (!subject || !userId) return { error: 'sso_identity_unknown' };
		if (source.action === 'link-account') {
			const [existing] = await db
				.select({ id: account.id })
				.from(account)
				.where(and(eq(account.userId, userId), eq(account.providerId, providerId)))
				.limit(1);
			if (existing) return { error: 'sso_identity_conflict' };
		}
		const claims = readSsoClaims(profile);
		const now = new Date();
		await db
			.insert(ssoIdentity)
			.values({ providerId, subject, userId, ...claims, lastSignInAt: now })
			.onConflictDoUpdate({
				target: [ssoIdentity.providerId, ssoIdentity.subject],
				set: { userId, ...claims, lastSignInAt: now }
			});
	};
}
