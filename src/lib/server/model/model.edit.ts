import { z } from 'zod';
import '../../domain/zod-nl.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';
import { notFound } from '../http/errors.ts';

/**
 * The edits the draft editor's forms make. Each form changes one part of the document:
 * the action loads the current draft, applies the edit and saves the whole document
 * through `updateDraft`, so the document schema stays the one place that decides
 * what a valid model is.
 */
export interface DraftEdit<S extends z.ZodType> {
	schema: S;
	/** Turns the posted form into the schema's input. */
	shape?: (data: FormData) => unknown;
	/** Returns the changed document, where in it the change landed (`standards.3`) and the anchor to return to. */
	apply: (
		document: ModelDocument,
		input: z.output<S>
	) => { document: ModelDocument; path: string; anchor: string };
}

const edit = <S extends z.ZodType>(e: DraftEdit<S>) => e;

// Messages a person filling in the form understands (zod's own Dutch speaks of "string").
const text = (min: number, max: number) =>
	z
		.string()
		.trim()
		.min(min, { error: 'Vul dit veld in.' })
		.max(max, { error: `Gebruik hoogstens ${max} tekens.` });
const lineList = z
	.array(z.string().max(1000, { error: 'Gebruik hoogstens 1000 tekens per regel.' }))
	.max(30, { error: 'Gebruik hoogstens 30 regels.' });
const key = z.string().trim().max(63);

/** One entry per non-empty line: how a person types a list into a textarea. */
export function lines(value: FormDataEntryValue | null): string[] {
	return String(value ?? '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

/** The `<key>` parts of fields named `prefix.<key>` (checked checkboxes, per-level labels), in form order. */
function prefixedKeys(data: FormData, prefix: string): string[] {
	return [...data.keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.slice(prefix.length + 1));
}

/** A readable, unique key for a new item: `Nieuwe standaard` becomes `nieuwe-standaard` (or `-2`, …). */
export function uniqueKey(label: string, taken: Iterable<string>, fallback: string): string {
	const base =
		label
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 50)
			.replace(/-+$/, '') || fallback;
	const used = new Set(taken);
	let candidate = base;
	for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
	return candidate;
}

function indexOfKey(items: readonly { key: string }[], itemKey: string, what: string): number {
	const index = items.findIndex((item) => item.key === itemKey);
	if (index < 0) throw notFound(what);
	return index;
}

export const generalEdit = edit({
	schema: z.object({
		name: text(1, 200),
		description: text(0, 5000).default(''),
		goal: text(1, 2000),
		condition: text(1, 2000),
		means: text(1, 2000),
		exampleContent: z.boolean()
	}),
	shape: (data) => ({ ...Object.fromEntries(data), exampleContent: data.has('exampleContent') }),
	apply: (document, input) => {
		document.name = input.name;
		document.description = input.description;
		document.exampleContent = input.exampleContent;
		document.framing = { goal: input.goal, condition: input.condition, means: input.means };
		return { document, path: 'framing', anchor: 'algemeen' };
	}
});

export const valueEdit = edit({
	schema: z.object({ key, name: text(1, 200), description: text(0, 5000).default('') }),
	apply: (document, input) => {
		const index = indexOfKey(document.values, input.key, 'De referentiewaarde');
		document.values[index] = { key: input.key, name: input.name, description: input.description };
		return { document, path: `values.${index}`, anchor: `waarde-${input.key}` };
	}
});

export const standardEdit = edit({
	schema: z.object({
		// Empty for a new standard; its key is made from the title.
		originalKey: key.default(''),
		levelKey: key.min(1, { error: 'Kies een niveau.' }),
		title: text(1, 300),
		description: text(0, 5000).default(''),
		valueKeys: z.array(key).min(1, { error: 'Kies minstens één referentiewaarde.' }),
		indicators: lineList,
		guidingQuestions: lineList
	}),
	shape: (data) => ({
		...Object.fromEntries(data),
		valueKeys: prefixedKeys(data, 'valueKeys'),
		indicators: lines(data.get('indicators')),
		guidingQuestions: lines(data.get('guidingQuestions'))
	}),
	apply: (document, { originalKey, ...fields }) => {
		const isNew = originalKey === '';
		const index = isNew
			? document.standards.length
			: indexOfKey(document.standards, originalKey, 'De standaard');
		const standardKey = isNew
			? uniqueKey(
					fields.title,
					document.standards.map((s) => s.key),
					'standaard'
				)
			: originalKey;
		document.standards[index] = { key: standardKey, ...fields };
		return { document, path: `standards.${index}`, anchor: `standaard-${standardKey}` };
	}
});

export const removeStandardEdit = edit({
	schema: z.object({ originalKey: key.min(1) }),
	apply: (document, input) => {
		const index = indexOfKey(document.standards, input.originalKey, 'De standaard');
		document.standards.splice(index, 1);
		return { document, path: 'standards', anchor: 'standaarden' };
	}
});

export const capacityEdit = edit({
	schema: z.object({
		originalKey: key.default(''),
		name: text(1, 200),
		description: text(0, 5000).default('')
	}),
	apply: (document, { originalKey, name, description }) => {
		const isNew = originalKey === '';
		const index = isNew
			? document.capacities.length
			: indexOfKey(document.capacities, originalKey, 'Het vermogen');
		const capacityKey = isNew
			? uniqueKey(
					name,
					document.capacities.map((c) => c.key),
					'vermogen'
				)
			: originalKey;
		document.capacities[index] = { key: capacityKey, name, description };
		return { document, path: `capacities.${index}`, anchor: `vermogen-${capacityKey}` };
	}
});

export const removeCapacityEdit = edit({
	schema: z.object({ originalKey: key.min(1) }),
	apply: (document, input) => {
		const index = indexOfKey(document.capacities, input.originalKey, 'Het vermogen');
		document.capacities.splice(index, 1);
		return { document, path: 'capacities', anchor: 'vermogens' };
	}
});

export const scaleEdit = edit({
	// Field names `labels.<level key>` so that an error's path is the field's name.
	schema: z.object({ notRatedLabel: text(1, 100), labels: z.record(z.string(), text(1, 100)) }),
	shape: (data) => ({
		notRatedLabel: data.get('notRatedLabel'),
		labels: Object.fromEntries(prefixedKeys(data, 'labels').map((k) => [k, data.get(`labels.${k}`)]))
	}),
	apply: (document, input) => {
		const scale = document.ratingScale;
		scale.notRatedLabel = input.notRatedLabel;
		for (const level of scale.levels) level.label = input.labels[level.key] ?? level.label;
		return { document, path: 'ratingScale', anchor: 'schaal' };
	}
});
