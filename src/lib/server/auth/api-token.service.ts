import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import '../../domain/zod-nl.ts';
import type { Database } from '../db/database.ts';
import { apiToken } from '../people/people.table.ts';
import type { Actor } from '../policy/policy.ts';
import { notFound, unauthenticated } from '../http/errors.ts';

const prefix = 'ks_';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a person gives to make a token: a name to recognise it by and how long it lives. */
export const apiTokenInputSchema = z.object({
	name: z.string().trim().min(1).max(100),
	// Tokens always expire: a forgotten token should not work for ever.
	expiresInDays: z.coerce.number().int().min(1).max(365).default(90)
});
export type ApiTokenInput = z.input<typeof apiTokenInputSchema>;

/** Creates a personal API token for the actor; the plain token is returned once only. */
export async function createApiToken(db: Database, actor: Actor | null, input: ApiTokenInput) {
	if (!actor) throw unauthenticated();
	const { name, expiresInDays } = apiTokenInputSchema.parse(input);
	const token = prefix + randomBytes(24).toString('base64url');
	const expiresAt = new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000);
	const [row] = await db
		.insert(apiToken)
		.values({ userId: actor.userId, name, tokenHash: hash(token), expiresAt })
		.returning({
			id: apiToken.id,
			name: apiToken.name,
			createdAt: apiToken.createdAt,
			expiresAt: apiToken.expiresAt
		});
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

/** Lists the actor's own tokens, newest first (never the secret). */
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
		.where(eq(apiToken.userId, actor.userId))
		.orderBy(desc(apiToken.createdAt));
}

/** Revokes one of the actor's own tokens (again is fine); another person's token is a 404, not a 403. */
export async function revokeApiToken(db: Database, actor: Actor | null, id: string) {
	if (!actor) throw unauthenticated();
	if (!z.uuid().safeParse(id).success) throw notFound('Het token');
	const [row] = await db
		.update(apiToken)
		.set({ revokedAt: sql`coalesce(${apiToken.revokedAt}, now())` })
		.where(and(eq(apiToken.id, id), eq(apiToken.userId, actor.userId)))
		.returning({ id: apiToken.id });
	if (!row) throw notFound('Het token');
}
