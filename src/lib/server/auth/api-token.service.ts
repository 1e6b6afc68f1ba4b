import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { apiToken } from '../people/people.table.ts';
import type { Actor } from '../policy/policy.ts';
import { unauthenticated } from '../http/errors.ts';

const prefix = 'ks_';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a personal API token for the actor; the plain token is returned once only. */
export async function createApiToken(db: Database, actor: Actor | null, name: string, expiresAt?: Date) {
	if (!actor) throw unauthenticated();
	const token = prefix + randomBytes(24).toString('base64url');
	const [row] = await db
		.insert(apiToken)
		.values({ userId: actor.userId, name, tokenHash: hash(token), expiresAt })
		.returning({ id: apiToken.id, name: apiToken.name, createdAt: apiToken.createdAt });
	return { ...row!, token };
}

/** The user a bearer token belongs to, or null for an unknown, revoked or expired token. */
export async function userIdForApiToken(db: Database, token: string): Promise<string | null> {
	if (!token.startsWith(prefix) || token.length > 100) return null;
	const [row] = await db
		.update(apiToken)
		.set({ lastUsedAt: new Date() })
		.where(
			and(
				eq(apiToken.tokenHash, hash(token)),
				isNull(apiToken.revokedAt),
				or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, new Date()))
			)
		)
		.returning({ userId: apiToken.userId });
	return row?.userId ?? null;
}

/** Lists the actor's own tokens (never the secret). */
export async function listApiTokens(db: Database, actor: Actor | null) {
	if (!actor) throw unauthenticated();
	return db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			createdAt: apiToken.createdAt,
			lastUsedAt: apiToken.lastUsedAt,
			expiresAt: apiToken.expiresAt,
			revokedAt: apiToken.revokedAt
		})
		.from(apiToken)
		.where(eq(apiToken.userId, actor.userId));
}

/** Revokes one of the actor's own tokens. */
export async function revokeApiToken(db: Database, actor: Actor | null, id: string) {
	if (!actor) throw unauthenticated();
	await db
		.update(apiToken)
		.set({ revokedAt: new Date() })
		.where(and(eq(apiToken.id, id), eq(apiToken.userId, actor.userId)));
}
