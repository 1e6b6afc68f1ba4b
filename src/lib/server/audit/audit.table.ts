import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only: who changed what and when. */
export const auditEvent = pgTable(
	'audit_event',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		actorUserId: text(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text().notNull(),
		institutionId: uuid(),
		details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		requestId: text()
	},
	(t) => [index().on(t.at), index().on(t.entityType, t.entityId), index().on(t.institutionId, t.at)]
);
