// Calendar dates in the Netherlands: "today" (a due date, an evidence date not in the
// future), "overdue" and the hour a reminder goes out are reckoned in Europe/Amsterdam,
// whatever the server's time zone.

export const zone = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: zone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar date (yyyy-mm-dd) in the Netherlands at `now`. */
export function today(now: Date = new Date()): string {
	return dateFormat.format(now);
}

/** `date` plus `days` (may be negative), as yyyy-mm-dd. */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });

/** Minutes the Netherlands is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
	const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
	const m = name.match(/GMT([+-])(\d{2}):(\d{2})/);
	if (!m) return 0;
	return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The instant it is `hour`:00 on `date` in the Netherlands. */
export function dutchTime(date: string, hour: number): Date {
	const guess = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
	// Correct by the offset at the guess, then once more in case that crossed a DST change.
	let instant = new Date(guess.getTime() - offsetMinutes(guess) * 60_000);
	instant = new Date(guess.getTime() - offsetMinutes(instant) * 60_000);
	return instant;
}

/** "12 maart 2026" */
export function formatDutchDate(date: string): string {
	return new Intl.DateTimeFormat('nl-NL', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
}
