// What changed between two consecutive revisions of an evaluation: the ratings as counts
// per level for each standard × perspective (a revision corrects what people said, so the
// history shows how the picture moved, not who changed their mind), the capacities as
// helps/hinders counts, and the findings one by one (a copied finding knows the finding
// of the previous revision it came from, so an edit is a change, not a removal + addition).

/** Ratings of one evaluation, already counted: `levelKey` null is "niet beoordeeld". */
export interface RatingCount {
	standardKey: string;
	perspective: string;
	levelKey: string | null;
	count: number;
}

export interface CapacityCount {
	capacityKey: string;
	effect: 'helps' | 'hinders';
	count: number;
}

export interface FindingSnapshot {
	id: string;
	copiedFromId: string | null;
	kind: string;
	valueKey: string | null;
	standardKey: string | null;
	perspective: string | null;
	text: string;
}

export interface RevisionContent {
	ratings: RatingCount[];
	capacities: CapacityCount[];
	findings: FindingSnapshot[];
}

/** The key used for "niet beoordeeld" in level counts. */
export const NOT_RATED = '';

export interface RatingChange {
	standardKey: string;
	perspective: string;
	/** Level key ('' = niet beoordeeld) → number of ratings. */
	before: Record<string, number>;
	after: Record<string, number>;
}

export interface CapacityChange {
	capacityKey: string;
	before: { helps: number; hinders: number };
	after: { helps: number; hinders: number };
}

export type FindingField = 'kind' | 'valueKey' | 'standardKey' | 'perspective' | 'text';

export interface RevisionDiff {
	ratings: RatingChange[];
	capacities: CapacityChange[];
	findings: {
		added: FindingSnapshot[];
		removed: FindingSnapshot[];
		changed: { before: FindingSnapshot; after: FindingSnapshot; fields: FindingField[] }[];
		unchanged: number;
	};
	hasChanges: boolean;
}

const findingFields: FindingField[] = ['kind', 'valueKey', 'standardKey', 'perspective', 'text'];

function countsByCell(ratings: RatingCount[]): Map<string, Record<string, number>> {
	const cells = new Map<string, Record<string, number>>();
	for (const r of ratings) {
		const key = `${r.standardKey}\u0000${r.perspective}`;
		const cell = cells.get(key) ?? {};
		const level = r.levelKey ?? NOT_RATED;
		cell[level] = (cell[level] ?? 0) + r.count;
		cells.set(key, cell);
	}
	return cells;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
	return true;
}

function capacityTotals(rows: CapacityCount[]): Map<string, { helps: number; hinders: number }> {
	const totals = new Map<string, { helps: number; hinders: number }>();
	for (const r of rows) {
		const t = totals.get(r.capacityKey) ?? { helps: 0, hinders: 0 };
		t[r.effect] += r.count;
		totals.set(r.capacityKey, t);
	}
	return totals;
}

/** What changed from revision `before` to revision `after` (the one made from it). */
export function diffRevisions(before: RevisionContent, after: RevisionContent): RevisionDiff {
	const beforeCells = countsByCell(before.ratings);
	const afterCells = countsByCell(after.ratings);
	const ratings: RatingChange[] = [];
	for (const key of [...new Set([...beforeCells.keys(), ...afterCells.keys()])].sort()) {
		const b = beforeCells.get(key) ?? {};
		const a = afterCells.get(key) ?? {};
		if (sameCounts(a, b)) continue;
		const [standardKey, perspective] = key.split('\u0000') as [string, string];
		ratings.push({ standardKey, perspective, before: b, after: a });
	}

	const beforeCaps = capacityTotals(before.capacities);
	const afterCaps = capacityTotals(after.capacities);
	const capacities: CapacityChange[] = [];
	for (const key of [...new Set([...beforeCaps.keys(), ...afterCaps.keys()])].sort()) {
		const b = beforeCaps.get(key) ?? { helps: 0, hinders: 0 };
		const a = afterCaps.get(key) ?? { helps: 0, hinders: 0 };
		if (a.helps !== b.helps || a.hinders !== b.hinders)
			capacities.push({ capacityKey: key, before: b, after: a });
	}

	const previous = new Map(before.findings.map((f) => [f.id, f]));
	const matched = new Set<string>();
	const added: FindingSnapshot[] = [];
	const changed: RevisionDiff['findings']['changed'] = [];
	let unchanged = 0;
	for (const f of after.findings) {
		const origin = f.copiedFromId ? previous.get(f.copiedFromId) : undefined;
		if (!origin || matched.has(origin.id)) {
			added.push(f);
			continue;
		}
		matched.add(origin.id);
		const fields = findingFields.filter((field) => (origin[field] ?? null) !== (f[field] ?? null));
		if (fields.length) changed.push({ before: origin, after: f, fields });
		else unchanged++;
	}
	const removed = before.findings.filter((f) => !matched.has(f.id));
	return {
		ratings,
		capacities,
		findings: { added, removed, changed, unchanged },
		hasChanges:
			ratings.length > 0 ||
			capacities.length > 0 ||
			added.length > 0 ||
			removed.length > 0 ||
			changed.length > 0
	};
}
