import type { z } from 'zod';

/** One problem in a model document: where it is and what is wrong, in Dutch. */
export type ModelError = { path: string; message: string };

const ROOT_LABEL = 'document';

/** Renders a zod issue path as `standards[3].valueKeys[0]` (the spot to look for in the JSON file). */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out === '' ? String(part) : `.${String(part)}`;
	}
	return out === '' ? ROOT_LABEL : out;
}

/** Lists model errors one per line for a person reading an import result, capped at `max`. */
export function formatModelErrors(errors: readonly ModelError[], max = 20): string {
	const shown = errors.slice(0, max).map((error) => `- ${error.message}`);
	const rest = errors.length - shown.length;
	if (rest > 0) shown.push(`- … en nog ${rest} ${rest === 1 ? 'fout' : 'fouten'}.`);
	return shown.join('\n');
}

const EXPECTED: Record<string, string> = {
	string: 'een tekst',
	number: 'een getal',
	int: 'een geheel getal',
	boolean: 'true of false',
	array: 'een lijst',
	object: 'een object'
};

function describeValue(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'een lijst';
	switch (typeof input) {
		case 'string':
			return 'een tekst';
		case 'number':
			return Number.isInteger(input) ? 'een geheel getal' : 'een kommagetal';
		case 'boolean':
			return 'een ja/nee-waarde';
		case 'object':
			return 'een object';
		default:
			return typeof input;
	}
}

function countNoun(origin: string, count: number): string {
	if (origin === 'string') return count === 1 ? 'teken' : 'tekens';
	return count === 1 ? 'item' : 'items';
}

function quoteAll(items: readonly unknown[]): string {
	return items.map((item) => `'${String(item)}'`).join(', ');
}

/**
 * Per-parse zod error map with Dutch sentence fragments (the caller prefixes the path).
 * Schema-level `{ error }` messages and refinement messages take precedence over it.
 */
export const dutchModelErrorMap: z.core.$ZodErrorMap = (issue) => {
	if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
		return 'ontbreekt; dit veld is verplicht.';
	}
	switch (issue.code) {
		case 'invalid_type': {
			const expected = EXPECTED[issue.expected] ?? issue.expected;
			return `moet ${expected} zijn, maar is ${describeValue(issue.input)}.`;
		}
		case 'invalid_value':
			return issue.values.length === 1
				? `moet ${quoteAll(issue.values)} zijn.`
				: `moet een van ${quoteAll(issue.values)} zijn.`;
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string' && min === 1) return 'mag niet leeg zijn.';
			if (issue.origin === 'string' || issue.origin === 'array') {
				return `moet minstens ${min} ${countNoun(issue.origin, min)} bevatten.`;
			}
			return `moet minstens ${min} zijn.`;
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string' || issue.origin === 'array') {
				const actual =
					typeof issue.input === 'string' || Array.isArray(issue.input) ? ` (nu ${issue.input.length})` : '';
				return `mag hoogstens ${max} ${countNoun(issue.origin, max)} bevatten${actual}.`;
			}
			return `mag hoogstens ${max} zijn.`;
		}
		case 'unrecognized_keys':
			return issue.keys.length === 1
				? `onbekend veld ${quoteAll(issue.keys)}; controleer de spelling.`
				: `onbekende velden ${quoteAll(issue.keys)}; controleer de spelling.`;
		case 'invalid_format':
			return 'heeft een ongeldige vorm.';
		default:
			return 'is ongeldig.';
	}
};
