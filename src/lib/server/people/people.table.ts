import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table.ts';
import { institution, team } from '../organisation/organisation.table.ts';

export const role = pgEnum('role', [
	'network_admin',
	'quality_officer',
	'executive',
	'team_lead',
	'team_member',
	'facilitator',
	'reviewer'
]);

/**
 * A person holds a role within one scope. The scope columns that are set say which:
 * none = network, institution only = institution, team (+ its institution) = team,
 * review = one review.
 */
export const roleAssignment = pgTable(
	'role_assignment',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: role().notNull(),
		institutionId: uuid().references(() => institution.id),
		teamId: uuid().references(() => team.id),
		reviewId: uuid(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text()
	},
	(t) => [
		index().on(t.userId),
		index().on(t.institutionId),
		index().on(t.teamId),
		uniqueIndex('role_assignment_unique').on(
			t.userId,
			t.role,
			sql`coalesce(${t.institutionId}, '00000000-0000-0000-0000-000000000000')`,
			sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000')`,
			sql`coalesce(${t.reviewId}, '00000000-0000-0000-0000-000000000000')`
		),
		check(
			'role_assignment_scope',
			sql`case ${t.role}
				when 'network_admin' then ${t.institutionId} is null and ${t.teamId} is null and ${t.reviewId} is null
				when 'quality_officer' then ${t.institutionId} is not null and ${t.teamId} is null
				when 'executive' then ${t.institutionId} is not null and ${t.teamId} is null
				when 'team_lead' then ${t.institutionId} is not null and ${t.teamId} is not null
				when 'team_member' then ${t.institutionId} is not null and ${t.teamId} is not null
				when 'facilitator' then ${t.teamId} is null and ${t.reviewId} is null
				when 'reviewer' then ${t.reviewId} is not null
			end`
		)
	]
);

/** Personal API tokens; only a hash is stored, the token is shown once. */
export const apiToken = pgTable(
	'api_token',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		tokenHash: text().notNull(),
		lastUsedAt: timestamp({ withTimezone: true }),
		expiresAt: timestamp({ withTimezone: true }),
		revokedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex().on(t.tokenHash), index().on(t.userId)]
);
