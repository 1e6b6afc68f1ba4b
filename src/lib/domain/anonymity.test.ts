import { describe, expect, it } from 'vitest';
import { groupPerspectives } from './anonymity.ts';

const order = ['student', 'teacher', 'work_field', 'board'] as const;
type P = (typeof order)[number];
const sizes = (entries: [P, number][]) => new Map<P, number>(entries);

describe('groupPerspectives', () => {
	it('shows groups at the threshold and merges the smaller ones', () => {
		expect(
			groupPerspectives(
				sizes([
					['student', 12],
					['teacher', 6],
					['work_field', 3],
					['board', 2]
				]),
				5,
				order
			)
		).toEqual({ shown: ['student', 'teacher'], merged: ['work_field', 'board'] });
	});

	it('adds the smallest shown group when the merged group alone would be too small to hide', () => {
		// One board member beside ten teachers and six students: "other" = 1 person, so the
		// six students join it; otherwise total minus the shown groups gives that one rating.
		expect(
			groupPerspectives(
				sizes([
					['student', 6],
					['teacher', 10],
					['board', 1]
				]),
				5,
				order
			)
		).toEqual({ shown: ['teacher'], merged: ['student', 'board'] });
	});

	it('shows nothing separately when only one group would be left', () => {
		expect(
			groupPerspectives(
				sizes([
					['teacher', 8],
					['board', 1]
				]),
				5,
				order
			)
		).toEqual({ shown: [], merged: ['teacher', 'board'] });
	});
});
