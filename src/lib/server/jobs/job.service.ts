import { and, eq, inArray, like, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { job } from './job.table.ts';

export type JobRow = typeof job.$inferSelect;

export interface NewJob {
	kind: string;
	/** Scheduling the same key twice is one job; put what makes the job unique in it. */
	dedupeKey: string;
	runAt: Date;
	payload: Record<string, unknown>;
}

/**
 * Schedules a job, inside the caller's transaction so that it exists exactly when the
 * change that asked for it does. A key that is already scheduled keeps one job: a pending
 * (or cancelled) one takes the new time and payload; a running, done or failed one is
 * left alone, so work that was done is not done again.
 */
export async function scheduleJob(tx: Tx, input: NewJob): Promise<void> {
	await tx
		.insert(job)
		.values({ kind: input.kind, dedupeKey: input.dedupeKey, runAt: input.runAt, payload: input.payload })
		.onConflictDoUpdate({
			target: job.dedupeKey,
			set: {
				runAt: sql`excluded.run_at`,
				payload: sql`excluded.payload`,
				status: 'pending',
				attempts: 0,
				lastError: null
			},
			setWhere: inArray(job.status, ['pending', 'cancelled'])
		});
}

/**
 * Cancels the pending jobs whose key starts with `prefix`, except the keys in `keep`
 * (e.g. the reminders of an old due date when the date moved). A job already claimed by
 * a runner is not touched; its handler re-reads the record and skips stale work.
 */
export async function cancelPendingJobs(tx: Tx, prefix: string, keep: string[] = []): Promise<number> {
	const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
	const rows = await tx
		.update(job)
		.set({ status: 'cancelled' })
		.where(
			and(
				eq(job.status, 'pending'),
				like(job.dedupeKey, `${escaped}%`),
				keep.length ? notInArray(job.dedupeKey, keep) : undefined
			)
		)
		.returning({ id: job.id });
	return rows.length;
}

/**
 * Does one job's work inside the transaction that marks the job done, so that what it
 * writes (a message in the outbox) and "done" commit together or not at all. Throwing
 * makes the runner retry the job later.
 */
export type JobHandler = (tx: Tx, job: JobRow, context: { now: Date }) => Promise<void>;
