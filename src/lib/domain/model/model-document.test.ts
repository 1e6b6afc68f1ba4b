import { describe, it, expect } from 'vitest';
import { defaultModelDocument } from './default-model.ts';
import {
	formatModelErrors,
	parseModelDocument,
	parseModelJson,
	serializeModelDocument,
	type ModelDocument,
	type ModelError
} from './model-document.ts';

function doc(): ModelDocument {
	return structuredClone(defaultModelDocument);
}

type Container = Record<PropertyKey, unknown>;

// Tests break documents in ways the type forbids, so they write through an untyped path.
function setAt(target: object, path: readonly PropertyKey[], value: unknown): void {
	const parent = path
		.slice(0, -1)
		.reduce<Container>((node, part) => node[part] as Container, target as Container);
	const last = path[path.length - 1]!;
	if (value === undefined) delete parent[last];
	else parent[last] = value;
}

function errorsOf(input: unknown): ModelError[] {
	const result = parseModelDocument(input);
	if (result.ok) throw new Error('expected the document to be rejected');
	return result.errors;
}

function errorAt(input: unknown, path: string): ModelError {
	const errors = errorsOf(input);
	const error = errors.find((e) => e.path === path);
	if (!error) throw new Error(`no error at ${path}; got ${JSON.stringify(errors)}`);
	return error;
}

describe('parseModelDocument', () => {
	it('accepts a valid document and trims its strings', () => {
		const input = doc();
		input.name = '  Mijn model  ';
		const result = parseModelDocument(input);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.document.name).toBe('Mijn model');
	});

	it('rejects something that is not an object', () => {
		for (const input of [null, 'model', 42, [], undefined]) {
			const errors = errorsOf(input);
			expect(errors).toHaveLength(1);
			expect(errors[0]?.path).toBe('document');
		}
		expect(errorsOf('model')[0]?.message).toBe('document: moet een object zijn, maar is een tekst.');
		expect(errorsOf([])[0]?.message).toBe('document: moet een object zijn, maar is een lijst.');
		expect(errorsOf(undefined)[0]?.message).toBe('document: er is geen modeldocument aangeleverd.');
	});

	it('rejects an unknown value key with the path and the known keys', () => {
		const input = doc();
		input.standards[3]!.valueKeys = ['wendbaar'];
		const error = errorAt(input, 'standards[3].valueKeys[0]');
		expect(error.message).toBe(
			"standards[3].valueKeys[0]: onbekende referentiewaarde 'wendbaar'; kies uit 'eigenaarschap', 'wendbaarheid', 'dialoog', 'vertrouwen', 'rekenschap'."
		);
	});

	it('rejects an unknown level key', () => {
		const input = doc();
		input.standards[0]!.levelKey = 'school';
		expect(errorAt(input, 'standards[0].levelKey').message).toBe(
			"standards[0].levelKey: onbekend niveau 'school'; kies uit 'team', 'institution'."
		);
	});

	it('reports duplicate keys in every collection', () => {
		const input = doc();
		input.values[2]!.key = 'eigenaarschap';
		input.standards[5]!.key = 'team-visie';
		input.capacities[1]!.key = 'learning';
		input.ratingScale.levels[1]!.key = 'below-standard';
		input.standards[1]!.valueKeys = ['dialoog', 'dialoog'];
		const errors = errorsOf(input);
		const paths = errors.map((e) => e.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'values[2].key',
				'standards[5].key',
				'capacities[1].key',
				'ratingScale.levels[1].key',
				'standards[1].valueKeys[1]'
			])
		);
		expect(errors.find((e) => e.path === 'values[2].key')?.message).toBe(
			"values[2].key: 'eigenaarschap' komt al eerder voor in deze lijst (bij [0]); sleutels moeten uniek zijn."
		);
	});

	it('reports missing fields as required', () => {
		const input = doc();
		setAt(input, ['framing', 'goal'], undefined);
		setAt(input, ['values', 0, 'name'], undefined);
		setAt(input, ['format'], undefined);
		expect(errorAt(input, 'framing.goal').message).toBe('framing.goal: ontbreekt; dit veld is verplicht.');
		expect(errorAt(input, 'values[0].name').message).toBe(
			'values[0].name: ontbreekt; dit veld is verplicht.'
		);
		expect(errorAt(input, 'format').message).toBe('format: ontbreekt; dit veld is verplicht.');
	});

	it('reports wrong types', () => {
		const input = doc();
		setAt(input, ['exampleContent'], 'ja');
		setAt(input, ['standards', 0, 'indicators'], 'een indicator');
		setAt(input, ['ratingScale', 'levels', 0, 'rank'], 1.5);
		setAt(input, ['format'], 'kwaliteitsspiegel.model/v2');
		expect(errorAt(input, 'exampleContent').message).toBe(
			'exampleContent: moet true of false zijn, maar is een tekst.'
		);
		expect(errorAt(input, 'standards[0].indicators').message).toBe(
			'standards[0].indicators: moet een lijst zijn, maar is een tekst.'
		);
		expect(errorAt(input, 'ratingScale.levels[0].rank').message).toBe(
			'ratingScale.levels[0].rank: moet een geheel getal zijn, maar is een kommagetal.'
		);
		expect(errorAt(input, 'format').message).toBe("format: moet 'kwaliteitsspiegel.model/v1' zijn.");
	});

	it('rejects strings and lists that are too long, and empty text', () => {
		const input = doc();
		input.name = 'x'.repeat(201);
		input.standards[0]!.indicators = Array.from({ length: 31 }, (_, i) => `Indicator ${i}`);
		input.values[0]!.name = '   ';
		expect(errorAt(input, 'name').message).toBe('name: mag hoogstens 200 tekens bevatten (nu 201).');
		expect(errorAt(input, 'standards[0].indicators').message).toBe(
			'standards[0].indicators: mag hoogstens 30 items bevatten (nu 31).'
		);
		expect(errorAt(input, 'values[0].name').message).toBe('values[0].name: mag niet leeg zijn.');
	});

	it('rejects invalid keys and unknown fields', () => {
		const input = doc();
		input.values[0]!.key = 'Eigen Aarschap';
		setAt(input, ['standards', 0, 'valuekeys'], ['eigenaarschap']);
		expect(errorAt(input, 'values[0].key').message).toMatch(/^values\[0\]\.key: is geen geldige sleutel/);
		expect(errorAt(input, 'standards[0]').message).toBe(
			"standards[0]: onbekend veld 'valuekeys'; controleer de spelling."
		);
	});

	it('rejects a standardLevelKey that is not one of the rating levels', () => {
		const input = doc();
		input.ratingScale.standardLevelKey = 'voldoende';
		expect(errorAt(input, 'ratingScale.standardLevelKey').message).toBe(
			"ratingScale.standardLevelKey: onbekend beoordelingsniveau 'voldoende'; kies uit 'below-standard', 'at-standard', 'above-standard', 'ambition'."
		);
	});

	it('requires ascending ranks and a consistent meetsStandard', () => {
		const input = doc();
		input.ratingScale.levels[2]!.rank = 2;
		expect(errorAt(input, 'ratingScale.levels[2].rank').message).toMatch(
			/rang 2 moet hoger zijn dan de rang van het vorige niveau \(2\)/
		);
		const other = doc();
		other.ratingScale.levels[0]!.meetsStandard = true;
		expect(errorAt(other, 'ratingScale.levels[0].meetsStandard').message).toBe(
			"ratingScale.levels[0].meetsStandard: moet false zijn, omdat 'below-standard' onder het standaardniveau 'at-standard' ligt."
		);
	});

	it('requires at least two rating levels and one value', () => {
		const input = doc();
		input.ratingScale.levels = input.ratingScale.levels.slice(0, 1);
		input.values = [];
		expect(errorAt(input, 'ratingScale.levels').message).toBe(
			'ratingScale.levels: moet minstens 2 items bevatten.'
		);
		expect(errorAt(input, 'values').message).toBe('values: moet minstens 1 item bevatten.');
	});
});

describe('export and import', () => {
	it('round-trips an exported document unchanged', () => {
		const json = serializeModelDocument(defaultModelDocument);
		const result = parseModelJson(json);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.document).toEqual(defaultModelDocument);
			expect(serializeModelDocument(result.document)).toBe(json);
		}
	});

	it('reports text that is not JSON in Dutch', () => {
		const result = parseModelJson('{ "format": ');
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors[0]?.path).toBe('document');
			expect(result.errors[0]?.message).toMatch(/^document: het bestand is geen geldige JSON/);
		}
		const located = parseModelJson('{\n  format: 1\n}');
		expect(located.ok ? '' : located.errors[0]?.message).toMatch(/regel 2, kolom \d+\)\.$/);
		expect(located.ok ? '' : located.errors[0]?.message).not.toMatch(/Unexpected|Expected/);
	});
});

describe('formatModelErrors', () => {
	it('lists errors one per line and caps the list', () => {
		const errors = Array.from({ length: 3 }, (_, i) => ({
			path: `values[${i}]`,
			message: `fout ${i}`
		}));
		expect(formatModelErrors(errors, 2)).toBe('- fout 0\n- fout 1\n- … en nog 1 fout.');
	});
});
