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
import { institution, team } from '../organisation/organisation.table.ts';
import { evaluation, finding } from '../evaluations/evaluation.table.ts';
import { modelVersion } from '../model/model.table.ts';

export const actionStatus = pgEnum('action_status', ['open', 'in_progress', 'done', 'cancelled']);

/**
 * A verbeteragenda item of a team (teamId set) or an institution (teamId null): what,
 * why, linked to a value/standard/capacity and optionally the evaluation and finding it
 * came from. Open actions carry into the next evaluation of the same subject.
 */
export const improvementAction = pgTable(
	'improvement_action',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		teamId: uuid().references(() => team.id),
		evaluationId: uuid().references(() => evaluation.id),
		findingId: uuid().references(() => finding.id, { onDelete: 'set null' }),
		// The model version the value/standard/capacity keys were checked against.
		modelVersionId: uuid().references(() => modelVersion.id),
		title: text().notNull(),
		reason: text().notNull().default(''),
		valueKey: text(),
		standardKey: text(),
		capacityKey: text(),
		ownerId: text(),
		dueOn: date({ mode: 'string' }),
		status: actionStatus().notNull().default('open'),
		progress: smallint().notNull().default(0),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp({ withTimezone: true }),
		// The form's one-time token: a double submit of the same form returns the first action.
		clientToken: text()
	},
	(t) => [
		index().on(t.institutionId, t.teamId, t.status),
		index().on(t.ownerId, t.status),
		index().on(t.status, t.dueOn),
		index().on(t.evaluationId),
		uniqueIndex('improvement_action_client_token').on(t.createdBy, t.clientToken),
		check('improvement_action_title_length', sql`char_length(${t.title}) <= 300`),
		check('improvement_action_progress', sql`${t.progress} between 0 and 100`)
	]
);

/** A progress note on an action (who, when, what, and the progress then). */
export const actionNote = pgTable(
	'action_note',
	{
		id: uuid().primaryKey().defaultRandom(),
		actionId: uuid()
			.notNull()
			.references(() => improvementAction.id, { onDelete: 'cascade' }),
		text: text().notNull(),
		progress: smallint(),
		status: actionStatus(),
		authorId: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		// The form's one-time token: a double submit of the same note is stored once.
		clientToken: text()
	},
	(t) => [
		index().on(t.actionId, t.createdAt),
		uniqueIndex('action_note_client_token').on(t.actionId, t.clientToken)
	]
);
