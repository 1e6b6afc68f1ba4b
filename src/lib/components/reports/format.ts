import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

export const audienceLabel = (audience: 'members' | 'public'): string =>
	audience === 'public' ? m.reports_audience_public() : m.reports_audience_members();

export function formatDate(value: Date | string): string {
	return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'nl-NL', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(value));
}

/** Plain text as paragraphs: an empty line starts a new one. */
export const paragraphs = (text: string): string[] =>
	text
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean);
