import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { runDueJobs } from '../jobs/job.runner.ts';
import type { JobHandler } from '../jobs/job.service.ts';
import { job } from '../jobs/job.table.ts';
import { mailMessage } from '../mail/mail.table.ts';
import { ensureDefaultModel } from '../model/model.service.ts';
import { useWorld } from '../organisation/test-world.ts';
import { buildPerson, type BuiltPerson } from '../testing/factories.ts';
import { actionReminderKind, handleActionReminder, reminderTimes } from './action.reminders.ts';
import { addProgressNote, createAction, updateAction } from './action.service.ts';
import { addDays, today } from '../../domain/dates.ts';

// Reminders are durable jobs: these tests run the runner with a chosen `now`, simulate a
// crash (a job left running with an expired lease) and two runners at once, and read the
// messages from the outbox (`mail_message`; no SMTP_URL in tests).

const { db, world } = useWorld();

beforeAll(async () => {
	await ensureDefaultModel(db());
});
// Each test starts without jobs, so a runner only sees the reminders of that test.
beforeEach(async () => {
	await db().delete(job);
});

let owner: BuiltPerson;
let n = 0;
/** Each test gets its own owner, so counting their mail counts that test's reminders. */
beforeEach(async () => {
	owner = await buildPerson(db(), [{ role: 'team_member', institutionId: world.a.id, teamId: world.a1.id }], {
		name: `Eigenaar ${++n}`
	});
});

const dueOn = addDays(today(), 20);
const minute = 60_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

async function newAction(overrides: Record<string, unknown> = {}) {
	return createAction(db(), world.people.leadA1.actor, {
		institutionId: world.a.id,
		teamId: world.a1.id,
		title: `Stagebegeleiding verbeteren ${n}`,
		ownerId: owner.id,
		dueOn,
		...overrides
	});
}

const mailsTo = (email: string) =>
	db().select().from(mailMessage).where(eq(mailMessage.to, email)).orderBy(mailMessage.createdAt);

const jobsOf = (actionId: string) =>
	db()
		.select()
		.from(job)
		.where(like(job.dedupeKey, `action-reminder:${actionId}:%`))
		.orderBy(job.runAt);

describe('scheduling', () => {
	it('schedules a reminder 7 days before the due date and one the day after, at 08:00 Dutch time', async () => {
		const action = await newAction();
		const jobs = await jobsOf(action.id);
		const times = reminderTimes(dueOn, 7);
		expect(jobs.map((j) => [j.kind, j.status, j.runAt.toISOString()])).toEqual([
			[actionReminderKind, 'pending', times.before.toISOString()],
			[actionReminderKind, 'pending', times.overdue.toISOString()]
		]);
		expect(
			new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: 'numeric' }).format(times.before)
		).toBe('08');
		expect(jobs[0]?.dedupeKey).toBe(`action-reminder:${action.id}:before:${dueOn}:${owner.id}`);
	});

	it('skips reminders whose moment has passed, and schedules none without owner or date', async () => {
		const soon = await newAction({ dueOn: addDays(today(), 3) });
		expect((await jobsOf(soon.id)).map((j) => (j.payload as { type: string }).type)).toEqual(['overdue']);
		const late = await newAction({ dueOn: addDays(today(), -3) });
		expect(await jobsOf(late.id)).toEqual([]);
		const noOwner = await newAction({ ownerId: null });
		const noDate = await newAction({ dueOn: null });
		expect(await jobsOf(noOwner.id)).toEqual([]);
		expect(await jobsOf(noDate.id)).toEqual([]);
	});
});

describe('sending', () => {
	it('sends the owner a Dutch reminder with a link, once, and an overdue one after the date', async () => {
		const action = await newAction();
		const times = reminderTimes(dueOn, 7);
		expect((await runDueJobs(db(), { workerId: 'w1', now: plus(times.before, -minute) })).claimed).toBe(0);
		expect(await mailsTo(owner.email)).toHaveLength(0);
		expect(await runDueJobs(db(), { workerId: 'w1', now: plus(times.before, minute) })).toMatchObject({
			done: 1
		});
		await runDueJobs(db(), { workerId: 'w2', now: plus(times.before, 10 * minute) });
		const [before, ...rest] = await mailsTo(owner.email);
		expect(rest).toEqual([]);
		expect(before).toMatchObject({ status: 'outbox' });
		expect(before!.subject).toContain(`Herinnering: verbeteractie '${action.title}'`);
		expect(before!.text).toContain(`Beste ${owner.actor.name},`);
		expect(before!.text).toContain(`/verbeteragenda/${action.id}`);
		expect(before!.text).toContain('team Zorg A (ROC Alfa)');

		await runDueJobs(db(), { workerId: 'w1', now: plus(times.overdue, minute) });
		const mails = await mailsTo(owner.email);
		expect(mails).toHaveLength(2);
		expect(mails[1]!.subject).toContain('is over de einddatum');
	});

	it('sends nothing for an action that was finished, and reminds again when it is reopened', async () => {
		const action = await newAction();
		const done = await addProgressNote(db(), owner.actor, action.id, { text: 'Klaar', status: 'done' });
		expect((await jobsOf(action.id)).map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
		const times = reminderTimes(dueOn, 7);
		await runDueJobs(db(), { workerId: 'w', now: plus(times.overdue, minute) });
		expect(await mailsTo(owner.email)).toHaveLength(0);
		await updateAction(db(), world.people.leadA1.actor, action.id, {
			version: done.action.version,
			status: 'open'
		});
		expect((await jobsOf(action.id)).map((j) => j.status)).toEqual(['pending', 'pending']);
	});
});

describe('a restart', () => {
	it('sends a reminder whose runner crashed mid-job exactly once, from a fresh runner', async () => {
		const action = await newAction();
		const times = reminderTimes(dueOn, 7);
		const [reminder] = await jobsOf(action.id);
		// The old process claimed the job at its time and died: running, lease until +5 min.
		await db()
			.update(job)
			.set({
				status: 'running',
				lockedBy: 'old-process',
				lockedUntil: plus(times.before, 5 * minute),
				attempts: 1
			})
			.where(eq(job.id, reminder!.id));
		// The new process starts while the old lease still holds: it waits.
		expect(
			(await runDueJobs(db(), { workerId: 'new-process', now: plus(times.before, 2 * minute) })).claimed
		).toBe(0);
		expect(await mailsTo(owner.email)).toHaveLength(0);
		await runDueJobs(db(), { workerId: 'new-process', now: plus(times.before, 6 * minute) });
		await runDueJobs(db(), { workerId: 'new-process', now: plus(times.before, 60 * minute) });
		expect(await mailsTo(owner.email)).toHaveLength(1);
		const [after] = await db().select().from(job).where(eq(job.id, reminder!.id));
		expect(after).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
	});

	it('leaves no message when the job fails after writing it, and sends it once on the retry', async () => {
		await newAction();
		const times = reminderTimes(dueOn, 7);
		// The mail is written, then the work fails before "done": both roll back together.
		const crashAfterMail: JobHandler = async (tx, row, context) => {
			await handleActionReminder(tx, row, context);
			throw new Error('verbinding verbroken');
		};
		const first = await runDueJobs(db(), {
			workerId: 'w',
			now: plus(times.before, minute),
			handlers: { [actionReminderKind]: crashAfterMail }
		});
		expect(first.retried).toBe(1);
		expect(await mailsTo(owner.email)).toHaveLength(0);
		await runDueJobs(db(), { workerId: 'w', now: plus(times.before, 10 * minute) });
		await runDueJobs(db(), { workerId: 'w', now: plus(times.before, 20 * minute) });
		expect(await mailsTo(owner.email)).toHaveLength(1);
	});
});

/**
 * A second handle on the same database. On PostgreSQL a separate pool (another instance's
 * connections), so the runners really race; PGlite has one connection, which serialises them.
 */
async function secondHandle(): Promise<{ db: Database; close: () => Promise<void> }> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) return { db: db(), close: async () => {} };
	const result = await db().execute(sql`select current_database() as name`);
	const name = (result as unknown as { rows: { name: string }[] }).rows[0]!.name;
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const other = await connect({ databaseUrl: url.toString(), poolSize: 4 });
	return { db: other.db, close: other.close };
}

describe('two instances', () => {
	let other: Awaited<ReturnType<typeof secondHandle>>;
	beforeAll(async () => {
		other = await secondHandle();
	});
	afterAll(() => other.close());

	it('send each reminder once when both run at the same moment', async () => {
		const actions = [];
		for (let i = 0; i < 12; i++) actions.push(await newAction({ title: `Gelijktijdig ${i}` }));
		const now = plus(reminderTimes(dueOn, 7).before, minute);
		const totals = { a: 0, b: 0 };
		for (let round = 0; round < 10; round++) {
			const [a, b] = await Promise.all([
				runDueJobs(db(), { workerId: 'instance-a', now, limit: 5 }),
				runDueJobs(other.db, { workerId: 'instance-b', now, limit: 5 })
			]);
			totals.a += a.done;
			totals.b += b.done;
			if (a.claimed + b.claimed === 0) break;
		}
		expect(totals.a + totals.b).toBe(12);
		const mails = await mailsTo(owner.email);
		expect(mails).toHaveLength(12);
		expect(new Set(mails.map((m) => m.subject)).size).toBe(12);
		const beforeJobs = await db()
			.select()
			.from(job)
			.where(and(eq(job.kind, actionReminderKind), eq(job.status, 'done')));
		expect(beforeJobs).toHaveLength(12);
		expect(beforeJobs.every((j) => j.attempts === 1)).toBe(true);
	});
});

describe('a moved due date', () => {
	it('does not send the reminders of the old date, and sends the new ones', async () => {
		const action = await newAction();
		const oldTimes = reminderTimes(dueOn, 7);
		const newDue = addDays(dueOn, 14);
		const moved = await updateAction(db(), world.people.leadA1.actor, action.id, {
			version: 1,
			dueOn: newDue
		});
		const jobs = await jobsOf(action.id);
		expect(jobs.map((j) => [(j.payload as { dueOn: string }).dueOn, j.status])).toEqual([
			[dueOn, 'cancelled'],
			[dueOn, 'cancelled'],
			[newDue, 'pending'],
			[newDue, 'pending']
		]);
		// A reminder of the old date that a runner had already claimed when the date moved
		// (so it was not cancelled): the handler re-reads the action and skips it.
		await db().update(job).set({ status: 'pending' }).where(eq(job.id, jobs[0]!.id));
		expect(await runDueJobs(db(), { workerId: 'w', now: plus(oldTimes.before, minute) })).toMatchObject({
			done: 1
		});
		expect(await mailsTo(owner.email)).toHaveLength(0);
		await runDueJobs(db(), { workerId: 'w', now: plus(oldTimes.overdue, minute) });
		expect(await mailsTo(owner.email)).toHaveLength(0);

		await runDueJobs(db(), { workerId: 'w', now: plus(reminderTimes(newDue, 7).before, minute) });
		const mails = await mailsTo(owner.email);
		expect(mails).toHaveLength(1);
		expect(moved.dueOn).toBe(newDue);
	});

	it('reminds the new owner, not the old one, after a change of owner', async () => {
		const action = await newAction();
		const first = owner;
		const second = await buildPerson(db(), [
			{ role: 'team_lead', institutionId: world.a.id, teamId: world.a1.id }
		]);
		await updateAction(db(), world.people.qoA.actor, action.id, { version: 1, ownerId: second.id });
		await runDueJobs(db(), { workerId: 'w', now: plus(reminderTimes(dueOn, 7).before, minute) });
		expect(await mailsTo(first.email)).toHaveLength(0);
		expect(await mailsTo(second.email)).toHaveLength(1);
	});
});
