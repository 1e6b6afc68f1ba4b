import { describe, expect, it } from 'vitest';
import {
	levelForMean,
	meanRank,
	nearestLevel,
	roundedMean,
	shownSeparately,
	versusAmbition,
	versusStandard
} from './position.ts';

const scale = [
	{ rank: 3, label: 'boven de standaard' },
	{ rank: 1, label: 'onder de standaard' },
	{ rank: 2, label: 'op de standaard' },
	{ rank: 4, label: 'op ambitieniveau' }
];

describe('position rules', () => {
	it('takes the mean of rated answers only', () => {
		expect(meanRank(19, 9)).toBeCloseTo(2.111, 3);
		expect(meanRank(0, 0)).toBeNull();
	});

	it('picks the nearest level, ties to the lower one, whatever order the scale is in', () => {
		expect(nearestLevel(scale, 19, 9)?.rank).toBe(2);
		expect(nearestLevel(scale, 25, 10)?.rank).toBe(2);
		expect(nearestLevel(scale, 26, 10)?.rank).toBe(3);
		expect(nearestLevel(scale, 40, 10)?.rank).toBe(4);
		expect(nearestLevel(scale, 5, 5)?.rank).toBe(1);
		expect(nearestLevel(scale, 0, 0)).toBeNull();
		expect(nearestLevel([], 3, 1)).toBeNull();
	});

	it('agrees between the exact and the mean-based rule', () => {
		for (let n = 1; n <= 12; n++) {
			for (let sum = n; sum <= 4 * n; sum++) {
				expect(levelForMean(scale, sum / n)?.rank).toBe(nearestLevel(scale, sum, n)?.rank);
			}
		}
		expect(levelForMean(scale, null)).toBeNull();
		expect(levelForMean(scale, Number.NaN)).toBeNull();
	});

	it('handles a scale with gaps between ranks', () => {
		const gaps = [{ rank: 0 }, { rank: 10 }, { rank: 20 }];
		expect(nearestLevel(gaps, 14, 1)?.rank).toBe(10);
		expect(nearestLevel(gaps, 15, 1)?.rank).toBe(10);
		expect(nearestLevel(gaps, 16, 1)?.rank).toBe(20);
	});

	it('compares with the standard and the ambition', () => {
		expect(versusStandard(1, 2)).toBe('below');
		expect(versusStandard(2, 2)).toBe('at');
		expect(versusStandard(4, 2)).toBe('above');
		expect(versusStandard(null, 2)).toBeNull();
		expect(versusAmbition(3, 3)).toBe('reached');
		expect(versusAmbition(4, 3)).toBe('reached');
		expect(versusAmbition(2, 3)).toBe('below');
		expect(versusAmbition(2, null)).toBeNull();
		expect(versusAmbition(null, 3)).toBeNull();
	});

	it('shows a group separately only from the threshold on', () => {
		expect(shownSeparately(4, 5)).toBe(false);
		expect(shownSeparately(5, 5)).toBe(true);
		expect(shownSeparately(0, 0)).toBe(false);
		expect(shownSeparately(1, 0)).toBe(true);
	});

	it('rounds to one decimal', () => {
		expect(roundedMean(2.149)).toBe(2.1);
		expect(roundedMean(2.15)).toBe(2.2);
		expect(roundedMean(null)).toBeNull();
	});
});
