import { z } from 'zod';
import { dutchModelErrorMap, formatPath, type ModelError } from './model-errors.ts';

export { formatModelErrors, type ModelError } from './model-errors.ts';

export const MODEL_FORMAT = 'kwaliteitsspiegel.model/v1';
export const MODEL_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

const keySchema = z.string().trim().regex(MODEL_KEY_PATTERN, {
	error:
		'is geen geldige sleutel: gebruik 1 tot 63 kleine letters, cijfers of koppeltekens, beginnend met een letter of cijfer.'
});

type IssueSink = Pick<z.RefinementCtx, 'addIssue'>;

/** Builds a refinement that flags every list entry whose key already occurred earlier in the list. */
function uniqueBy<T>(keyOf: (item: T) => string, pathSuffix: PropertyKey[]) {
	return (items: readonly T[], ctx: IssueSink): void => {
		const firstIndex = new Map<string, number>();
		items.forEach((item, index) => {
			const key = keyOf(item);
			const earlier = firstIndex.get(key);
			if (earlier === undefined) firstIndex.set(key, index);
			else
				ctx.addIssue({
					code: 'custom',
					path: [index, ...pathSuffix],
					message: `'${key}' komt al eerder voor in deze lijst (bij [${earlier}]); sleutels moeten uniek zijn.`
				});
		});
	};
}

const uniqueKeys = uniqueBy((item: { key: string }) => item.key, ['key']);

function listKeys(items: readonly { key: string }[]): string {
	return items.map((item) => `'${item.key}'`).join(', ');
}

const namedItemSchema = z.strictObject({
	key: keySchema,
	name: text(1, 200),
	description: text(0, 5000)
});

export const referenceValueSchema = namedItemSchema;
export const modelLevelSchema = namedItemSchema;
export const capacitySchema = namedItemSchema;

export const standardSchema = z.strictObject({
	key: keySchema,
	levelKey: keySchema,
	title: text(1, 300),
	description: text(0, 5000),
	valueKeys: z
		.array(keySchema)
		.min(1)
		.max(20)
		.superRefine(uniqueBy((key: string) => key, [])),
	indicators: z.array(text(1, 1000)).max(30),
	guidingQuestions: z.array(text(1, 1000)).max(30)
});

export const ratingLevelSchema = z.strictObject({
	key: keySchema,
	label: text(1, 100),
	rank: z.int().min(0).max(100),
	// Derivable from rank vs the standard level; when given it must agree, so a reader can trust it.
	meetsStandard: z.boolean().optional()
});

export const ratingScaleSchema = z
	.strictObject({
		levels: z.array(ratingLevelSchema).min(2).max(10).superRefine(uniqueKeys),
		notRatedLabel: text(1, 100),
		standardLevelKey: keySchema
	})
	.superRefine((scale, ctx) => {
		scale.levels.forEach((level, index) => {
			const previous = scale.levels[index - 1];
			if (previous && level.rank <= previous.rank) {
				ctx.addIssue({
					code: 'custom',
					path: ['levels', index, 'rank'],
					message: `rang ${level.rank} moet hoger zijn dan de rang van het vorige niveau (${previous.rank}); zet de niveaus van laag naar hoog.`
				});
			}
		});
		const standard = scale.levels.find((level) => level.key === scale.standardLevelKey);
		if (!standard) {
			ctx.addIssue({
				code: 'custom',
				path: ['standardLevelKey'],
				message: `onbekend beoordelingsniveau '${scale.standardLevelKey}'; kies uit ${listKeys(scale.levels)}.`
			});
			return;
		}
		scale.levels.forEach((level, index) => {
			const meets = level.rank >= standard.rank;
			if (level.meetsStandard !== undefined && level.meetsStandard !== meets) {
				ctx.addIssue({
					code: 'custom',
					path: ['levels', index, 'meetsStandard'],
					message: `moet ${meets} zijn, omdat '${level.key}' ${meets ? 'op of boven' : 'onder'} het standaardniveau '${standard.key}' ligt.`
				});
			}
		});
	});

export const modelDocumentSchema = z
	.strictObject({
		format: z.literal(MODEL_FORMAT),
		name: text(1, 200),
		description: text(0, 5000),
		exampleContent: z.boolean(),
		framing: z.strictObject({
			goal: text(1, 2000),
			condition: text(1, 2000),
			means: text(1, 2000)
		}),
		values: z.array(referenceValueSchema).min(1).max(20).superRefine(uniqueKeys),
		levels: z.array(modelLevelSchema).min(1).max(5).superRefine(uniqueKeys),
		standards: z.array(standardSchema).max(500).superRefine(uniqueKeys),
		capacities: z.array(capacitySchema).max(30).superRefine(uniqueKeys),
		ratingScale: ratingScaleSchema
	})
	// Zod skips this while any field above is invalid, so reference errors appear once the shape is right.
	.superRefine((doc, ctx) => {
		const levelKeys = new Set(doc.levels.map((level) => level.key));
		const valueKeys = new Set(doc.values.map((value) => value.key));
		doc.standards.forEach((standard, index) => {
			if (!levelKeys.has(standard.levelKey)) {
				ctx.addIssue({
					code: 'custom',
					path: ['standards', index, 'levelKey'],
					message: `onbekend niveau '${standard.levelKey}'; kies uit ${listKeys(doc.levels)}.`
				});
			}
			standard.valueKeys.forEach((valueKey, valueIndex) => {
				if (!valueKeys.has(valueKey)) {
					ctx.addIssue({
						code: 'custom',
						path: ['standards', index, 'valueKeys', valueIndex],
						message: `onbekende referentiewaarde '${valueKey}'; kies uit ${listKeys(doc.values)}.`
					});
				}
			});
		});
	});

export type ModelDocument = z.infer<typeof modelDocumentSchema>;
export type ReferenceValue = z.infer<typeof referenceValueSchema>;
export type ModelLevel = z.infer<typeof modelLevelSchema>;
export type Standard = z.infer<typeof standardSchema>;
export type Capacity = z.infer<typeof capacitySchema>;
export type RatingLevel = z.infer<typeof ratingLevelSchema>;
export type RatingScale = z.infer<typeof ratingScaleSchema>;

export type ModelParseResult = { ok: true; document: ModelDocument } | { ok: false; errors: ModelError[] };

/** Validates an already-decoded JSON value as a model document; errors carry Dutch messages that name the path. */
export function parseModelDocument(input: unknown): ModelParseResult {
	if (input === undefined) {
		return {
			ok: false,
			errors: [{ path: 'document', message: 'document: er is geen modeldocument aangeleverd.' }]
		};
	}
	const result = modelDocumentSchema.safeParse(input, { error: dutchModelErrorMap });
	if (result.success) return { ok: true, document: result.data };
	return {
		ok: false,
		errors: result.error.issues.map((issue) => {
			const path = formatPath(issue.path);
			return { path, message: `${path}: ${issue.message}` };
		})
	};
}

/** Decodes and validates the text of an imported model file. */
export function parseModelJson(json: string): ModelParseResult {
	let input: unknown;
	try {
		input = JSON.parse(json);
	} catch (error) {
		// Keep only where the parser stopped; its own wording is English.
		const at = error instanceof Error ? error.message.match(/line (\d+) column (\d+)/) : null;
		const reason = at ? ` (fout bij regel ${at[1]}, kolom ${at[2]})` : '';
		return {
			ok: false,
			errors: [{ path: 'document', message: `document: het bestand is geen geldige JSON${reason}.` }]
		};
	}
	return parseModelDocument(input);
}

/** Serialises a model document for export; `parseModelJson` reads it back unchanged. */
export function serializeModelDocument(document: ModelDocument): string {
	return `${JSON.stringify(document, null, '\t')}\n`;
}
