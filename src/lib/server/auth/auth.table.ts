import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// The tables better-auth reads and writes (field names are its own; columns snake_case).

export const user = pgTable('user', {
	id: text().primaryKey(),
	name: text().notNull(),
	email: text().notNull().unique(),
	emailVerified: boolean().notNull().default(false),
	image: text(),
	twoFactorEnabled: boolean().default(false),
	locale: text(),
	archivedAt: timestamp({ withTimezone: true }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export const session = pgTable(
	'session',
	{
		id: text().primaryKey(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		token: text().notNull().unique(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		ipAddress: text(),
		userAgent: text(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [index().on(t.userId)]
);

export const account = pgTable(
	'account',
	{
		id: text().primaryKey(),
		accountId: text().notNull(),
		providerId: text().notNull(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		accessToken: text(),
		refreshToken: text(),
		idToken: text(),
		accessTokenExpiresAt: timestamp({ withTimezone: true }),
		refreshTokenExpiresAt: timestamp({ withTimezone: true }),
		scope: text(),
		password: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.userId), index().on(t.providerId, t.accountId)]
);

export const verification = pgTable(
	'verification',
	{
		id: text().primaryKey(),
		identifier: text().notNull(),
		value: text().notNull(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.identifier)]
);

export const twoFactor = pgTable(
	'two_factor',
	{
		id: text().primaryKey(),
		secret: text().notNull(),
		backupCodes: text().notNull(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		verified: boolean().default(true),
		failedVerificationCount: integer().default(0),
		lockedUntil: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.userId)]
);

// Rate limits live in the database so that several instances share one count.
export const rateLimit = pgTable('rate_limit', {
	id: text().primaryKey(),
	key: text().notNull().unique(),
	count: integer().notNull(),
	lastRequest: bigint({ mode: 'number' }).notNull()
});

/**
 * What SURFconext or eduID last told us about a person's institution, keyed by the
 * provider's `sub` (never by e-mail), so the institution can be matched later. The
 * account row (provider + `sub`) decides who signs in; this only records the claims.
 */
export const ssoIdentity = pgTable(
	'sso_identity',
	{
		providerId: text().notNull(),
		subject: text().notNull(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		homeOrganization: text(),
		affiliations: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		lastSignInAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.providerId, t.subject] }),
		index().on(t.userId),
		index().on(t.homeOrganization)
	]
);
