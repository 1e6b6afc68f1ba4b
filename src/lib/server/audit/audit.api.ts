import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageQuerySchema, pageSchema } from '../api/problem.ts';

export const auditQuerySchema = pageQuerySchema.extend({
	entityType: z.string().max(50).optional()
});

export const auditEventSchema = z.object({
	id: z.number().int(),
	at: z.string().describe('ISO 8601'),
	action: z.string(),
	entityType: z.string(),
	entityId: z.string(),
	institutionId: z.string().nullable(),
	actorUserId: z.string().nullable(),
	actorName: z.string().nullable(),
	details: z.record(z.string(), z.unknown())
});

export const auditOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/audit-events',
		summary: 'Auditlog: wie wijzigde wat en wanneer (netwerkbeheer)',
		tag: 'audit',
		query: auditQuerySchema,
		response: pageSchema(auditEventSchema)
	})
];
