import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openapi.ts';
import { defaultModelDocument } from '../../domain/model/default-model.ts';
import { modelOperations, modelVersionSchema, updateModelVersionSchema } from './model.api.ts';
import { modelActions, modelPolicy } from './model.policy.ts';

describe('model API description', () => {
	it('describes every endpoint in the OpenAPI document', () => {
		const document = openApiDocument(modelOperations, 'http://localhost');
		expect(Object.keys(document.paths).sort()).toEqual([
			'/api/v1/model-versions',
			'/api/v1/model-versions/compare',
			'/api/v1/model-versions/import',
			'/api/v1/model-versions/{id}',
			'/api/v1/model-versions/{id}/export',
			'/api/v1/model-versions/{id}/publish',
			'/api/v1/model-versions/{id}/retire'
		]);
		const put = document.paths['/api/v1/model-versions/{id}']!.put as { requestBody: unknown };
		expect(JSON.stringify(put.requestBody)).toContain('"lock"');
	});

	it('accepts what the service returns and what a client sends', () => {
		const row = {
			id: crypto.randomUUID(),
			number: 1,
			status: 'published',
			basedOnId: null,
			lock: 0,
			createdAt: new Date().toISOString(),
			updatedAt: new Date().toISOString(),
			publishedAt: new Date().toISOString(),
			retiredAt: null,
			createdBy: null,
			publishedBy: null,
			document: defaultModelDocument
		};
		expect(modelVersionSchema.safeParse(row).success).toBe(true);
		expect(updateModelVersionSchema.safeParse({ document: defaultModelDocument, lock: 3 }).success).toBe(
			true
		);
		expect(updateModelVersionSchema.safeParse({ document: defaultModelDocument }).success).toBe(false);
	});
});

describe('model policy', () => {
	it('has a rule list for every action, and gives drafts to network admins only', () => {
		expect(Object.keys(modelPolicy).sort()).toEqual([...modelActions].sort());
		expect(modelPolicy['model.read_published']).toEqual([{ role: 'signed_in', reach: 'anywhere' }]);
		for (const action of modelActions.filter(
			(a) => !['model.read_published', 'model.export_published'].includes(a)
		)) {
			expect(modelPolicy[action]).toEqual([{ role: 'network_admin', reach: 'anywhere' }]);
		}
	});
});
