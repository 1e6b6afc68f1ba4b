import { z } from 'zod';
import { optionalText, requiredText } from '../organisation/codes.ts';
import { optionalId } from '../organisation/people-input.ts';

// Input schemas of evaluations: planning, workflow, participants, findings, capacities,
// revisions and an institution's own instruments. Messages are Dutch and name the field,
// so they read well beside a form field and in an API problem document.

/** gepland → voorbereiding → uitvoering → rapportage → vastgesteld */
export const evaluationStatuses = ['planned', 'preparation', 'execution', 'reporting', 'finalised'] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

export const perspectives = [
	'student',
	'teacher',
	'work_field',
	'management',
	'board',
	'support',
	'external'
] as const;
export type Perspective = (typeof perspectives)[number];

export const findingKinds = ['strength', 'concern', 'good_practice', 'risk'] as const;
export type FindingKind = (typeof findingKinds)[number];

export const subjectLevels = ['team', 'institution'] as const;
export type SubjectLevel = (typeof subjectLevels)[number];

export const capacityEffects = ['helps', 'hinders'] as const;
export type CapacityEffect = (typeof capacityEffects)[number];

/** Dutch names for messages (the interface itself uses the message catalogue). */
export const statusLabels: Record<EvaluationStatus, string> = {
	planned: 'gepland',
	preparation: 'voorbereiding',
	execution: 'uitvoering',
	reporting: 'rapportage',
	finalised: 'vastgesteld'
};
export const perspectiveLabels: Record<Perspective, string> = {
	student: 'student',
	teacher: 'docent',
	work_field: 'werkveld',
	management: 'management',
	board: 'bestuur',
	support: 'ondersteuning',
	external: 'extern'
};
export const findingKindLabels: Record<FindingKind, string> = {
	strength: 'sterk punt',
	concern: 'aandachtspunt',
	good_practice: 'good practice',
	risk: 'risico'
};

export const maxFindingLength = 5000;
export const maxPlanLength = 10_000;

/** One of a fixed list, with a Dutch message that lists the choices. */
function choice<const T extends readonly [string, ...string[]]>(
	values: T,
	label: string,
	names: Record<T[number], string>
) {
	return z.enum(values, {
		error: (issue) =>
			issue.input === undefined || issue.input === ''
				? `${label} is verplicht`
				: `${label} '${String(issue.input)}' is onbekend; kies ${Object.values<string>(names).join(', ')}`
	});
}

export const perspectiveSchema = choice(perspectives, 'perspectief', perspectiveLabels);
export const findingKindSchema = choice(findingKinds, 'soort bevinding', findingKindLabels);
export const statusSchema = choice(evaluationStatuses, 'status', statusLabels);
export const subjectLevelSchema = choice(subjectLevels, 'niveau', {
	team: 'team',
	institution: 'instelling'
});
export const capacityEffectSchema = choice(capacityEffects, 'effect', {
	helps: 'helpt',
	hinders: 'belemmert'
});

/** Forms send one value as a string and several as an array; JSON sends an array. */
const asList = (input: unknown): unknown =>
	input === undefined || input === null || input === ''
		? []
		: Array.isArray(input)
			? input.filter((v) => v !== '')
			: [input];

const keyList = (label: string) =>
	z.preprocess(
		asList,
		z
			.array(
				z
					.string({ error: `${label} moet tekst zijn` })
					.trim()
					.min(1)
					.max(63),
				{
					error: `${label} moet een lijst zijn`
				}
			)
			.max(500, { error: `hoogstens 500 ${label}` })
	);

const isoDate = (label: string) =>
	z.preprocess(
		(input) => (input === '' || input === null ? undefined : input),
		z.iso.date({ error: `${label} moet een datum zijn (jjjj-mm-dd)` }).optional()
	);

/** A version or lock number as sent by a form (text) or by JSON (a number). */
export const lockSchema = (label = 'versie') =>
	z.coerce
		.number({ error: `${label} ontbreekt` })
		.int({ error: `${label} moet een geheel getal zijn` })
		.min(0, { error: `${label} moet 0 of hoger zijn` });

const perspectiveList = z.preprocess(
	asList,
	z
		.array(perspectiveSchema, { error: 'perspectieven moeten een lijst zijn' })
		.min(1, { error: 'kies ten minste één perspectief' })
		.transform((list) => [...new Set(list)])
);

/** A form's one-time token: the same token twice is one submit (double click, resend). */
const clientToken = optionalText('formuliertoken', 100);

const planFields = {
	title: requiredText('titel', 3, 200),
	plan: optionalText('plan', maxPlanLength),
	startsOn: isoDate('begindatum'),
	endsOn: isoDate('einddatum'),
	perspectives: perspectiveList
};

function datesInOrder(value: { startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx) {
	if (value.startsOn && value.endsOn && value.endsOn < value.startsOn)
		ctx.addIssue({
			code: 'custom',
			path: ['endsOn'],
			message: 'einddatum mag niet voor de begindatum liggen'
		});
}

/**
 * Planning an evaluation. Scope: `scopeAll`, or chosen values and/or standards (the
 * service resolves them against the model version).
 */
export const planEvaluationSchema = z
	.object({
		instrumentTypeId: z.uuid({ error: 'kies een instrument' }),
		subjectLevel: subjectLevelSchema,
		// A team evaluation takes its institution from the team.
		institutionId: optionalId('instelling'),
		teamId: optionalId('team'),
		modelVersionId: optionalId('modelversie'),
		scopeAll: z.preprocess(
			(input) => input === true || input === 'true' || input === 'on' || input === 'all',
			z.boolean()
		),
		scopeValueKeys: keyList('referentiewaarden'),
		scopeStandardKeys: keyList('standaarden'),
		clientToken,
		...planFields
	})
	.superRefine((value, ctx) => {
		datesInOrder(value, ctx);
		if (value.subjectLevel === 'team' && !value.teamId)
			ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'kies een team' });
		if (value.subjectLevel === 'institution' && !value.institutionId)
			ctx.addIssue({ code: 'custom', path: ['institutionId'], message: 'kies een instelling' });
		if (!value.scopeAll && value.scopeValueKeys.length === 0 && value.scopeStandardKeys.length === 0)
			ctx.addIssue({
				code: 'custom',
				path: ['scopeValueKeys'],
				message: 'kies alle referentiewaarden, of ten minste één referentiewaarde of standaard'
			});
	});
export type PlanEvaluationInput = z.output<typeof planEvaluationSchema>;

/** Changing the plan (for `parsePatch`): the fields present change; `lock` is the version the edit started from. */
// (The service checks the dates against the stored ones: a patch may carry only one of them.)
export const updatePlanSchema = z.object({ lock: lockSchema('lock'), ...planFields });
export type UpdatePlanInput = z.output<typeof updatePlanSchema>;

export const advanceSchema = z.object({
	to: statusSchema,
	lock: lockSchema('lock')
});
export type AdvanceInput = z.output<typeof advanceSchema>;

export const finaliseSchema = z.object({ lock: lockSchema('lock').optional() });

export const reviseSchema = z.object({ reason: requiredText('reden', 5, 2000) });

export const participantSchema = z.object({
	userId: z.string({ error: 'kies een persoon' }).trim().min(1, { error: 'kies een persoon' }).max(100),
	perspective: perspectiveSchema
});
export type ParticipantInput = z.output<typeof participantSchema>;

const optionalKey = (label: string) =>
	z.preprocess(
		(input) => (input === '' || input === null ? undefined : input),
		z
			.string({ error: `${label} moet tekst zijn` })
			.trim()
			.min(1)
			.max(63)
			.optional()
	);

export const findingFields = {
	kind: findingKindSchema,
	valueKey: optionalKey('referentiewaarde'),
	standardKey: optionalKey('standaard'),
	perspective: z.preprocess(
		(input) => (input === '' || input === null ? undefined : input),
		perspectiveSchema.optional()
	),
	text: requiredText('tekst', 1, maxFindingLength)
};
export const createFindingSchema = z.object({ ...findingFields, clientToken });
export type FindingInput = z.output<typeof createFindingSchema>;
export const updateFindingSchema = z.object({ ...findingFields, version: lockSchema() });
export type UpdateFindingInput = z.output<typeof updateFindingSchema>;
export const deleteFindingSchema = z.object({ version: lockSchema() });

/** A capacity helps, hinders, or (`none`) the respondent withdraws what they said. */
export const capacityInputSchema = z.object({
	capacityKey: z.string({ error: 'kies een vermogen' }).trim().min(1, { error: 'kies een vermogen' }).max(63),
	effect: z.enum(['helps', 'hinders', 'none'], {
		error: "effect is verplicht; kies 'helpt', 'belemmert' of 'geen'"
	}),
	note: optionalText('toelichting', 2000),
	// 0 (or absent) for a first answer; else the version the edit started from.
	version: lockSchema().optional()
});
export type CapacityInput = z.output<typeof capacityInputSchema>;

export const instrumentInputSchema = z.object({
	name: requiredText('naam', 2, 200),
	description: optionalText('beschrijving', 5000),
	level: subjectLevelSchema
});
export type InstrumentInput = z.output<typeof instrumentInputSchema>;
