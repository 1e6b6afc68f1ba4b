import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageQuerySchema, pageSchema } from '../api/problem.ts';
import { exportFormats, exportSubjects } from './export.ts';
import { publishInputSchema } from './publication.service.ts';

export const evaluationIdParams = z.object({ id: z.uuid() });
export const publicationIdParams = z.object({ id: z.uuid() });

export const exportQuerySchema = z.object({
	what: z
		.enum(exportSubjects, { error: 'Kies what=ratings (beoordelingen) of what=actions (acties).' })
		.describe('ratings: één rij per beoordeling (zonder respondent); actions: de verbeteracties'),
	format: z.enum(exportFormats, { error: 'Kies format=xlsx, format=ods of format=csv.' }).default('xlsx')
});

export const reportQuerySchema = z.object({
	lang: z.enum(['nl', 'en'], { error: 'Kies lang=nl of lang=en.' }).default('nl')
});

export const publicationListQuerySchema = pageQuerySchema.extend({
	institutionId: z.uuid({ error: 'institutionId moet een geldige id zijn.' }).optional()
});

export const publishBodySchema = publishInputSchema.extend({
	institutionId: z.uuid({ error: 'Kies een geldige instelling.' })
});

const figuresSchema = z.object({
	computedAt: z.iso.datetime(),
	teamsTotal: z.int(),
	teamsEvaluated: z.int(),
	values: z.array(
		z.object({ key: z.string(), name: z.string(), teamsEvaluated: z.int(), teamsAtOrAboveStandard: z.int() })
	)
});

export const publicationSchema = z.object({
	id: z.uuid(),
	institutionId: z.uuid(),
	institutionName: z.string(),
	audience: z.enum(['members', 'public']),
	title: z.string(),
	summary: z.string(),
	figures: figuresSchema.nullable().describe('De cijfers zoals vastgelegd bij het publiceren'),
	publishedAt: z.iso.datetime(),
	withdrawnAt: z.iso.datetime().nullable()
});

const binary = z.string().describe('binair bestand');
const tag = 'reports';

export const reportsOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/evaluations/{id}/report.pdf',
		summary: 'Zelfevaluatierapport als toegankelijke PDF (PDF/UA-1, getagd); CONCEPT zolang niet vastgesteld',
		tag,
		params: evaluationIdParams,
		query: reportQuerySchema,
		response: binary,
		responseType: 'application/pdf'
	}),
	operation({
		method: 'get',
		path: '/api/v1/evaluations/{id}/export',
		summary:
			'Beoordelingen of verbeteracties als XLSX, ODS of CSV (UTF-8 met BOM, puntkomma); perspectieven onder de anonimiteitsdrempel als "overig"',
		tag,
		params: evaluationIdParams,
		query: exportQuerySchema,
		response: binary,
		responseType: 'application/octet-stream'
	}),
	operation({
		method: 'get',
		path: '/api/v1/publications',
		summary:
			'Gepubliceerde rekenschapssamenvattingen: openbare voor iedereen (ook zonder inloggen), die voor leden na inloggen',
		tag,
		query: publicationListQuerySchema,
		response: pageSchema(publicationSchema)
	}),
	operation({
		method: 'post',
		path: '/api/v1/publications',
		summary:
			'Publiceer een samenvatting van een instelling (kwaliteitszorg of bestuur); de cijfers worden vastgelegd',
		tag,
		body: publishBodySchema,
		response: publicationSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/publications/{id}',
		summary: 'Eén gepubliceerde samenvatting (ingetrokken: 404)',
		tag,
		params: publicationIdParams,
		response: publicationSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/publications/{id}/withdraw',
		summary: 'Trek een samenvatting in; daarna is zij nergens meer zichtbaar',
		tag,
		params: publicationIdParams,
		response: publicationSchema
	})
];
