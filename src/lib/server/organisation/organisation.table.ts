import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

export const institutionStatus = pgEnum('institution_status', ['active', 'suspended', 'left']);
export const pathway = pgEnum('pathway', ['BOL', 'BBL']);

/** One deployment serves one network (the Kwaliteitsnetwerk). */
export const network = pgTable('network', {
	id: uuid().primaryKey().defaultRandom(),
	name: text().notNull(),
	anonymityThreshold: smallint().notNull().default(5),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export const institution = pgTable(
	'institution',
	{
		id: uuid().primaryKey().defaultRandom(),
		name: text().notNull(),
		rioCode: text().notNull(),
		brinCode: text(),
		status: institutionStatus().notNull().default('active'),
		joinedOn: date({ mode: 'string' }),
		contactName: text(),
		contactEmail: text(),
		feeCents: integer(),
		archivedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex().on(t.rioCode),
		uniqueIndex().on(t.brinCode),
		check('institution_rio_code_format', sql`${t.rioCode} ~ '^[0-9]{3}[A-Z][0-9]{3}$'`)
	]
);

export const location = pgTable(
	'location',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		name: text().notNull(),
		city: text(),
		archivedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	// Names are unique regardless of case: imports match "team Zorg" to "Team zorg".
	(t) => [uniqueIndex('location_institution_id_name_ci').on(t.institutionId, sql`lower(${t.name})`)]
);

export const team = pgTable(
	'team',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		locationId: uuid().references(() => location.id),
		name: text().notNull(),
		sectorDomain: text(),
		archivedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// Names are unique regardless of case: imports match "team Zorg" to "Team zorg".
		uniqueIndex('team_institution_id_name_ci').on(t.institutionId, sql`lower(${t.name})`),
		index().on(t.locationId)
	]
);

/** An opleiding as a team delivers it (erkende opleidingscode, niveau, leerweg). */
export const learningRoute = pgTable(
	'learning_route',
	{
		id: uuid().primaryKey().defaultRandom(),
		teamId: uuid()
			.notNull()
			.references(() => team.id),
		name: text().notNull(),
		qualificationCode: text().notNull(),
		level: smallint().notNull(),
		pathway: pathway().notNull(),
		archivedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex().on(t.teamId, t.qualificationCode, t.level, t.pathway),
		check('learning_route_code_format', sql`${t.qualificationCode} ~ '^[0-9]{5}$'`),
		check('learning_route_level', sql`${t.level} between 1 and 4`)
	]
);
