import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

const locale = () => (getLocale() === 'en' ? 'en-GB' : 'nl-NL');

/** A calendar date (yyyy-mm-dd) in words, or a dash. */
export function formatDay(date: string | null | undefined): string {
	if (!date) return '—';
	return new Intl.DateTimeFormat(locale(), {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** A mean rank with one decimal, or a dash. */
export function formatMean(mean: number | null | undefined): string {
	if (mean === null || mean === undefined) return '—';
	return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
}

export function statusLabel(status: string): string {
	switch (status) {
		case 'open':
			return m.dashboards_status_open();
		case 'in_progress':
			return m.dashboards_status_in_progress();
		case 'done':
			return m.dashboards_status_done();
		case 'cancelled':
			return m.dashboards_status_cancelled();
		default:
			return status;
	}
}

export function versusStandardLabel(v: 'below' | 'at' | 'above' | null): string {
	if (v === 'below') return m.dashboards_vs_standard_below();
	if (v === 'at') return m.dashboards_vs_standard_at();
	if (v === 'above') return m.dashboards_vs_standard_above();
	return '—';
}

export function versusAmbitionLabel(v: 'below' | 'reached' | null, hasAmbition: boolean): string {
	if (!hasAmbition) return m.dashboards_no_ambition();
	if (v === 'reached') return m.dashboards_vs_ambition_reached();
	if (v === 'below') return m.dashboards_vs_ambition_below();
	return '—';
}
