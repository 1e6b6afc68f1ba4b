import {
	check,
	date,
	index,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { institution, team } from '../organisation/organisation.table.ts';
import { modelVersion } from '../model/model.table.ts';

/** An ambition is set for a reference value or for one standard. */
export const ambitionTarget = pgEnum('ambition_target', ['value', 'standard']);

/**
 * A team's (teamId set) or an institution's (teamId null) own ambition for a value or a
 * standard: a text and a target level on the model version's scale. Rows are never
 * updated: a new ambition is a new row, the latest per target is current, the rest is history.
 */
export const ambition = pgTable(
	'ambition',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		teamId: uuid().references(() => team.id),
		modelVersionId: uuid()
			.notNull()
			.references(() => modelVersion.id),
		targetKind: ambitionTarget().notNull(),
		targetKey: text().notNull(),
		levelKey: text().notNull(),
		// The level's rank in the model version, so dashboards compare without reading JSON.
		rank: smallint().notNull(),
		text: text().notNull(),
		setOn: date({ mode: 'string' }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		// The form's one-time token: submitting it twice records one ambition.
		clientToken: text()
	},
	(t) => [
		uniqueIndex('ambition_client_token')
			.on(t.createdBy, t.clientToken)
			.where(sql`${t.clientToken} is not null`),
		index().on(t.institutionId, t.teamId, t.targetKind, t.targetKey, t.setOn),
		index().on(t.teamId),
		check('ambition_text_length', sql`char_length(${t.text}) <= 5000`)
	]
);
