/*
 * Where does a team or institution stand? The rules behind every dashboard, report and
 * roll-up (the roll-up SQL in server/dashboards/rollup.service.ts follows the same rule
 * for the nearest level, in integers).
 *
 * - The mean rank is the mean of all ratings that have a level ("niet beoordeeld" does
 *   not count), all respondents and perspectives together.
 * - The position is the scale level nearest to the mean rank; a mean exactly between
 *   two levels counts as the lower one (a team is "boven de standaard" only when its
 *   ratings are nearer to that level than to the one below).
 * - Against the standard: the position's rank below, equal to or above the rank of the
 *   scale's standard level. Against the ambition: reached when the position's rank is at
 *   least the ambition's target rank.
 */

export interface RankedLevel {
	rank: number;
}

export type VersusStandard = 'below' | 'at' | 'above';
export type VersusAmbition = 'below' | 'reached';

/** The mean rank, or null when nothing was rated. */
export function meanRank(rankSum: number, ratedCount: number): number | null {
	return ratedCount > 0 ? rankSum / ratedCount : null;
}

/**
 * The level nearest to rankSum/ratedCount, compared exactly as |rank·n − sum| (ties to
 * the lower level); null when nothing was rated or the scale is empty.
 */
export function nearestLevel<T extends RankedLevel>(
	levels: readonly T[],
	rankSum: number,
	ratedCount: number
): T | null {
	if (ratedCount <= 0) return null;
	let best: T | null = null;
	let bestDistance = Infinity;
	for (const level of [...levels].sort((a, b) => a.rank - b.rank)) {
		const distance = Math.abs(level.rank * ratedCount - rankSum);
		if (distance < bestDistance) {
			best = level;
			bestDistance = distance;
		}
	}
	return best;
}

/** The level nearest to a mean rank (ties to the lower level); null for a null mean. */
export function levelForMean<T extends RankedLevel>(levels: readonly T[], mean: number | null): T | null {
	if (mean === null || !Number.isFinite(mean)) return null;
	let best: T | null = null;
	let bestDistance = Infinity;
	for (const level of [...levels].sort((a, b) => a.rank - b.rank)) {
		const distance = Math.abs(level.rank - mean);
		// A tolerance, so that a mean such as 2.5 computed in floating point still ties.
		if (distance < bestDistance - 1e-9) {
			best = level;
			bestDistance = distance;
		}
	}
	return best;
}

export function versusStandard(positionRank: number | null, standardRank: number): VersusStandard | null {
	if (positionRank === null) return null;
	if (positionRank < standardRank) return 'below';
	return positionRank === standardRank ? 'at' : 'above';
}

export function versusAmbition(
	positionRank: number | null,
	ambitionRank: number | null
): VersusAmbition | null {
	if (positionRank === null || ambitionRank === null) return null;
	return positionRank >= ambitionRank ? 'reached' : 'below';
}

// The anonymity rule lives with the other one about perspectives.
export { shownSeparately } from '../anonymity.ts';

/** The mean rounded to one decimal for display and tables (null stays null). */
export function roundedMean(mean: number | null): number | null {
	return mean === null ? null : Math.round(mean * 10) / 10;
}
