import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

type Status = 'open' | 'in_progress' | 'done' | 'cancelled';

const statusLabels: Record<Status, () => string> = {
	open: m.agenda_status_open,
	in_progress: m.agenda_status_in_progress,
	done: m.agenda_status_done,
	cancelled: m.agenda_status_cancelled
};
export const statuses = Object.keys(statusLabels) as Status[];

/** An action's status in the interface language. */
export const statusLabel = (status: Status): string => statusLabels[status]();

const findingKinds: Record<string, () => string> = {
	strength: m.agenda_finding_strength,
	concern: m.agenda_finding_concern,
	good_practice: m.agenda_finding_good_practice,
	risk: m.agenda_finding_risk
};
export const findingKindLabel = (kind: string): string => findingKinds[kind]?.() ?? kind;

/** A moment (note, creation) with date and time, in Dutch time. */
export function formatDateTime(value: Date | string): string {
	return new Intl.DateTimeFormat(getLocale() === 'nl' ? 'nl-NL' : 'en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/Amsterdam'
	}).format(typeof value === 'string' ? new Date(value) : value);
}

/** A long text cut to `max` characters for a select option. */
export const excerpt = (text: string, max = 90): string =>
	text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
