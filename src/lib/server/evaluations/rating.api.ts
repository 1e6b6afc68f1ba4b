import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { perspectives } from '../../domain/evaluations/evaluation-input.ts';
import { saveRatingsSchema, type SaveRatingsResult } from './rating.service.ts';

export const evaluationIdParams = z.object({ id: z.uuid() });

const storedRatingSchema = z.object({
	standardKey: z.string(),
	levelKey: z.string().nullable().describe('null = niet beoordeeld'),
	motivation: z.string(),
	version: z.int().min(1),
	updatedAt: z.iso.datetime()
});

const groupKey = z.enum([...perspectives, 'combined']);

export const ratingsResponseSchema = z.object({
	perspective: z.enum(perspectives).describe('Het perspectief waaruit u beoordeelt'),
	mine: z.array(storedRatingSchema),
	summary: z.object({
		threshold: z.int().describe('Anonimiteitsdrempel van het netwerk'),
		levels: z.array(z.object({ key: z.string(), label: z.string(), rank: z.int() })),
		notRatedLabel: z.string(),
		groups: z.array(
			z.object({ key: groupKey, perspectives: z.array(z.enum(perspectives)), respondents: z.int() })
		),
		hiddenRespondents: z.int().describe('Respondenten in perspectieven onder de drempel, niet getoond'),
		standards: z.array(
			z.object({
				standardKey: z.string(),
				title: z.string(),
				groups: z.array(
					z.object({
						key: groupKey,
						counts: z.record(z.string(), z.int()),
						notRated: z.int(),
						total: z.int()
					})
				)
			})
		)
	})
});

export const saveRatingsResponseSchema = z.object({
	perspective: z.enum(perspectives),
	saved: z.array(storedRatingSchema),
	unchanged: z.array(z.string()),
	conflicts: z.array(
		z.object({
			standardKey: z.string(),
			submitted: z.object({
				levelKey: z.string().nullable(),
				motivation: z.string(),
				version: z.int().nullable()
			}),
			stored: storedRatingSchema
		})
	)
});

/**
 * The 409 problem document for a save with conflicts: the other entries were saved; each
 * conflict carries the stored value so the client can show both and let the person choose.
 */
export function ratingConflictProblem(result: SaveRatingsResult, requestId?: string): Response {
	const list = result.conflicts
		.map(
			(c) => `${c.standardKey} (nu: ${c.stored.levelKey ?? 'niet beoordeeld'}, versie ${c.stored.version})`
		)
		.join(', ');
	return json(
		{
			type: 'https://kwaliteitsspiegel.nl/problems/409',
			title: 'Conflict',
			status: 409,
			detail: `Deze beoordelingen zijn intussen elders gewijzigd en niet overschreven: ${list}. De andere zijn opgeslagen.`,
			...result,
			...(requestId ? { requestId } : {})
		},
		{ status: 409, headers: { 'content-type': 'application/problem+json' } }
	);
}

const tag = 'evaluations';

export const ratingOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/evaluations/{id}/ratings',
		summary:
			'Uw eigen beoordelingen in deze evaluatie en het overzicht tot nu toe (perspectieven onder de anonimiteitsdrempel samengevoegd of verborgen)',
		tag,
		params: evaluationIdParams,
		response: ratingsResponseSchema
	}),
	operation({
		method: 'put',
		path: '/api/v1/evaluations/{id}/ratings',
		summary:
			'Sla uw beoordelingen op (alleen in de fase uitvoering). Stuur per standaard de versie waarvan u uitging; bij een andere opgeslagen versie volgt 409 met de conflicten, de overige worden opgeslagen',
		tag,
		params: evaluationIdParams,
		body: saveRatingsSchema,
		response: saveRatingsResponseSchema
	})
];
