import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { perspectives } from '../../domain/evaluations/evaluation-input.ts';
import { createLinksSchema, listLinksQuerySchema } from './questionnaire.service.ts';
import { evaluationIdParams } from './rating.api.ts';

const timestamp = z.iso.datetime();

export const linkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

export const createdLinksSchema = z.object({
	links: z.array(
		z.object({
			id: z.uuid(),
			code: z.string().describe('Korte verwijzing (begin van het id)'),
			perspective: z.enum(perspectives),
			token: z.string().describe('Wordt alleen nu getoond; alleen de hash wordt bewaard'),
			url: z.url()
		})
	)
});

export const linkListSchema = z.object({
	evaluation: z.object({
		id: z.uuid(),
		title: z.string(),
		status: z.enum(['planned', 'preparation', 'execution', 'reporting', 'finalised']),
		perspectives: z.array(z.enum(perspectives))
	}),
	counts: z.array(
		z.object({
			perspective: z.enum(perspectives),
			total: z.int(),
			answered: z.int(),
			revoked: z.int(),
			open: z.int()
		})
	),
	items: z.array(
		z.object({
			id: z.uuid(),
			code: z.string(),
			perspective: z.enum(perspectives),
			createdAt: timestamp,
			answeredAt: timestamp.nullable(),
			revokedAt: timestamp.nullable()
		})
	),
	page: z.int(),
	pageSize: z.int(),
	total: z.int()
});

const tag = 'evaluations';

export const questionnaireOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/evaluations/{id}/questionnaire-links',
		summary: 'Vragenlijstlinks: aantallen per perspectief en de links zelf (nooit de tokens)',
		tag,
		params: evaluationIdParams,
		query: listLinksQuerySchema,
		response: linkListSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/evaluations/{id}/questionnaire-links',
		summary:
			'Maak 1 tot 500 anonieme vragenlijstlinks voor één perspectief (voorbereiding of uitvoering); de tokens staan alleen in dit antwoord',
		tag,
		params: evaluationIdParams,
		body: createLinksSchema,
		response: createdLinksSchema,
		responseStatus: 201
	}),
	operation({
		method: 'post',
		path: '/api/v1/evaluations/{id}/questionnaire-links/{linkId}/revoke',
		summary: 'Trek een nog niet ingevulde vragenlijstlink in',
		tag,
		params: linkParams,
		response: z.object({ id: z.uuid(), code: z.string(), revokedAt: timestamp })
	})
];
