import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { roles } from '../policy/policy.ts';
import { apiTokenInputSchema } from './api-token.service.ts';

export const meSchema = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string(),
	grants: z.array(
		z.object({
			role: z.enum(roles),
			institutionId: z.string().nullable(),
			teamId: z.string().nullable(),
			reviewId: z.string().nullable()
		})
	)
});

export const apiTokenSchema = z.object({
	id: z.string(),
	name: z.string(),
	createdAt: z.string().describe('ISO 8601'),
	lastUsedAt: z.string().nullable(),
	expiresAt: z.string().nullable(),
	revokedAt: z.string().nullable()
});

export const createdApiTokenSchema = z.object({
	id: z.string(),
	name: z.string(),
	createdAt: z.string(),
	expiresAt: z.string().nullable(),
	token: z.string().describe('Het token zelf; alleen in dit antwoord, daarna nooit meer')
});

export const authOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/me',
		summary: 'Wie ben ik: naam, e-mailadres en rollen',
		tag: 'account',
		response: meSchema
	}),
	operation({
		method: 'get',
		path: '/api/v1/tokens',
		summary: 'Mijn persoonlijke API-tokens (zonder het geheim)',
		tag: 'account',
		response: z.object({ items: z.array(apiTokenSchema) })
	}),
	operation({
		method: 'post',
		path: '/api/v1/tokens',
		summary: 'Een persoonlijk API-token maken (alleen met een ingelogde sessie)',
		tag: 'account',
		body: apiTokenInputSchema,
		response: createdApiTokenSchema,
		responseStatus: 201
	}),
	operation({
		method: 'delete',
		path: '/api/v1/tokens/{id}',
		summary: 'Een eigen API-token intrekken',
		tag: 'account',
		params: z.object({ id: z.uuid() }),
		responseStatus: 204
	})
];
