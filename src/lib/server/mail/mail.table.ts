import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailStatus = pgEnum('mail_status', ['queued', 'sent', 'failed', 'outbox']);

/** Every message is written here first; SMTP delivery, when configured, marks it sent. */
export const mailMessage = pgTable(
	'mail_message',
	{
		id: uuid().primaryKey().defaultRandom(),
		to: text().notNull(),
		subject: text().notNull(),
		text: text().notNull(),
		html: text(),
		status: mailStatus().notNull(),
		attempts: integer().notNull().default(0),
		error: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.createdAt), index().on(t.status)]
);
