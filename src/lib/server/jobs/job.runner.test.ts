import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect.ts';
import { createTestDatabase } from '../testing/database.ts';
import { backoffMs, runDueJobs, startJobRunner } from './job.runner.ts';
import { cancelPendingJobs, scheduleJob, type JobHandler } from './job.service.ts';
import { job } from './job.table.ts';

let connection: Connection;
const db = () => connection.db;
beforeAll(async () => {
	connection = await createTestDatabase();
});
afterAll(() => connection.close());
// Each test starts without jobs, so a runner only sees the jobs that test scheduled.
beforeEach(async () => {
	await db().delete(job);
});

const at = (iso: string) => new Date(iso);
const jobByKey = async (key: string) => (await db().select().from(job).where(eq(job.dedupeKey, key)))[0]!;

/** A handler that records what it ran; `fail` makes it throw that many times first. */
function recorder(fail = 0) {
	const ran: string[] = [];
	let failures = fail;
	const handler: JobHandler = async (_tx, row) => {
		if (failures > 0) {
			failures--;
			throw new Error(`mislukt (${row.attempts})`);
		}
		ran.push(row.dedupeKey);
	};
	return { ran, handler };
}

describe('scheduleJob', () => {
	it('keeps one job per key: a pending one is moved, a done one stays done', async () => {
		await scheduleJob(db(), {
			kind: 'test',
			dedupeKey: 'dedupe-1',
			runAt: at('2030-01-01T08:00:00Z'),
			payload: { n: 1 }
		});
		await scheduleJob(db(), {
			kind: 'test',
			dedupeKey: 'dedupe-1',
			runAt: at('2030-01-02T08:00:00Z'),
			payload: { n: 2 }
		});
		const rows = await db().select().from(job).where(eq(job.dedupeKey, 'dedupe-1'));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			status: 'pending',
			runAt: at('2030-01-02T08:00:00Z'),
			payload: { n: 2 }
		});

		const { ran, handler } = recorder();
		await runDueJobs(db(), { workerId: 'w', now: at('2030-01-03T00:00:00Z'), handlers: { test: handler } });
		expect(ran).toEqual(['dedupe-1']);
		await scheduleJob(db(), {
			kind: 'test',
			dedupeKey: 'dedupe-1',
			runAt: at('2030-02-01T08:00:00Z'),
			payload: {}
		});
		expect(await jobByKey('dedupe-1')).toMatchObject({ status: 'done', runAt: at('2030-01-02T08:00:00Z') });
	});

	it('cancels pending jobs by prefix, keeping the ones asked for, and revives a cancelled key', async () => {
		for (const key of ['pre:a', 'pre:b', 'pre_x']) {
			await scheduleJob(db(), {
				kind: 'test',
				dedupeKey: key,
				runAt: at('2031-01-01T00:00:00Z'),
				payload: {}
			});
		}
		// `_` in the prefix is literal, not a LIKE wildcard.
		expect(await cancelPendingJobs(db(), 'pre:', ['pre:b'])).toBe(1);
		expect((await jobByKey('pre:a')).status).toBe('cancelled');
		expect((await jobByKey('pre:b')).status).toBe('pending');
		expect((await jobByKey('pre_x')).status).toBe('pending');
		await scheduleJob(db(), {
			kind: 'test',
			dedupeKey: 'pre:a',
			runAt: at('2031-02-01T00:00:00Z'),
			payload: {}
		});
		expect(await jobByKey('pre:a')).toMatchObject({ status: 'pending', runAt: at('2031-02-01T00:00:00Z') });
	});
});

describe('runDueJobs', () => {
	it('runs only what is due, once', async () => {
		await scheduleJob(db(), {
			kind: 'once',
			dedupeKey: 'once-1',
			runAt: at('2032-01-01T10:00:00Z'),
			payload: {}
		});
		const { ran, handler } = recorder();
		const early = await runDueJobs(db(), {
			workerId: 'w',
			now: at('2032-01-01T09:59:00Z'),
			handlers: { once: handler }
		});
		expect(early.claimed).toBe(0);
		const due = await runDueJobs(db(), {
			workerId: 'w',
			now: at('2032-01-01T10:00:00Z'),
			handlers: { once: handler }
		});
		expect(due).toMatchObject({ claimed: 1, done: 1 });
		await runDueJobs(db(), { workerId: 'w2', now: at('2032-01-02T10:00:00Z'), handlers: { once: handler } });
		expect(ran).toEqual(['once-1']);
		expect(await jobByKey('once-1')).toMatchObject({
			status: 'done',
			attempts: 1,
			lockedBy: null,
			doneAt: at('2032-01-01T10:00:00Z')
		});
	});

	it('retries a failing job with growing waits and gives up after the last attempt, keeping the error', async () => {
		await scheduleJob(db(), {
			kind: 'flaky',
			dedupeKey: 'flaky-1',
			runAt: at('2033-01-01T00:00:00Z'),
			payload: {}
		});
		const { handler } = recorder(99);
		let now = at('2033-01-01T00:00:00Z');
		for (let attempt = 1; attempt <= 3; attempt++) {
			const result = await runDueJobs(db(), {
				workerId: 'w',
				now,
				maxAttempts: 3,
				handlers: { flaky: handler }
			});
			const row = await jobByKey('flaky-1');
			expect(row.attempts).toBe(attempt);
			expect(row.lastError).toBe(`mislukt (${attempt})`);
			if (attempt < 3) {
				expect(result.retried).toBe(1);
				expect(row).toMatchObject({ status: 'pending', runAt: new Date(now.getTime() + backoffMs(attempt)) });
				// Not again before the wait is over.
				expect((await runDueJobs(db(), { workerId: 'w', now, handlers: { flaky: handler } })).claimed).toBe(
					0
				);
				now = row.runAt;
			} else {
				expect(result.failed).toBe(1);
				expect(row.status).toBe('failed');
			}
		}
		expect(backoffMs(1)).toBe(60_000);
		expect(backoffMs(3)).toBe(240_000);
		expect(backoffMs(30)).toBe(3_600_000);
	});

	it('fails a job of an unknown kind instead of retrying it forever', async () => {
		await scheduleJob(db(), {
			kind: 'nobody-knows',
			dedupeKey: 'unknown-1',
			runAt: at('2034-01-01T00:00:00Z'),
			payload: {}
		});
		const result = await runDueJobs(db(), { workerId: 'w', now: at('2034-01-01T00:00:00Z'), handlers: {} });
		expect(result.failed).toBe(1);
		expect(await jobByKey('unknown-1')).toMatchObject({
			status: 'failed',
			lastError: "Onbekend soort taak 'nobody-knows'."
		});
	});

	it('takes over a job whose runner died (lease expired), and gives up on one that keeps killing its runner', async () => {
		await scheduleJob(db(), {
			kind: 'once',
			dedupeKey: 'crash-1',
			runAt: at('2035-01-01T00:00:00Z'),
			payload: {}
		});
		// What a crash leaves: claimed by a runner that never finished.
		await db()
			.update(job)
			.set({ status: 'running', lockedBy: 'dead', lockedUntil: at('2035-01-01T00:05:00Z'), attempts: 1 })
			.where(eq(job.dedupeKey, 'crash-1'));
		const { ran, handler } = recorder();
		const handlers = { once: handler };
		expect(
			(await runDueJobs(db(), { workerId: 'new', now: at('2035-01-01T00:04:00Z'), handlers })).claimed
		).toBe(0);
		expect(
			await runDueJobs(db(), { workerId: 'new', now: at('2035-01-01T00:06:00Z'), handlers })
		).toMatchObject({ done: 1 });
		expect(ran).toEqual(['crash-1']);
		expect(await jobByKey('crash-1')).toMatchObject({ status: 'done', attempts: 2 });

		await scheduleJob(db(), {
			kind: 'once',
			dedupeKey: 'poison-1',
			runAt: at('2035-01-01T00:00:00Z'),
			payload: {}
		});
		await db()
			.update(job)
			.set({ status: 'running', lockedBy: 'dead', lockedUntil: at('2035-01-01T00:05:00Z'), attempts: 3 })
			.where(eq(job.dedupeKey, 'poison-1'));
		await runDueJobs(db(), { workerId: 'new', now: at('2035-01-01T00:06:00Z'), maxAttempts: 3, handlers });
		expect(await jobByKey('poison-1')).toMatchObject({
			status: 'failed',
			lastError: 'Na 3 pogingen opgegeven.'
		});
		expect(ran).toEqual(['crash-1']);
	});
});

describe('startJobRunner', () => {
	it('polls, runs due jobs and stops', async () => {
		await scheduleJob(db(), {
			kind: 'action.reminder',
			dedupeKey: 'poll-1',
			runAt: new Date(0),
			payload: { actionId: '00000000-0000-4000-8000-000000000000' }
		});
		const runner = startJobRunner(db(), { pollMs: 50, workerId: 'poller' });
		try {
			for (let i = 0; i < 100 && (await jobByKey('poll-1')).status !== 'done'; i++) {
				await new Promise((r) => setTimeout(r, 50));
			}
		} finally {
			await runner.stop();
		}
		// The reminder handler skipped it (no such action), but the job is done.
		expect(await jobByKey('poll-1')).toMatchObject({ status: 'done' });
	});
});
