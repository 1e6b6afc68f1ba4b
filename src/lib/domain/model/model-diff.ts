import type {
	Capacity,
	ModelDocument,
	ModelLevel,
	RatingLevel,
	ReferenceValue,
	Standard
} from './model-document.ts';

/** One field that differs; arrays (indicators, valueKeys, …) are compared and reported whole. */
export type FieldChange = { field: string; before: unknown; after: unknown };

export type ChangedItem<T> = { key: string; before: T; after: T; fields: FieldChange[] };

/** Items are matched by key, so reordering a list is not reported as a change. */
export type CollectionDiff<T> = {
	added: T[];
	removed: T[];
	changed: ChangedItem<T>[];
	unchanged: number;
};

export type ModelDiff = {
	/** Scalar fields by dotted path: name, description, exampleContent, framing.*, ratingScale.notRatedLabel, ratingScale.standardLevelKey. */
	fields: FieldChange[];
	values: CollectionDiff<ReferenceValue>;
	levels: CollectionDiff<ModelLevel>;
	standards: CollectionDiff<Standard>;
	capacities: CollectionDiff<Capacity>;
	ratingLevels: CollectionDiff<RatingLevel>;
	hasChanges: boolean;
};

function sameValue(a: unknown, b: unknown): boolean {
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
	}
	return a === b;
}

function diffFields<T extends object>(before: T, after: T, prefix = ''): FieldChange[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	const changes: FieldChange[] = [];
	for (const name of names) {
		const a = (before as Record<string, unknown>)[name];
		const b = (after as Record<string, unknown>)[name];
		if (!sameValue(a, b)) changes.push({ field: `${prefix}${name}`, before: a, after: b });
	}
	return changes;
}

function diffCollection<T extends { key: string }>(
	before: readonly T[],
	after: readonly T[]
): CollectionDiff<T> {
	const beforeByKey = new Map(before.map((item) => [item.key, item]));
	const afterKeys = new Set(after.map((item) => item.key));
	const diff: CollectionDiff<T> = { added: [], removed: [], changed: [], unchanged: 0 };
	for (const item of after) {
		const old = beforeByKey.get(item.key);
		if (!old) {
			diff.added.push(item);
			continue;
		}
		const fields = diffFields(old, item);
		if (fields.length === 0) diff.unchanged += 1;
		else diff.changed.push({ key: item.key, before: old, after: item, fields });
	}
	diff.removed = before.filter((item) => !afterKeys.has(item.key));
	return diff;
}

function collectionHasChanges(diff: CollectionDiff<unknown>): boolean {
	return diff.added.length + diff.removed.length + diff.changed.length > 0;
}

/** Compares two model versions (`a` = before, `b` = after) by key per collection and by field for scalars. */
export function diffModelDocuments(a: ModelDocument, b: ModelDocument): ModelDiff {
	const fields = [
		...diffFields(
			{ name: a.name, description: a.description, exampleContent: a.exampleContent },
			{ name: b.name, description: b.description, exampleContent: b.exampleContent }
		),
		...diffFields(a.framing, b.framing, 'framing.'),
		...diffFields(
			{
				notRatedLabel: a.ratingScale.notRatedLabel,
				standardLevelKey: a.ratingScale.standardLevelKey
			},
			{
				notRatedLabel: b.ratingScale.notRatedLabel,
				standardLevelKey: b.ratingScale.standardLevelKey
			},
			'ratingScale.'
		)
	];
	const collections = {
		values: diffCollection(a.values, b.values),
		levels: diffCollection(a.levels, b.levels),
		standards: diffCollection(a.standards, b.standards),
		capacities: diffCollection(a.capacities, b.capacities),
		ratingLevels: diffCollection(a.ratingScale.levels, b.ratingScale.levels)
	};
	const hasChanges =
		fields.length > 0 || Object.values(collections).some((diff) => collectionHasChanges(diff));
	return { fields, ...collections, hasChanges };
}
