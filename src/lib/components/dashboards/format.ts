import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

// Made once per language: building an Intl formatter costs far more than using one, and
// a dashboard formats hundreds of cells.
const formats = {
	nl: {
		day: new Intl.DateTimeFormat('nl-NL', {
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			timeZone: 'UTC'
		}),
		mean: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
	},
	en: {
		day: new Intl.DateTimeFormat('en-GB', {
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			timeZone: 'UTC'
		}),
		mean: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
	}
};
const current = () => formats[getLocale() === 'en' ? 'en' : 'nl'];

/** A calendar date (yyyy-mm-dd) in words, or a dash. */
export function formatDay(date: string | null | undefined): string {
	if (!date) return '—';
	return current().day.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** A mean rank with one decimal, or a dash. */
export function formatMean(mean: number | null | undefined): string {
	if (mean === null || mean === undefined) return '—';
	return current().mean.format(mean);
}

/** A table cell: a number with one decimal in the page's language, anything else as it is. */
export function formatCell(cell: string | number): string {
	return typeof cell === 'number' ? current().mean.format(cell) : cell;
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
