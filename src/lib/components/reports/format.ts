import { m } from '#lib/paraglide/messages.js';

export const audienceLabel = (audience: 'members' | 'public'): string =>
	audience === 'public' ? m.reports_audience_public() : m.reports_audience_members();

/** Plain text as paragraphs: an empty line starts a new one. */
export const paragraphs = (text: string): string[] =>
	text
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean);
