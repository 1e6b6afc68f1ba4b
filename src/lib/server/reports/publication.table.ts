import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institution } from '../organisation/organisation.table.ts';

/** Who may read a published summary: other members of the network, or everyone. */
export const publicationAudience = pgEnum('publication_audience', ['members', 'public']);

/**
 * A rekenschap summary an institution chose to publish: where it stands and what it
 * improves. Unpublished work stays private; a withdrawn summary is no longer shown.
 * While an institution has a current publication, the network view may name it.
 */
export const publication = pgTable(
	'publication',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		audience: publicationAudience().notNull(),
		title: text().notNull(),
		summary: text().notNull(),
		// A frozen copy of the figures shown, so a publication never changes after the fact.
		figures: text().notNull().default('{}'),
		publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		publishedBy: text(),
		withdrawnAt: timestamp({ withTimezone: true }),
		// The publish form's one-time token: submitting it twice publishes once.
		clientToken: text()
	},
	(t) => [
		index().on(t.institutionId, t.withdrawnAt),
		uniqueIndex('publication_client_token')
			.on(t.publishedBy, t.clientToken)
			.where(sql`${t.clientToken} is not null`)
	]
);
