import { eq } from 'drizzle-orm';
import { user } from '../auth/auth.table.ts';
import { config } from '../config.ts';
import type { Database, Tx } from '../db/database.ts';
import { log } from '../http/log.ts';
import { sendMail } from '../mail/mail.service.ts';
import { cancelPendingJobs, scheduleJob, type JobHandler, type NewJob } from '../jobs/job.service.ts';
import { loadSubject } from '../ambitions/subject.ts';
import { openStatuses, type ActionStatus } from './action.input.ts';
import { improvementAction } from './agenda.table.ts';
import { addDays, dutchTime, formatDutchDate } from '../../domain/dates.ts';

// An action's owner gets an e-mail N days (ACTION_REMINDER_DAYS, default 7) before the due
// date and one the day after it when the action is still open, both at 08:00 Dutch time.
// The jobs are keyed by action, kind, due date and owner: a new due date or owner schedules
// new ones (the old pending ones are cancelled), and the handler re-reads the action, so a
// reminder about a date or owner that is no longer current is never sent.

export const actionReminderKind = 'action.reminder';
export const reminderHour = 8;

export type ReminderType = 'before' | 'overdue';

export interface ReminderPayload {
	actionId: string;
	type: ReminderType;
	dueOn: string;
	ownerId: string;
}

type ActionState = {
	id: string;
	ownerId: string | null;
	dueOn: string | null;
	status: ActionStatus;
};

const keyPrefix = (actionId: string) => `action-reminder:${actionId}:`;
const reminderKey = (p: ReminderPayload) => `${keyPrefix(p.actionId)}${p.type}:${p.dueOn}:${p.ownerId}`;

/** When each reminder of this due date goes out. */
export function reminderTimes(dueOn: string, daysBefore = config.jobs.reminderDaysBefore) {
	return {
		before: dutchTime(addDays(dueOn, -daysBefore), reminderHour),
		overdue: dutchTime(addDays(dueOn, 1), reminderHour)
	};
}

/**
 * Brings an action's reminder jobs in line with its current owner, due date and status;
 * call it in the transaction that changed the action. A reminder whose moment has already
 * passed when the date or owner is set is not scheduled (whoever set it knows; an import
 * of old actions does not flood the owners). Each sends at most once per date and owner.
 */
export async function scheduleReminders(
	tx: Tx,
	action: ActionState,
	now: Date,
	daysBefore = config.jobs.reminderDaysBefore
): Promise<void> {
	const wanted: { job: NewJob; due: boolean }[] = [];
	if (action.ownerId && action.dueOn && openStatuses.includes(action.status)) {
		const times = reminderTimes(action.dueOn, daysBefore);
		for (const type of ['before', 'overdue'] as const) {
			const payload: ReminderPayload = {
				actionId: action.id,
				type,
				dueOn: action.dueOn,
				ownerId: action.ownerId
			};
			wanted.push({
				job: {
					kind: actionReminderKind,
					dedupeKey: reminderKey(payload),
					runAt: times[type],
					payload: { ...payload }
				},
				due: times[type] > now
			});
		}
	}
	// Keep both keys of the current date and owner, so a "before" reminder that is due but
	// not yet sent (the server was down) is not cancelled by an unrelated edit.
	await cancelPendingJobs(
		tx,
		keyPrefix(action.id),
		wanted.map((w) => w.job.dedupeKey)
	);
	for (const w of wanted) if (w.due) await scheduleJob(tx, w.job);
}

/** The reminder e-mail in Dutch, with a link to the action. */
export function reminderMail(input: {
	type: ReminderType;
	actionId: string;
	title: string;
	dueOn: string;
	ownerName: string;
	subjectName: string;
	origin?: string;
}) {
	const link = `${(input.origin ?? config.origin).replace(/\/$/, '')}/verbeteragenda/${input.actionId}`;
	const date = formatDutchDate(input.dueOn);
	const subject =
		input.type === 'before'
			? `Herinnering: verbeteractie '${input.title}' moet op ${date} af zijn`
			: `Verbeteractie '${input.title}' is over de einddatum (${date})`;
	const body =
		input.type === 'before'
			? `U bent eigenaar van de verbeteractie '${input.title}' van ${input.subjectName}. De einddatum is ${date}.`
			: `U bent eigenaar van de verbeteractie '${input.title}' van ${input.subjectName}. De einddatum was ${date} en de actie staat nog open.`;
	const text = [
		`Beste ${input.ownerName},`,
		'',
		body,
		'',
		'Werk de voortgang bij, rond de actie af of spreek een nieuwe einddatum af:',
		link,
		'',
		'Met vriendelijke groet,',
		'Kwaliteitsspiegel',
		'',
		'U ontvangt dit bericht omdat u eigenaar bent van deze actie.'
	].join('\n');
	return { subject, text };
}

/**
 * Sends one reminder if it is still current: the action exists, still needs work, and
 * has the due date and owner the reminder was scheduled for. Runs inside the runner's
 * transaction, so the message in the outbox and "job done" commit together.
 */
export const handleActionReminder: JobHandler = async (tx, job) => {
	const p = job.payload as unknown as ReminderPayload;
	const [action] = await tx.select().from(improvementAction).where(eq(improvementAction.id, p.actionId));
	const stale = !action
		? 'action gone'
		: !openStatuses.includes(action.status)
			? 'action closed'
			: action.dueOn !== p.dueOn || action.ownerId !== p.ownerId
				? 'due date or owner changed'
				: null;
	if (stale || !action) {
		log('debug', 'reminder skipped', { jobId: job.id, reason: stale });
		return;
	}
	const [owner] = await tx
		.select({ name: user.name, email: user.email, archivedAt: user.archivedAt })
		.from(user)
		.where(eq(user.id, p.ownerId));
	if (!owner || owner.archivedAt) {
		log('debug', 'reminder skipped', { jobId: job.id, reason: 'owner gone' });
		return;
	}
	const subject = await loadSubject(tx, action);
	const subjectName = subject?.teamName
		? `team ${subject.teamName} (${subject.institutionName})`
		: (subject?.institutionName ?? 'uw instelling');
	const mail = reminderMail({
		type: p.type,
		actionId: action.id,
		title: action.title,
		dueOn: p.dueOn,
		ownerName: owner.name,
		subjectName
	});
	await sendMail(tx as Database, { to: owner.email, ...mail });
};
