/** Splits rows into batches, so one insert never exceeds PostgreSQL's 65,535 parameters. */
export function chunks<T>(rows: readonly T[], size = 1000): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

/** Names compare as the import compares them: case-insensitive, spaces collapsed. */
export function nameKey(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
