import { z } from 'zod';
import type { Operation } from './operation.ts';

function schema(s: z.ZodType, io: 'input' | 'output') {
	const { $schema: _ignored, ...rest } = z.toJSONSchema(s, {
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any'
	});
	return rest;
}

function parameters(obj: z.ZodObject | undefined, where: 'path' | 'query') {
	if (!obj) return [];
	return Object.entries(obj.shape).map(([name, s]) => ({
		name,
		in: where,
		required: where === 'path' || !(s as z.ZodType).safeParse(undefined).success,
		schema: schema(s as z.ZodType, 'input')
	}));
}

const problemSchema = {
	type: 'object',
	properties: {
		type: { type: 'string' },
		title: { type: 'string' },
		status: { type: 'integer' },
		detail: { type: 'string' },
		errors: {
			type: 'array',
			items: {
				type: 'object',
				properties: { field: { type: 'string' }, pointer: { type: 'string' }, message: { type: 'string' } }
			}
		}
	},
	required: ['type', 'title', 'status']
};

/** The OpenAPI 3.1 document for the given operations. */
export function openApiDocument(operations: Operation[], serverUrl: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of operations) {
		const problem = {
			description: 'Probleem (RFC 9457)',
			content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
		};
		paths[op.path] ??= {};
		paths[op.path]![op.method] = {
			summary: op.summary,
			tags: [op.tag],
			operationId: `${op.method}${op.path
				.replace(/[{}]/g, '')
				.replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())
				.replace(/[^A-Za-z0-9]/g, '')}`,
			parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
			...(op.body
				? {
						requestBody: {
							required: true,
							content: { [op.bodyType ?? 'application/json']: { schema: schema(op.body, 'input') } }
						}
					}
				: {}),
			responses: {
				[String(op.responseStatus ?? 200)]: {
					description: 'OK',
					...(op.response
						? {
								content: {
									[op.responseType ?? 'application/json']: { schema: schema(op.response, 'output') }
								}
							}
						: {})
				},
				'400': problem,
				'401': problem,
				'403': problem,
				'404': problem,
				'422': problem
			},
			security: [{ session: [] }, { bearer: [] }]
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Kwaliteitsspiegel API',
			version: '1',
			description:
				'JSON-API van Kwaliteitsspiegel. Fouten zijn RFC 9457 probleemdocumenten; lijsten zijn gepagineerd.'
		},
		servers: [{ url: serverUrl }],
		paths,
		components: {
			schemas: { Problem: problemSchema },
			securitySchemes: {
				session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
				bearer: { type: 'http', scheme: 'bearer', description: 'Persoonlijk API-token (ks_…)' }
			}
		}
	};
}
