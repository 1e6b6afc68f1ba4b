import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';
import { allOperations } from './operations.ts';

// The OpenAPI document must describe exactly the API that exists: every handler under
// src/routes/api/v1 has an operation, and every operation has a handler.

const apiRoot = join(process.cwd(), 'src/routes/api/v1');

function handlers(dir: string): string[] {
	const found: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found.push(...handlers(path));
		else if (name === '+server.ts') {
			const route =
				'/api/v1/' +
				relative(apiRoot, dir)
					.split(sep)
					.map((part) => part.replace(/^\[(\w+)\]$/, '{$1}'))
					.join('/');
			const source = readFileSync(path, 'utf8');
			for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
				found.push(`${m[1]!.toLowerCase()} ${route.replace(/\/$/, '')}`);
			}
		}
	}
	return found;
}

describe('OpenAPI document', () => {
	const document = openApiDocument(allOperations, 'http://localhost:3000');

	it('is OpenAPI 3.1 with a problem schema and both ways to authenticate', () => {
		expect(document.openapi).toBe('3.1.0');
		expect(document.components.schemas.Problem).toBeDefined();
		expect(Object.keys(document.components.securitySchemes)).toEqual(['session', 'bearer']);
	});

	it('describes every API handler, and nothing that does not exist', () => {
		const documented = allOperations.map((op) => `${op.method} ${op.path}`).sort();
		expect(documented).toEqual([...new Set(documented)].sort());
		expect(documented).toEqual(handlers(apiRoot).sort());
	});

	it('has unique operation ids and JSON schemas for bodies', () => {
		const ids: string[] = [];
		for (const [, methods] of Object.entries(document.paths)) {
			for (const op of Object.values(methods) as {
				operationId: string;
				requestBody?: { content: Record<string, { schema: object }> };
			}[]) {
				ids.push(op.operationId);
				for (const media of Object.values(op.requestBody?.content ?? {}))
					expect(media.schema).toBeTypeOf('object');
			}
		}
		expect(ids.length).toBe(new Set(ids).size);
	});

	it('documents pagination on list endpoints', () => {
		const list = document.paths['/api/v1/institutions']!.get as { parameters: { name: string }[] };
		expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['page', 'pageSize']));
	});
});
