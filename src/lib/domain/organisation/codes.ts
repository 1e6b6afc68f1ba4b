import { z } from 'zod';

// Codes of the Dutch education registers (RIO, BRIN, erkende opleidingen) and the input
// schemas of institutions, locations, teams and learning routes. Messages are Dutch and
// start with the field's name, so they read well beside a form field and in an import
// report ("regel 7: opleidingscode '2518' moet uit 5 cijfers bestaan").

/** RIO onderwijsaanbiedercode: 3 digits, 1 letter, 3 digits (`111A111`). */
export const RIO_CODE = /^\d{3}[A-Z]\d{3}$/;
/** BRIN code, kept as a secondary key: 2 digits, 2 letters (`25LJ`). */
export const BRIN_CODE = /^\d{2}[A-Z]{2}$/;
/** Erkende opleidingscode (formerly crebo): 5 digits (`25180`). */
export const QUALIFICATION_CODE = /^\d{5}$/;

export const levels = [1, 2, 3, 4] as const;
export type Level = (typeof levels)[number];
export const pathways = ['BOL', 'BBL'] as const;
export type Pathway = (typeof pathways)[number];
/** Membership status: lid, geschorst, uitgetreden. */
export const institutionStatuses = ['active', 'suspended', 'left'] as const;
export type InstitutionStatus = (typeof institutionStatuses)[number];

function isBlank(input: unknown): boolean {
	return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

/** `label 'value' rule`, or `label is verplicht` when nothing was given. */
function problem(label: string, input: unknown, rule: string): string {
	if (isBlank(input)) return `${label} is verplicht`;
	if (typeof input === 'string' || typeof input === 'number') return `${label} '${input}' ${rule}`;
	return `${label} ${rule}`;
}

/** A code schema: trims, uppercases (people type `111a111`), then checks the pattern. */
function codeSchema(label: string, pattern: RegExp, rule: string) {
	const error = (issue: { input?: unknown }) => problem(label, issue.input, rule);
	return z.string({ error }).trim().toUpperCase().regex(pattern, { error });
}

export const rioCodeSchema = codeSchema(
	'RIO-code',
	RIO_CODE,
	'moet bestaan uit 3 cijfers, een letter en 3 cijfers (bijvoorbeeld 111A111)'
);
export const brinCodeSchema = codeSchema(
	'BRIN-code',
	BRIN_CODE,
	'moet bestaan uit 2 cijfers en 2 letters (bijvoorbeeld 25LJ)'
);
export const qualificationCodeSchema = codeSchema(
	'opleidingscode',
	QUALIFICATION_CODE,
	'moet uit 5 cijfers bestaan (bijvoorbeeld 25180)'
);

/** Reads `' 3 '` as 3: forms and CSV files deliver numbers as text. */
function digitsToNumber(input: unknown): unknown {
	if (typeof input !== 'string') return input;
	const trimmed = input.trim();
	return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export const levelSchema = z.preprocess(
	(input: number | string) => digitsToNumber(input),
	z.literal(levels, {
		error: (issue) => problem('niveau', issue.input, 'moet 1, 2, 3 of 4 zijn')
	})
);

export const pathwaySchema = z
	.string({ error: (issue) => problem('leerweg', issue.input, 'moet BOL of BBL zijn') })
	.trim()
	.toUpperCase()
	.pipe(z.enum(pathways, { error: (issue) => problem('leerweg', issue.input, 'moet BOL of BBL zijn') }));

/** True when `input` is a valid RIO code after trimming and uppercasing. */
export const isRioCode = (input: string): boolean => rioCodeSchema.safeParse(input).success;
/** True when `input` is a valid BRIN code after trimming and uppercasing. */
export const isBrinCode = (input: string): boolean => brinCodeSchema.safeParse(input).success;
/** True when `input` is a valid erkende opleidingscode after trimming. */
export const isQualificationCode = (input: string): boolean =>
	qualificationCodeSchema.safeParse(input).success;

/** A required, trimmed text of `min..max` characters, with Dutch messages naming `label`. */
export function requiredText(label: string, min: number, max: number) {
	return z
		.string({ error: (issue) => problem(label, issue.input, 'moet tekst zijn') })
		.trim()
		.min(1, { error: `${label} is verplicht`, abort: true })
		.min(min, { error: `${label} moet minstens ${min} tekens hebben` })
		.max(max, { error: `${label} mag hoogstens ${max} tekens hebben` });
}

/** Turns an empty form field ('' or only spaces) into "not given". */
function blankToUndefined<S extends z.ZodType>(schema: S) {
	return z.preprocess(
		(input: z.input<S> | undefined) => (isBlank(input) ? undefined : input),
		schema.optional()
	);
}

/** An optional trimmed text of at most `max` characters; blank counts as not given. */
export function optionalText(label: string, max: number) {
	return blankToUndefined(
		z
			.string({ error: (issue) => problem(label, issue.input, 'moet tekst zijn') })
			.trim()
			.max(max, { error: `${label} mag hoogstens ${max} tekens hebben` })
	);
}

const emailSchema = (label: string) => {
	const error = (issue: { input?: unknown }) => problem(label, issue.input, 'is geen geldig e-mailadres');
	// Lowercased: an address identifies a person, and people type it in mixed case.
	return z.string({ error }).trim().toLowerCase().pipe(z.email({ error }));
};
/** A required e-mail address, trimmed and lowercased. */
export const requiredEmail = emailSchema;
/** An optional e-mail address; blank counts as not given. */
export const optionalEmail = (label: string) => blankToUndefined(emailSchema(label));

const feeCentsSchema = z.preprocess(
	(input: number | string) => digitsToNumber(input),
	z
		.number({
			error: (issue) => problem('contributie', issue.input, 'moet een bedrag in hele centen zijn')
		})
		.int({
			error: (issue) => problem('contributie', issue.input, 'moet een bedrag in hele centen zijn')
		})
		.min(0, { error: 'contributie mag niet negatief zijn' })
);

export const institutionInputSchema = z.object({
	name: requiredText('naam', 2, 200),
	rioCode: rioCodeSchema,
	brinCode: blankToUndefined(brinCodeSchema),
	status: z
		.enum(institutionStatuses, {
			error: (issue) =>
				problem('status', issue.input, 'moet active (lid), suspended (geschorst) of left (uitgetreden) zijn')
		})
		.default('active'),
	joinedOn: blankToUndefined(
		z.iso.date({
			error: (issue) =>
				problem(
					'lid sinds',
					issue.input,
					'moet een datum zijn in de vorm jjjj-mm-dd (bijvoorbeeld 2025-08-01)'
				)
		})
	),
	contactName: optionalText('contactpersoon', 200),
	contactEmail: optionalEmail('e-mailadres contactpersoon'),
	feeCents: blankToUndefined(feeCentsSchema)
});
export type InstitutionInput = z.output<typeof institutionInputSchema>;

export const locationInputSchema = z.object({
	name: requiredText('naam van de locatie', 2, 200),
	city: optionalText('plaats', 200)
});
export type LocationInput = z.output<typeof locationInputSchema>;

export const teamInputSchema = z.object({
	name: requiredText('teamnaam', 2, 200),
	locationName: optionalText('locatie', 200),
	sectorDomain: optionalText('sector/domein', 200)
});
export type TeamInput = z.output<typeof teamInputSchema>;

export const learningRouteInputSchema = z.object({
	name: requiredText('opleiding', 2, 200),
	qualificationCode: qualificationCodeSchema,
	level: levelSchema,
	pathway: pathwaySchema
});
export type LearningRouteInput = z.output<typeof learningRouteInputSchema>;
