import { describe, it, expect } from 'vitest';
import raw from './default-model.nl.json' with { type: 'json' };
import { defaultModelDocument } from './default-model.ts';
import { parseModelDocument } from './model-document.ts';

describe('defaultModelDocument', () => {
	it('parses and is marked as example content', () => {
		expect(parseModelDocument(raw).ok).toBe(true);
		expect(defaultModelDocument.exampleContent).toBe(true);
		expect(defaultModelDocument.name).toMatch(/voorbeeldinhoud/);
	});

	it('has exactly the five reference values', () => {
		expect(defaultModelDocument.values.map((value) => value.key)).toEqual([
			'eigenaarschap',
			'wendbaarheid',
			'dialoog',
			'vertrouwen',
			'rekenschap'
		]);
		expect(defaultModelDocument.values.map((value) => value.name)).toEqual([
			'Eigenaarschap',
			'Wendbaarheid',
			'Horizontale en verticale dialoog',
			'Vertrouwen',
			'Rekenschap op alle niveaus'
		]);
	});

	it('has the team and institution levels with about six standards each', () => {
		expect(defaultModelDocument.levels.map((level) => level.key)).toEqual(['team', 'institution']);
		for (const level of defaultModelDocument.levels) {
			const standards = defaultModelDocument.standards.filter((s) => s.levelKey === level.key);
			expect(standards.length).toBeGreaterThanOrEqual(5);
			for (const standard of standards) {
				expect(standard.valueKeys.length).toBeGreaterThanOrEqual(1);
				expect(standard.valueKeys.length).toBeLessThanOrEqual(3);
				expect(standard.indicators.length).toBeGreaterThanOrEqual(2);
				expect(standard.indicators.length).toBeLessThanOrEqual(4);
				expect(standard.guidingQuestions.length).toBeGreaterThanOrEqual(2);
				expect(standard.guidingQuestions.length).toBeLessThanOrEqual(3);
			}
		}
	});

	it('has the default rating scale with "op de standaard" as standard level', () => {
		const scale = defaultModelDocument.ratingScale;
		expect(scale.levels.map((level) => [level.label, level.rank])).toEqual([
			['onder de standaard', 1],
			['op de standaard', 2],
			['boven de standaard', 3],
			['op ambitieniveau', 4]
		]);
		expect(scale.notRatedLabel).toBe('niet beoordeeld');
		expect(scale.levels.find((level) => level.key === scale.standardLevelKey)?.label).toBe('op de standaard');
	});

	it('has the five capacities', () => {
		expect(defaultModelDocument.capacities.map((capacity) => capacity.name)).toEqual([
			'Lerend vermogen',
			'Adaptief vermogen',
			'Samenwerkend vermogen',
			'Sturend vermogen',
			'Reflecterend vermogen'
		]);
	});

	it('is frozen so callers must copy it before editing', () => {
		expect(() => {
			(defaultModelDocument.values as unknown[]).push({});
		}).toThrow();
		expect(structuredClone(defaultModelDocument)).toEqual(defaultModelDocument);
	});
});
