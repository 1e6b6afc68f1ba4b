import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { InstitutionStatus } from '#lib/domain/organisation/codes.ts';

const statusLabels: Record<InstitutionStatus, () => string> = {
	active: m.org_status_active,
	suspended: m.org_status_suspended,
	left: m.org_status_left
};

/** Membership status in the interface language (lid, geschorst, uitgetreden). */
export const institutionStatusLabel = (status: InstitutionStatus): string => statusLabels[status]();

const locale = () => (getLocale() === 'nl' ? 'nl-NL' : 'en-GB');

/** A calendar date (`2025-08-01`) in the interface language, or a dash. */
export function formatDate(value: string | Date | null | undefined): string {
	if (!value) return '—';
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
	return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(date);
}

/** An amount in cents as euros, or a dash. */
export function formatCents(cents: number | null | undefined): string {
	if (cents === null || cents === undefined) return '—';
	return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "25655 · niveau 4 · BOL" */
export function routeCode(route: { qualificationCode: string; level: number; pathway: string }): string {
	return `${route.qualificationCode} · ${m.org_level({ level: route.level })} · ${route.pathway}`;
}
