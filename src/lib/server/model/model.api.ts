import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageQuerySchema, pageSchema } from '../api/problem.ts';
import {
	capacitySchema,
	modelDocumentSchema,
	modelLevelSchema,
	ratingLevelSchema,
	referenceValueSchema,
	standardSchema
} from '../../domain/model/model-document.ts';

const timestamp = z.iso.datetime().describe('ISO 8601');

export const modelVersionIdParams = z.object({ id: z.uuid() });

const versionFields = {
	id: z.uuid(),
	number: z.int().min(1),
	status: z.enum(['draft', 'published', 'retired']),
	basedOnId: z.uuid().nullable(),
	lock: z.int().min(0).describe('Versieteller voor optimistische gelijktijdigheid; stuur hem mee bij PUT.'),
	createdAt: timestamp,
	updatedAt: timestamp,
	publishedAt: timestamp.nullable(),
	retiredAt: timestamp.nullable()
};

export const modelVersionSummarySchema = z.object({
	...versionFields,
	name: z.string(),
	exampleContent: z.boolean()
});

export const modelVersionSchema = z.object({
	...versionFields,
	createdBy: z.string().nullable(),
	publishedBy: z.string().nullable(),
	document: modelDocumentSchema
});

export const updateModelVersionSchema = z.object({
	document: modelDocumentSchema,
	lock: z.int().min(0)
});

export const publishModelVersionSchema = z.object({
	lock: z
		.int()
		.min(0)
		.optional()
		.describe('Publiceer alleen als de conceptversie sindsdien niet is gewijzigd.')
});

export const compareQuerySchema = z.object({ a: z.uuid(), b: z.uuid() });

const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

function collectionDiffSchema<T extends z.ZodType>(item: T) {
	return z.object({
		added: z.array(item),
		removed: z.array(item),
		changed: z.array(
			z.object({ key: z.string(), before: item, after: item, fields: z.array(fieldChangeSchema) })
		),
		unchanged: z.int()
	});
}

export const compareResultSchema = z.object({
	a: modelVersionSummarySchema,
	b: modelVersionSummarySchema,
	diff: z.object({
		fields: z.array(fieldChangeSchema),
		values: collectionDiffSchema(referenceValueSchema),
		levels: collectionDiffSchema(modelLevelSchema),
		standards: collectionDiffSchema(standardSchema),
		capacities: collectionDiffSchema(capacitySchema),
		ratingLevels: collectionDiffSchema(ratingLevelSchema),
		hasChanges: z.boolean()
	})
});

const tag = 'model';

export const modelOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/model-versions',
		summary: 'Versies van het referentiewaardenmodel, nieuwste eerst (concepten alleen voor netwerkbeheer)',
		tag,
		query: pageQuerySchema,
		response: pageSchema(modelVersionSummarySchema)
	}),
	operation({
		method: 'post',
		path: '/api/v1/model-versions',
		summary: 'Nieuwe conceptversie als kopie van de geldende versie (één concept tegelijk)',
		tag,
		response: modelVersionSchema,
		responseStatus: 201
	}),
	operation({
		method: 'post',
		path: '/api/v1/model-versions/import',
		summary: 'Importeer een modeldocument (JSON, hoogstens 2 MB) als nieuwe conceptversie',
		tag,
		body: modelDocumentSchema,
		response: modelVersionSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/model-versions/compare',
		summary: 'Verschillen tussen versie a (voor) en versie b (na)',
		tag,
		query: compareQuerySchema,
		response: compareResultSchema
	}),
	operation({
		method: 'get',
		path: '/api/v1/model-versions/{id}',
		summary: 'Eén modelversie met het volledige modeldocument',
		tag,
		params: modelVersionIdParams,
		response: modelVersionSchema
	}),
	operation({
		method: 'put',
		path: '/api/v1/model-versions/{id}',
		summary:
			'Vervang het document van een conceptversie (409 bij een verouderde lock of een gepubliceerde versie)',
		tag,
		params: modelVersionIdParams,
		body: updateModelVersionSchema,
		response: modelVersionSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/model-versions/{id}/publish',
		summary: 'Publiceer een conceptversie; daarna is zij onveranderlijk',
		tag,
		params: modelVersionIdParams,
		body: publishModelVersionSchema,
		response: modelVersionSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/model-versions/{id}/retire',
		summary: 'Trek een gepubliceerde versie in (blijft leesbaar voor oude evaluaties)',
		tag,
		params: modelVersionIdParams,
		response: modelVersionSchema
	}),
	operation({
		method: 'get',
		path: '/api/v1/model-versions/{id}/export',
		summary: 'Download het modeldocument als JSON-bestand',
		tag,
		params: modelVersionIdParams,
		response: modelDocumentSchema
	})
];
