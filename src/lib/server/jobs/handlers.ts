import { actionReminderKind, handleActionReminder } from '../agenda/action.reminders.ts';
import type { JobHandler } from './job.service.ts';

/** Every kind of job the app runs, by `job.kind`. */
export const jobHandlers: Record<string, JobHandler> = {
	[actionReminderKind]: handleActionReminder
};
