import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { log } from '../http/log.ts';
import { jobHandlers } from './handlers.ts';
import type { JobHandler, JobRow } from './job.service.ts';
import { job } from './job.table.ts';

/** How long a claimed job is the runner's own; after that another runner may take it over. */
export const defaultLeaseMs = 5 * 60_000;
/** Attempts (claims) before a job is given up as failed; its last error is kept. */
export const defaultMaxAttempts = 5;

/** Wait before the next attempt: 1, 2, 4, 8 … minutes, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));

export interface RunOptions {
	/** Names this runner in `locked_by`; unique per process. */
	workerId: string;
	now?: Date;
	limit?: number;
	leaseMs?: number;
	maxAttempts?: number;
	handlers?: Record<string, JobHandler>;
}

export interface RunResult {
	claimed: number;
	done: number;
	retried: number;
	failed: number;
	/** Claimed, but another runner took the job over before it ran (lease expired). */
	lost: number;
}

/**
 * Claims due jobs (pending ones whose time has come, and running ones whose runner's
 * lease expired — a crash or restart mid-job) and runs them. The claim is one UPDATE over
 * a `FOR UPDATE SKIP LOCKED` selection, so concurrent runners on other connections or
 * other instances never claim the same job; each job's work then commits together with
 * "done", and only while the job is still this runner's.
 */
export async function runDueJobs(db: Database, options: RunOptions): Promise<RunResult> {
	const now = options.now ?? new Date();
	const limit = options.limit ?? 20;
	const leaseMs = options.leaseMs ?? defaultLeaseMs;
	const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
	const handlers = options.handlers ?? jobHandlers;
	const result: RunResult = { claimed: 0, done: 0, retried: 0, failed: 0, lost: 0 };

	const due = db
		.select({ id: job.id })
		.from(job)
		.where(
			or(
				and(eq(job.status, 'pending'), lte(job.runAt, now)),
				and(eq(job.status, 'running'), lt(job.lockedUntil, now))
			)
		)
		.orderBy(job.runAt)
		.limit(limit)
		.for('update', { skipLocked: true });
	const claimed = await db
		.update(job)
		.set({
			status: 'running',
			lockedBy: options.workerId,
			lockedUntil: new Date(now.getTime() + leaseMs),
			attempts: sql`${job.attempts} + 1`
		})
		.where(inArray(job.id, due))
		.returning();
	result.claimed = claimed.length;

	for (const row of claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime())) {
		const outcome = await runOne(db, row, { now, maxAttempts, handlers, workerId: options.workerId });
		result[outcome]++;
	}
	return result;
}

const mine = (row: JobRow, workerId: string) =>
	and(eq(job.id, row.id), eq(job.status, 'running'), eq(job.lockedBy, workerId));

async function runOne(
	db: Database,
	row: JobRow,
	context: { now: Date; maxAttempts: number; handlers: Record<string, JobHandler>; workerId: string }
): Promise<'done' | 'retried' | 'failed' | 'lost'> {
	const { now, workerId } = context;
	const handler = context.handlers[row.kind];
	// A job that crashed its runner again and again, or that no code knows, is given up.
	const giveUp = !handler
		? `Onbekend soort taak '${row.kind}'.`
		: row.attempts > context.maxAttempts
			? `Na ${context.maxAttempts} pogingen opgegeven${row.lastError ? `; laatste fout: ${row.lastError}` : ''}.`
			: null;
	if (giveUp) {
		await db
			.update(job)
			.set({ status: 'failed', lastError: giveUp, lockedBy: null, lockedUntil: null })
			.where(mine(row, workerId));
		log('error', 'job failed', { jobId: row.id, kind: row.kind, error: giveUp });
		return 'failed';
	}
	try {
		const ran = await db.transaction(async (tx) => {
			// Still ours? Locking the row also keeps a runner that takes over an expired
			// lease from claiming it until this transaction has committed.
			const [current] = await tx.select().from(job).where(mine(row, workerId)).for('update');
			if (!current) return false;
			await handler!(tx, current, { now });
			await tx
				.update(job)
				.set({ status: 'done', doneAt: now, lockedBy: null, lockedUntil: null })
				.where(eq(job.id, row.id));
			return true;
		});
		return ran ? 'done' : 'lost';
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const failed = row.attempts >= context.maxAttempts;
		await db
			.update(job)
			.set({
				status: failed ? 'failed' : 'pending',
				runAt: failed ? row.runAt : new Date(now.getTime() + backoffMs(row.attempts)),
				lastError: message.slice(0, 2000),
				lockedBy: null,
				lockedUntil: null
			})
			.where(mine(row, workerId));
		log(failed ? 'error' : 'warn', failed ? 'job failed' : 'job will be retried', {
			jobId: row.id,
			kind: row.kind,
			attempts: row.attempts,
			error: message
		});
		return failed ? 'failed' : 'retried';
	}
}

export interface JobRunner {
	workerId: string;
	/** Stops polling and waits for a run in progress. */
	stop(): Promise<void>;
}

/**
 * Polls for due jobs every `pollMs` (default 15 s) until the process shuts down. The
 * timer does not keep the process alive; every instance may run one — the claim makes
 * sure each job runs once.
 */
export function startJobRunner(
	db: Database,
	options: { pollMs?: number; workerId?: string; limit?: number } = {}
): JobRunner {
	const pollMs = options.pollMs ?? 15_000;
	const limit = options.limit ?? 20;
	const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<void> | null = null;

	const tick = async () => {
		try {
			// A full batch means more may be due: go on at once rather than after a poll.
			for (let batch = 0; batch < 50 && !stopped; batch++) {
				const result = await runDueJobs(db, { workerId, limit });
				if (result.claimed < limit) break;
			}
		} catch (error) {
			log('warn', 'job runner poll failed', {
				error: error instanceof Error ? error.message : String(error)
			});
		}
	};
	const schedule = (ms: number) => {
		if (stopped) return;
		timer = setTimeout(() => {
			running = tick().finally(() => {
				running = null;
				schedule(pollMs);
			});
		}, ms);
		timer.unref();
	};
	const stop = async () => {
		stopped = true;
		clearTimeout(timer);
		await running;
	};
	process.once('sveltekit:shutdown', () => void stop());
	schedule(Math.min(pollMs, 1000));
	log('info', 'job runner started', { workerId, pollMs });
	return { workerId, stop };
}
