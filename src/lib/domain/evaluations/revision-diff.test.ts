import { describe, expect, it } from 'vitest';
import { diffRevisions, type FindingSnapshot, type RevisionContent } from './revision-diff.ts';

const finding = (id: string, text: string, extra: Partial<FindingSnapshot> = {}): FindingSnapshot => ({
	id,
	copiedFromId: null,
	kind: 'strength',
	valueKey: 'dialoog',
	standardKey: null,
	perspective: null,
	text,
	...extra
});

const empty: RevisionContent = { ratings: [], capacities: [], findings: [] };

describe('diffRevisions', () => {
	it('finds nothing between a revision and its unchanged copy', () => {
		const before: RevisionContent = {
			ratings: [
				{ standardKey: 'team-visie', perspective: 'teacher', levelKey: 'at-standard', count: 3 },
				{ standardKey: 'team-visie', perspective: 'teacher', levelKey: null, count: 1 }
			],
			capacities: [{ capacityKey: 'learning', effect: 'helps', count: 2 }],
			findings: [finding('a', 'Goed gesprek')]
		};
		const after: RevisionContent = {
			...before,
			findings: [finding('a2', 'Goed gesprek', { copiedFromId: 'a' })]
		};
		const diff = diffRevisions(before, after);
		expect(diff.hasChanges).toBe(false);
		expect(diff.findings.unchanged).toBe(1);
		expect(diff.ratings).toEqual([]);
	});

	it('shows a moved rating as counts per level before and after, per standard and perspective', () => {
		const before: RevisionContent = {
			...empty,
			ratings: [
				{ standardKey: 'team-visie', perspective: 'teacher', levelKey: 'below-standard', count: 2 },
				{ standardKey: 'team-visie', perspective: 'student', levelKey: 'at-standard', count: 5 }
			]
		};
		const after: RevisionContent = {
			...empty,
			ratings: [
				{ standardKey: 'team-visie', perspective: 'teacher', levelKey: 'below-standard', count: 1 },
				{ standardKey: 'team-visie', perspective: 'teacher', levelKey: 'at-standard', count: 1 },
				{ standardKey: 'team-visie', perspective: 'student', levelKey: 'at-standard', count: 5 }
			]
		};
		const diff = diffRevisions(before, after);
		expect(diff.ratings).toEqual([
			{
				standardKey: 'team-visie',
				perspective: 'teacher',
				before: { 'below-standard': 2 },
				after: { 'below-standard': 1, 'at-standard': 1 }
			}
		]);
		expect(diff.hasChanges).toBe(true);
	});

	it('counts "niet beoordeeld" under the empty key and sees a cell that disappeared', () => {
		const before: RevisionContent = {
			...empty,
			ratings: [{ standardKey: 's', perspective: 'teacher', levelKey: null, count: 1 }]
		};
		const diff = diffRevisions(before, empty);
		expect(diff.ratings).toEqual([
			{ standardKey: 's', perspective: 'teacher', before: { '': 1 }, after: {} }
		]);
	});

	it('tells changed findings (by lineage) from added and removed ones', () => {
		const before: RevisionContent = {
			...empty,
			findings: [finding('a', 'Eerst'), finding('b', 'Weg'), finding('c', 'Blijft')]
		};
		const after: RevisionContent = {
			...empty,
			findings: [
				finding('a2', 'Daarna', { copiedFromId: 'a', kind: 'concern' }),
				finding('c2', 'Blijft', { copiedFromId: 'c' }),
				finding('d', 'Nieuw')
			]
		};
		const diff = diffRevisions(before, after);
		expect(diff.findings.changed).toHaveLength(1);
		expect(diff.findings.changed[0]!.fields).toEqual(['kind', 'text']);
		expect(diff.findings.changed[0]!.before.text).toBe('Eerst');
		expect(diff.findings.added.map((f) => f.text)).toEqual(['Nieuw']);
		expect(diff.findings.removed.map((f) => f.text)).toEqual(['Weg']);
		expect(diff.findings.unchanged).toBe(1);
	});

	it('does not take a finding that was copied from something else for a change', () => {
		const diff = diffRevisions(
			{ ...empty, findings: [finding('a', 'Eerst')] },
			{ ...empty, findings: [finding('x', 'Eerst', { copiedFromId: 'elders' })] }
		);
		expect(diff.findings.added).toHaveLength(1);
		expect(diff.findings.removed).toHaveLength(1);
	});

	it('reports capacity counts that moved', () => {
		const diff = diffRevisions(
			{ ...empty, capacities: [{ capacityKey: 'learning', effect: 'helps', count: 2 }] },
			{
				...empty,
				capacities: [
					{ capacityKey: 'learning', effect: 'helps', count: 1 },
					{ capacityKey: 'learning', effect: 'hinders', count: 1 }
				]
			}
		);
		expect(diff.capacities).toEqual([
			{ capacityKey: 'learning', before: { helps: 2, hinders: 0 }, after: { helps: 1, hinders: 1 } }
		]);
	});
});
