import { m } from '#lib/paraglide/messages.js';

const labels = {
	queued: m.outbox_status_queued,
	sent: m.outbox_status_sent,
	failed: m.outbox_status_failed,
	outbox: m.outbox_status_outbox
} as const;

/** The status of a message in the interface language. */
export const statusLabel = (status: keyof typeof labels): string => labels[status]();

/** A date and time in the interface language. */
export const dateTime = (d: Date | string, locale: string) =>
	new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(new Date(d));
