import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

export type ModelStatus = 'draft' | 'published' | 'retired';

const statusLabels: Record<ModelStatus, () => string> = {
	draft: m.model_status_draft,
	published: m.model_status_published,
	retired: m.model_status_retired
};

/** The status's name in the interface language. */
export const statusLabel = (status: ModelStatus): string => statusLabels[status]();

/** A date and time in the interface language, or a dash when there is none. */
export function formatDateTime(value: Date | string | null): string {
	if (!value) return '—';
	return new Intl.DateTimeFormat(getLocale() === 'nl' ? 'nl-NL' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(new Date(value));
}
