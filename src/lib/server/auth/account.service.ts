import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { Actor } from '../policy/policy.ts';
import { unauthenticated } from '../http/errors.ts';
import { account, user } from './auth.table.ts';
import { listApiTokens } from './api-token.service.ts';

/** What the account page shows a person about themselves. */
export async function accountOverview(db: Database, actor: Actor | null) {
	if (!actor) throw unauthenticated();
	const [[person], [credential], tokens] = await Promise.all([
		db.select({ twoFactorEnabled: user.twoFactorEnabled }).from(user).where(eq(user.id, actor.userId)),
		db
			.select({ id: account.id })
			.from(account)
			.where(
				and(
					eq(account.userId, actor.userId),
					eq(account.providerId, 'credential'),
					isNotNull(account.password)
				)
			)
			.limit(1),
		listApiTokens(db, actor)
	]);
	const roles = [...new Set(actor.grants.map((g) => g.role))];
	return {
		name: actor.name,
		email: actor.email,
		roles,
		isNetworkAdmin: roles.includes('network_admin'),
		twoFactorEnabled: !!person?.twoFactorEnabled,
		// People who only use magic links or SSO have no password to change or to confirm with.
		hasPassword: !!credential,
		tokens
	};
}
