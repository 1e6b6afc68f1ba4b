import { z } from 'zod';
import '../../domain/zod-nl.ts';
import { optionalId } from '../../domain/organisation/people-input.ts';
import { requiredText } from '../../domain/organisation/codes.ts';

// Input of a new ambition, from the form and the API alike. Keys are checked against the
// model version in force by the service; here only their shape.

export const ambitionTargetKinds = ['value', 'standard'] as const;

const isBlank = (input: unknown) =>
	input === undefined || input === null || (typeof input === 'string' && input.trim() === '');

export const ambitionInputSchema = z
	.object({
		// A team's ambition needs only teamId; an institution's needs institutionId.
		institutionId: optionalId('instelling'),
		teamId: optionalId('team'),
		targetKind: z.enum(ambitionTargetKinds, {
			error: 'kies of de ambitie over een referentiewaarde (value) of een standaard (standard) gaat'
		}),
		targetKey: requiredText('referentiewaarde of standaard', 1, 63),
		levelKey: requiredText('ambitieniveau', 1, 63),
		text: requiredText('ambitie', 1, 5000),
		// The date the ambition was agreed; today when not given.
		setOn: z.preprocess(
			(input) => (isBlank(input) ? undefined : input),
			z.iso
				.date({ error: 'datum moet een datum zijn in de vorm jjjj-mm-dd (bijvoorbeeld 2026-03-01)' })
				.optional()
		),
		// The form's one-time token: the same token twice is one submit (double click, resend).
		clientToken: z.preprocess(
			(input) => (isBlank(input) ? undefined : input),
			z.string().trim().max(100).optional()
		)
	})
	.refine((input) => !!input.institutionId || !!input.teamId, {
		error: 'kies een team of een instelling',
		path: ['institutionId']
	});
export type AmbitionInput = z.output<typeof ambitionInputSchema>;

/** Which subject's ambitions: a team, or an institution as a whole. */
export const ambitionQuerySchema = z
	.object({
		institutionId: optionalId('instelling'),
		teamId: optionalId('team'),
		page: z.coerce.number().int().min(1).max(100_000).default(1),
		pageSize: z.coerce.number().int().min(1).max(200).default(50)
	})
	.refine((q) => !!q.institutionId || !!q.teamId, {
		error: 'geef teamId of institutionId op',
		path: ['teamId']
	});
