import { and, count, desc, eq, max, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { modelVersion } from './model.table.ts';

export type ModelVersionRow = typeof modelVersion.$inferSelect;

// Lists carry the name from the document but not the document itself (it can be large).
const summaryColumns = {
	id: modelVersion.id,
	number: modelVersion.number,
	status: modelVersion.status,
	name: sql<string>`${modelVersion.document}->>'name'`,
	exampleContent: sql<boolean>`(${modelVersion.document}->>'exampleContent')::boolean`,
	basedOnId: modelVersion.basedOnId,
	lock: modelVersion.lock,
	createdAt: modelVersion.createdAt,
	updatedAt: modelVersion.updatedAt,
	publishedAt: modelVersion.publishedAt,
	retiredAt: modelVersion.retiredAt
};

export type ModelVersionSummary = Omit<ModelVersionRow, 'document' | 'createdBy' | 'publishedBy'> & {
	name: string;
	exampleContent: boolean;
};

/** Newest first; drafts only when asked for. */
export async function list(
	db: Tx,
	options: { includeDrafts: boolean; page: number; pageSize: number }
): Promise<{ items: ModelVersionSummary[]; total: number }> {
	const where = options.includeDrafts ? undefined : ne(modelVersion.status, 'draft');
	const [items, [total]] = await Promise.all([
		db
			.select(summaryColumns)
			.from(modelVersion)
			.where(where)
			.orderBy(desc(modelVersion.number))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(modelVersion).where(where)
	]);
	return { items, total: total?.n ?? 0 };
}

/** One version by id; `forUpdate` locks the row for the rest of the transaction. */
export async function find(db: Tx, id: string, forUpdate = false): Promise<ModelVersionRow | null> {
	const query = db.select().from(modelVersion).where(eq(modelVersion.id, id));
	const [row] = forUpdate ? await query.for('update') : await query;
	return row ?? null;
}

export async function openDraft(db: Tx): Promise<ModelVersionRow | null> {
	const [row] = await db.select().from(modelVersion).where(eq(modelVersion.status, 'draft'));
	return row ?? null;
}

export async function nextNumber(db: Tx): Promise<number> {
	const [row] = await db.select({ n: max(modelVersion.number) }).from(modelVersion);
	return (row?.n ?? 0) + 1;
}

export async function latestPublished(db: Tx): Promise<ModelVersionRow | null> {
	const [row] = await db
		.select()
		.from(modelVersion)
		.where(eq(modelVersion.status, 'published'))
		.orderBy(desc(modelVersion.number))
		.limit(1);
	return row ?? null;
}

export async function newest(db: Tx): Promise<ModelVersionRow | null> {
	const [row] = await db.select().from(modelVersion).orderBy(desc(modelVersion.number)).limit(1);
	return row ?? null;
}

export async function countPublishedOtherThan(db: Tx, id: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(modelVersion)
		.where(and(eq(modelVersion.status, 'published'), ne(modelVersion.id, id)));
	return row?.n ?? 0;
}

export async function countAll(db: Tx): Promise<number> {
	const [row] = await db.select({ n: count() }).from(modelVersion);
	return row?.n ?? 0;
}

export async function insert(
	db: Tx,
	values: typeof modelVersion.$inferInsert
): Promise<ModelVersionRow | null> {
	const [row] = await db.insert(modelVersion).values(values).onConflictDoNothing().returning();
	return row ?? null;
}

/** Updates only while the lock is still the expected one; null means someone else got there first. */
export async function updateLocked(
	db: Tx,
	id: string,
	expectedLock: number,
	values: Partial<typeof modelVersion.$inferInsert>
): Promise<ModelVersionRow | null> {
	const [row] = await db
		.update(modelVersion)
		.set({ ...values, lock: expectedLock + 1, updatedAt: new Date() })
		.where(and(eq(modelVersion.id, id), eq(modelVersion.lock, expectedLock)))
		.returning();
	return row ?? null;
}

export async function remove(db: Tx, id: string): Promise<void> {
	await db.delete(modelVersion).where(eq(modelVersion.id, id));
}
