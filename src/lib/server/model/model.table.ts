import { sql } from 'drizzle-orm';
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
import type { ModelDocument } from '../../domain/model/model-document.ts';

export const modelVersionStatus = pgEnum('model_version_status', ['draft', 'published', 'retired']);

/**
 * One version of the reference model. Its content is one document, so that an
 * evaluation can point at the exact version it used and old results stay readable.
 */
export const modelVersion = pgTable(
	'model_version',
	{
		id: uuid().primaryKey().defaultRandom(),
		number: integer().notNull(),
		status: modelVersionStatus().notNull().default('draft'),
		document: jsonb().$type<ModelDocument>().notNull(),
		basedOnId: uuid(),
		lock: integer().notNull().default(0),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp({ withTimezone: true }),
		publishedBy: text(),
		retiredAt: timestamp({ withTimezone: true })
	},
	(t) => [
		uniqueIndex().on(t.number),
		index().on(t.status),
		// At most one open draft: two drafts of the same model would drift apart silently.
		uniqueIndex('model_version_one_draft')
			.on(t.status)
			.where(sql`status = 'draft'`)
	]
);
