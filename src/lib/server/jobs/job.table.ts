import {
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

export const jobStatus = pgEnum('job_status', ['pending', 'running', 'done', 'failed', 'cancelled']);

/**
 * Durable scheduled work (e-mail reminders and the like). A job is claimed with
 * FOR UPDATE SKIP LOCKED and a lease, so a restart misses none and two instances run it
 * once; `dedupeKey` makes scheduling the same job twice a no-op.
 */
export const job = pgTable(
	'job',
	{
		id: uuid().primaryKey().defaultRandom(),
		kind: text().notNull(),
		dedupeKey: text().notNull(),
		payload: jsonb().$type<Record<string, unknown>>().notNull(),
		runAt: timestamp({ withTimezone: true }).notNull(),
		status: jobStatus().notNull().default('pending'),
		attempts: integer().notNull().default(0),
		lockedBy: text(),
		lockedUntil: timestamp({ withTimezone: true }),
		lastError: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		doneAt: timestamp({ withTimezone: true })
	},
	(t) => [uniqueIndex().on(t.dedupeKey), index().on(t.status, t.runAt)]
);
