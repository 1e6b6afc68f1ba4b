import { describe, it, expect } from 'vitest';
import { defaultModelDocument } from './default-model.ts';
import { diffModelDocuments } from './model-diff.ts';
import type { ModelDocument } from './model-document.ts';

function doc(): ModelDocument {
	return structuredClone(defaultModelDocument);
}

describe('diffModelDocuments', () => {
	it('finds nothing for identical documents', () => {
		const diff = diffModelDocuments(defaultModelDocument, doc());
		expect(diff.hasChanges).toBe(false);
		expect(diff.fields).toEqual([]);
		expect(diff.standards).toEqual({
			added: [],
			removed: [],
			changed: [],
			unchanged: defaultModelDocument.standards.length
		});
		expect(diff.values.unchanged).toBe(5);
		expect(diff.ratingLevels.unchanged).toBe(4);
	});

	it('ignores reordering within a collection', () => {
		const after = doc();
		after.standards.reverse();
		after.values.reverse();
		expect(diffModelDocuments(defaultModelDocument, after).hasChanges).toBe(false);
	});

	it('finds added, removed and changed standards', () => {
		const after = doc();
		const removed = after.standards.splice(1, 1)[0]!;
		const changed = after.standards[0]!;
		changed.title = 'Gedeelde en levende visie op goed onderwijs';
		changed.indicators = [...changed.indicators, 'De visie wordt jaarlijks besproken.'];
		const added = { ...structuredClone(changed), key: 'team-nieuw', title: 'Nieuwe standaard' };
		after.standards.push(added);

		const diff = diffModelDocuments(defaultModelDocument, after);
		expect(diff.hasChanges).toBe(true);
		expect(diff.standards.added).toEqual([added]);
		expect(diff.standards.removed).toEqual([removed]);
		expect(diff.standards.changed).toHaveLength(1);
		const change = diff.standards.changed[0]!;
		expect(change.key).toBe('team-visie');
		expect(change.fields.map((field) => field.field)).toEqual(['title', 'indicators']);
		expect(change.fields[1]).toEqual({
			field: 'indicators',
			before: defaultModelDocument.standards[0]!.indicators,
			after: changed.indicators
		});
		expect(diff.standards.unchanged).toBe(defaultModelDocument.standards.length - 2);
	});

	it('reports changed framing and scalar fields with before and after', () => {
		const after = doc();
		after.framing.goal = 'Actueel onderwijs van hoge kwaliteit';
		after.exampleContent = false;
		after.ratingScale.notRatedLabel = 'nog niet beoordeeld';
		const diff = diffModelDocuments(defaultModelDocument, after);
		expect(diff.hasChanges).toBe(true);
		expect(diff.fields).toEqual([
			{ field: 'exampleContent', before: true, after: false },
			{
				field: 'framing.goal',
				before: defaultModelDocument.framing.goal,
				after: 'Actueel onderwijs van hoge kwaliteit'
			},
			{
				field: 'ratingScale.notRatedLabel',
				before: 'niet beoordeeld',
				after: 'nog niet beoordeeld'
			}
		]);
		expect(diff.standards.changed).toEqual([]);
	});

	it('compares values, capacities and rating levels by key', () => {
		const after = doc();
		after.values[0]!.description = 'Nieuwe omschrijving.';
		after.capacities.pop();
		after.ratingScale.levels[3]!.label = 'op ambitie';
		const diff = diffModelDocuments(defaultModelDocument, after);
		expect(diff.values.changed.map((c) => [c.key, c.fields.map((f) => f.field)])).toEqual([
			['eigenaarschap', ['description']]
		]);
		expect(diff.capacities.removed.map((c) => c.key)).toEqual(['reflective']);
		expect(diff.ratingLevels.changed[0]?.fields).toEqual([
			{ field: 'label', before: 'op ambitieniveau', after: 'op ambitie' }
		]);
	});
});
