import type { Tx } from '../db/database.ts';
import { network } from '../organisation/organisation.table.ts';
import type { perspective } from '../evaluations/evaluation.table.ts';

export type Perspective = (typeof perspective.enumValues)[number];
/** A perspective shown on its own, or `other`: the small ones merged. */
export type PerspectiveGroup = Perspective | 'other';

export const perspectiveOrder: readonly Perspective[] = [
	'student',
	'teacher',
	'work_field',
	'management',
	'board',
	'support',
	'external'
];

/** The network's anonymity threshold (default 5 when no network row exists yet). */
export async function anonymityThreshold(db: Tx): Promise<number> {
	const [row] = await db.select({ threshold: network.anonymityThreshold }).from(network).limit(1);
	return row?.threshold ?? 5;
}

/**
 * Which group each perspective is shown in: a perspective with fewer respondents than the
 * threshold is never shown separately, so it goes into `other`.
 */
export function perspectiveGroups(
	respondents: ReadonlyMap<Perspective, number>,
	threshold: number
): Map<Perspective, PerspectiveGroup> {
	const groups = new Map<Perspective, PerspectiveGroup>();
	for (const p of perspectiveOrder) {
		const n = respondents.get(p) ?? 0;
		if (n > 0) groups.set(p, n >= threshold ? p : 'other');
	}
	return groups;
}
