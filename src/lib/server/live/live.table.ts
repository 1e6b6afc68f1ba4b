import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { institution, team } from '../organisation/organisation.table.ts';
import { modelVersion } from '../model/model.table.ts';
import { evaluation, perspective } from '../evaluations/evaluation.table.ts';

export const liveSessionStatus = pgEnum('live_session_status', ['draft', 'live', 'ended']);
export const livePromptKind = pgEnum('live_prompt_kind', [
	'rating',
	'capacities',
	'open_text',
	'ranking',
	'dot_vote',
	'word_cloud'
]);
export const livePromptState = pgEnum('live_prompt_state', ['pending', 'open', 'closed']);

/**
 * A live dialogue (kwaliteitstafel, "het goede gesprek"): linked to an evaluation, or
 * standalone for an event. Participants join by `code` while it is not ended and not
 * expired. `seq` numbers the session's control events (live_event); it only grows.
 */
export const liveSession = pgTable(
	'live_session',
	{
		id: uuid().primaryKey().defaultRandom(),
		// Null only for a network-wide standalone session (e.g. a sectorale kwaliteitstafel).
		institutionId: uuid().references(() => institution.id),
		teamId: uuid().references(() => team.id),
		evaluationId: uuid().references(() => evaluation.id),
		modelVersionId: uuid()
			.notNull()
			.references(() => modelVersion.id),
		title: text().notNull(),
		// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L).
		code: text().notNull(),
		status: liveSessionStatus().notNull().default('draft'),
		perspectives: perspective().array().notNull(),
		currentPromptId: uuid(),
		seq: bigint({ mode: 'number' }).notNull().default(0),
		// The code stops working at this moment even when nobody ends the session.
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		startedAt: timestamp({ withTimezone: true }),
		endedAt: timestamp({ withTimezone: true }),
		// When the results were written into the linked evaluation (once).
		keptAt: timestamp({ withTimezone: true }),
		lock: integer().notNull().default(0),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		clientToken: text()
	},
	(t) => [
		// A code is unique among sessions that can still be joined.
		uniqueIndex('live_session_active_code')
			.on(t.code)
			.where(sql`${t.status} <> 'ended'`),
		index().on(t.institutionId, t.createdAt),
		index().on(t.evaluationId),
		uniqueIndex('live_session_client_token')
			.on(t.createdBy, t.clientToken)
			.where(sql`${t.clientToken} is not null`)
	]
);

/** One prompt of a session's run-sheet, in `position` order. */
export const livePrompt = pgTable(
	'live_prompt',
	{
		id: uuid().primaryKey().defaultRandom(),
		sessionId: uuid()
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		kind: livePromptKind().notNull(),
		title: text().notNull(),
		description: text().notNull().default(''),
		config: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		state: livePromptState().notNull().default('pending'),
		revealed: boolean().notNull().default(false),
		openedAt: timestamp({ withTimezone: true }),
		closedAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.sessionId, t.position)]
);

/**
 * Someone who joined by code, without an account. The browser holds the token in an
 * HttpOnly cookie; only its hash is stored. `name` is null for an anonymous participant.
 */
export const liveParticipant = pgTable(
	'live_participant',
	{
		id: uuid().primaryKey().defaultRandom(),
		sessionId: uuid()
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		perspective: perspective().notNull(),
		name: text(),
		tokenHash: text().notNull(),
		joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex().on(t.tokenHash), index().on(t.sessionId, t.perspective)]
);

/**
 * A participant's answer to a prompt. Single-answer kinds keep one row per participant and
 * prompt (`multi` false; a new vote replaces it); open text keeps several (`multi` true).
 * `idempotencyKey` comes with the submit: the same key twice counts once.
 */
export const liveAnswer = pgTable(
	'live_answer',
	{
		id: uuid().primaryKey().defaultRandom(),
		sessionId: uuid()
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		promptId: uuid()
			.notNull()
			.references(() => livePrompt.id, { onDelete: 'cascade' }),
		participantId: uuid()
			.notNull()
			.references(() => liveParticipant.id, { onDelete: 'cascade' }),
		// Copied from the participant so results group without a join.
		perspective: perspective().notNull(),
		multi: boolean().notNull(),
		payload: jsonb().$type<Record<string, unknown>>().notNull(),
		idempotencyKey: text().notNull(),
		// Moderation: a hidden open-text answer is not shown and not kept as a finding.
		hiddenAt: timestamp({ withTimezone: true }),
		hiddenBy: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('live_answer_single')
			.on(t.promptId, t.participantId)
			.where(sql`not ${t.multi}`),
		uniqueIndex('live_answer_idempotency').on(t.participantId, t.idempotencyKey),
		index().on(t.promptId, t.perspective)
	]
);

/**
 * The session's control events in order (prompt opened/closed/revealed, moved, answer
 * hidden, session started/ended). A reconnecting screen resumes after its Last-Event-ID
 * from here; NOTIFY only wakes instances up.
 */
export const liveEvent = pgTable(
	'live_event',
	{
		sessionId: uuid()
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		seq: bigint({ mode: 'number' }).notNull(),
		type: text().notNull(),
		data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.seq] })]
);

/**
 * A saved run-sheet. `shared` makes it visible to facilitators across the network;
 * otherwise only within the owning institution (null: the network's own templates).
 */
export const liveTemplate = pgTable(
	'live_template',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid().references(() => institution.id),
		name: text().notNull(),
		description: text().notNull().default(''),
		prompts: jsonb().$type<Record<string, unknown>[]>().notNull(),
		shared: boolean().notNull().default(false),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		archivedAt: timestamp({ withTimezone: true }),
		clientToken: text()
	},
	(t) => [
		index().on(t.institutionId),
		index().on(t.shared),
		uniqueIndex('live_template_client_token')
			.on(t.createdBy, t.clientToken)
			.where(sql`${t.clientToken} is not null`),
		check('live_template_name_length', sql`char_length(${t.name}) <= 200`)
	]
);

export type LiveSessionRow = typeof liveSession.$inferSelect;
export type LivePromptRow = typeof livePrompt.$inferSelect;
export type LiveParticipantRow = typeof liveParticipant.$inferSelect;
export type LiveAnswerRow = typeof liveAnswer.$inferSelect;
export type LiveEventRow = typeof liveEvent.$inferSelect;
export type LiveTemplateRow = typeof liveTemplate.$inferSelect;
