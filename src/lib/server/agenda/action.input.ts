import { z } from 'zod';
import '../../domain/zod-nl.ts';
import { optionalText, requiredText } from '../../domain/organisation/codes.ts';
import { optionalId } from '../../domain/organisation/people-input.ts';

// Input of improvement actions and progress notes, from forms and the API alike. Model
// keys, the owner and the linked evaluation are checked by the service; here the shape.

export const actionStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
/** Statuses that still need work (shown in the next evaluation, reminded about). */
export const openStatuses: readonly ActionStatus[] = ['open', 'in_progress'];

export const statusLabels: Record<ActionStatus, string> = {
	open: 'open',
	in_progress: 'in uitvoering',
	done: 'afgerond',
	cancelled: 'vervallen'
};

const isBlank = (input: unknown) =>
	input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
const blankToNull = (input: unknown) => (isBlank(input) ? null : input);

const statusSchema = z.enum(actionStatuses, {
	error: (issue) =>
		`status '${String(issue.input ?? '')}' is onbekend; kies ${Object.entries(statusLabels)
			.map(([key, label]) => `${key} (${label})`)
			.join(', ')}`
});

/** A model key (value, standard, capacity) or nothing; blank means none. */
const optionalKey = (label: string) =>
	z.preprocess(
		blankToNull,
		z
			.string({ error: `${label} moet tekst zijn` })
			.trim()
			.max(63, { error: `${label} is geen geldige sleutel` })
			.nullable()
	);

const dueOnSchema = z.preprocess(
	blankToNull,
	z.iso
		.date({ error: 'einddatum moet een datum zijn in de vorm jjjj-mm-dd (bijvoorbeeld 2026-06-30)' })
		.nullable()
);

const ownerSchema = z.preprocess(
	blankToNull,
	z.string({ error: 'kies een eigenaar' }).trim().max(100, { error: 'kies een eigenaar' }).nullable()
);

/** Reads '40' from a form as 40; blank is "not given". */
const progressSchema = z.preprocess(
	(input) => (isBlank(input) ? undefined : typeof input === 'string' ? Number(input.trim()) : input),
	z
		.number({ error: 'voortgang moet een getal van 0 tot en met 100 zijn' })
		.int({ error: 'voortgang moet een heel getal van 0 tot en met 100 zijn' })
		.min(0, { error: 'voortgang moet een getal van 0 tot en met 100 zijn' })
		.max(100, { error: 'voortgang moet een getal van 0 tot en met 100 zijn' })
		.optional()
);

/** A form's one-time token against double submits (any text up to 100 characters). */
const clientTokenSchema = optionalText('formuliertoken', 100);

/** The fields a planner edits (create and update). */
export const actionFieldsSchema = z.object({
	title: requiredText('titel', 2, 300),
	reason: z.preprocess(
		(input) => (isBlank(input) ? '' : input),
		z.string({ error: 'aanleiding moet tekst zijn' }).trim().max(5000, {
			error: 'aanleiding mag hoogstens 5000 tekens hebben'
		})
	),
	valueKey: optionalKey('referentiewaarde'),
	standardKey: optionalKey('standaard'),
	capacityKey: optionalKey('vermogen'),
	ownerId: ownerSchema,
	dueOn: dueOnSchema,
	status: statusSchema.default('open'),
	progress: progressSchema
});

export const createActionSchema = actionFieldsSchema.extend({
	institutionId: z.uuid({ error: 'kies een geldige instelling' }),
	teamId: optionalId('team'),
	evaluationId: optionalId('evaluatie'),
	findingId: optionalId('bevinding'),
	clientToken: clientTokenSchema
});
export type CreateActionInput = z.output<typeof createActionSchema>;

/** A change: only the fields given are changed; `version` is the one the edit started from. */
export const updateActionSchema = actionFieldsSchema.partial().extend({
	version: z.coerce
		.number({ error: 'versie ontbreekt; laad de actie opnieuw' })
		.int({ error: 'versie ontbreekt; laad de actie opnieuw' })
		.min(1, { error: 'versie ontbreekt; laad de actie opnieuw' })
});
export type UpdateActionInput = z.output<typeof updateActionSchema>;

export const noteInputSchema = z.object({
	text: requiredText('toelichting', 1, 5000),
	progress: progressSchema,
	status: z.preprocess((input) => (isBlank(input) ? undefined : input), statusSchema.optional()),
	clientToken: clientTokenSchema
});
export type NoteInput = z.output<typeof noteInputSchema>;

const flag = z.preprocess(
	(input) =>
		input === 'true' || input === '1' || input === 'on'
			? true
			: input === 'false' || input === '0'
				? false
				: input,
	z.boolean().optional()
);

/** Filters of the agenda list (page and API). */
export const actionListQuerySchema = z.object({
	institutionId: optionalId('instelling'),
	teamId: optionalId('team'),
	status: z.preprocess((input) => (isBlank(input) ? undefined : input), statusSchema.optional()),
	overdue: flag,
	mine: flag,
	page: z.coerce.number().int().min(1).max(100_000).default(1),
	pageSize: z.coerce.number().int().min(1).max(200).default(50)
});
export type ActionListQuery = z.output<typeof actionListQuerySchema>;
