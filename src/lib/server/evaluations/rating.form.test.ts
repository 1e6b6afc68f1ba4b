import { describe, expect, it } from 'vitest';
import {
	questionnaireAnswerFromForm,
	questionnaireFormErrors,
	ratingEntriesFromForm,
	ratingFormErrors
} from './rating.form.ts';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

describe('rating forms', () => {
	it('takes the standards that were touched: a level, "niet beoordeeld" (empty), a stored version or a motivation', () => {
		const entries = ratingEntriesFromForm(
			form({
				'level:a': 'at-standard',
				'motivation:a': 'Goed',
				'level:b': '',
				'version:c': '3',
				'level:c': 'ambition',
				'motivation:d': 'zonder niveau'
			}),
			['a', 'b', 'c', 'd', 'e']
		);
		expect(entries).toEqual([
			{ standardKey: 'a', levelKey: 'at-standard', motivation: 'Goed' },
			{ standardKey: 'b', levelKey: null, motivation: '' },
			{ standardKey: 'c', levelKey: 'ambition', motivation: '', version: 3 },
			{ standardKey: 'd', levelKey: undefined, motivation: 'zonder niveau' }
		]);
		expect(
			ratingFormErrors(entries, [
				{ field: 'ratings.3.levelKey', message: 'Kies een niveau' },
				{ field: 'ratings.0.motivation', message: 'Te lang' },
				{ field: '_form', message: 'Anders' }
			])
		).toEqual({ 'level:d': 'Kies een niveau', 'motivation:a': 'Te lang', _form: 'Anders' });
	});

	it('gives the questionnaire every standard, the chosen capacities and a finding only when written', () => {
		const answer = questionnaireAnswerFromForm(
			form({
				'level:a': 'at-standard',
				'capacity:learning': 'helps',
				'capacity:steering': '',
				findingText: ' '
			}),
			['a', 'b']
		);
		expect(answer).toEqual({
			ratings: [
				{ standardKey: 'a', levelKey: 'at-standard', motivation: '' },
				{ standardKey: 'b', levelKey: undefined, motivation: '' }
			],
			capacities: [{ capacityKey: 'learning', effect: 'helps' }],
			finding: null
		});
		const withFinding = questionnaireAnswerFromForm(form({ findingText: 'Stage top' }), []);
		expect(withFinding.finding).toEqual({ kind: '', text: 'Stage top' });
		expect(
			questionnaireFormErrors(answer, [
				{ field: 'ratings.1.levelKey', message: 'Kies' },
				{ field: 'capacities.0.capacityKey', message: 'Onbekend' },
				{ field: 'finding.kind', message: 'Soort' }
			])
		).toEqual({ 'level:b': 'Kies', 'capacity:learning': 'Onbekend', findingKind: 'Soort' });
	});
});
