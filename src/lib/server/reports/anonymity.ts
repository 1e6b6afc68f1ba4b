import type { Tx } from '../db/database.ts';
import { groupPerspectives } from '../../domain/anonymity.ts';
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
 * Which group each perspective is shown in: itself, or `other` (the rule is
 * `groupPerspectives`: small perspectives are merged, and the merged group is never so
 * small that subtracting the shown groups from the whole would reveal it).
 */
export function perspectiveGroups(
	respondents: ReadonlyMap<Perspective, number>,
	threshold: number
): Map<Perspective, PerspectiveGroup> {
	const { shown } = groupPerspectives(respondents, threshold, perspectiveOrder);
	const groups = new Map<Perspective, PerspectiveGroup>();
	for (const p of perspectiveOrder) {
		if ((respondents.get(p) ?? 0) > 0) groups.set(p, shown.includes(p) ? p : 'other');
	}
	return groups;
}
