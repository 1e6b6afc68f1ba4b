import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageQuerySchema, pageSchema } from '../api/problem.ts';
import {
	institutionInputSchema,
	institutionStatuses,
	learningRouteInputSchema,
	levels,
	locationInputSchema,
	pathways
} from '../../domain/organisation/codes.ts';
import { teamFormSchema } from '../../domain/organisation/people-input.ts';
import { importKindSchema } from './import.service.ts';

// The organisation API's schemas: the same zod schemas validate requests in the handlers
// and describe them in the OpenAPI document.

const timestamp = z.string().describe('ISO 8601');
const uuid = z.uuid();

/** `true`/`false` (or 1/0) in a query string. */
export const booleanQuery = z
	.enum(['true', 'false', '1', '0'], { error: "gebruik 'true' of 'false'" })
	.transform((v) => v === 'true' || v === '1');

export const idParamsSchema = z.object({ id: uuid });

export const listQuerySchema = pageQuerySchema.extend({
	includeArchived: booleanQuery.default(false).describe('ook gearchiveerde'),
	q: z.string().trim().max(200).optional().describe('zoektekst (naam, of RIO-code bij instellingen)')
});

export const teamListQuerySchema = listQuerySchema.extend({ locationId: uuid.optional() });

/** A partial update: only the fields sent change; null or '' clears an optional field. */
export const institutionPatchSchema = institutionInputSchema
	.extend({ status: institutionInputSchema.shape.status.unwrap() })
	.partial();
export const teamPatchSchema = teamFormSchema.partial();

export const institutionSchema = z.object({
	id: uuid,
	name: z.string(),
	rioCode: z.string(),
	brinCode: z.string().nullable(),
	status: z.enum(institutionStatuses),
	joinedOn: z.iso.date().nullable(),
	contactName: z.string().nullable(),
	contactEmail: z.string().nullable(),
	feeCents: z.number().int().nullable(),
	archivedAt: timestamp.nullable(),
	createdAt: timestamp,
	updatedAt: timestamp
});

export const locationSchema = z.object({
	id: uuid,
	institutionId: uuid,
	name: z.string(),
	city: z.string().nullable(),
	archivedAt: timestamp.nullable(),
	createdAt: timestamp
});

export const learningRouteSchema = z.object({
	id: uuid,
	teamId: uuid,
	name: z.string(),
	qualificationCode: z.string(),
	level: z.literal(levels),
	pathway: z.enum(pathways),
	archivedAt: timestamp.nullable(),
	createdAt: timestamp
});

const teamFields = {
	id: uuid,
	institutionId: uuid,
	locationId: uuid.nullable(),
	name: z.string(),
	sectorDomain: z.string().nullable(),
	archivedAt: timestamp.nullable(),
	createdAt: timestamp,
	updatedAt: timestamp
};
export const teamSchema = z.object(teamFields);
export const teamListItemSchema = z.object({
	...teamFields,
	locationName: z.string().nullable(),
	routes: z.array(learningRouteSchema)
});
export const teamDetailSchema = teamListItemSchema.extend({
	institutionName: z.string(),
	institutionArchivedAt: timestamp.nullable()
});

export const importQuerySchema = z.object({
	kind: importKindSchema,
	dryRun: booleanQuery.default(false).describe('true: alleen controleren, niets opslaan')
});

const planAction = z.enum(['create', 'update', 'unchanged']);
const routeInput = z.object({
	name: z.string(),
	qualificationCode: z.string(),
	level: z.number().int(),
	pathway: z.enum(pathways)
});
export const importReportSchema = z.object({
	kind: importKindSchema,
	ok: z.boolean(),
	fileErrors: z.array(z.string()),
	rowErrors: z.array(z.object({ line: z.number().int(), errors: z.array(z.string()) })),
	warnings: z.array(z.string()),
	rowCount: z.number().int(),
	summary: z.object({
		toCreate: z.number().int(),
		toUpdate: z.number().int(),
		unchanged: z.number().int(),
		locationsToCreate: z.number().int(),
		routesToAdd: z.number().int(),
		rolesToAdd: z.number().int()
	}),
	teams: z.array(
		z.object({
			action: planAction,
			name: z.string(),
			lines: z.array(z.number().int()),
			teamId: uuid.nullable(),
			location: z.string().nullable(),
			newLocation: z.boolean(),
			locationChanged: z.boolean(),
			sectorDomain: z.string().nullable(),
			sectorChanged: z.boolean(),
			routesToAdd: z.array(routeInput),
			routesToUpdate: z.array(routeInput.extend({ id: uuid }))
		})
	),
	people: z.array(
		z.object({
			action: planAction,
			email: z.string(),
			name: z.string(),
			previousName: z.string().nullable(),
			lines: z.array(z.number().int()),
			personId: z.string().nullable(),
			rolesToAdd: z.array(
				z.object({
					line: z.number().int(),
					role: z.string(),
					teamId: uuid.nullable(),
					teamName: z.string().nullable()
				})
			),
			rolesKept: z.number().int()
		})
	)
});

const tag = 'organisatie';

export const organisationOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/institutions',
		summary: 'Instellingen die u mag zien (gearchiveerde alleen met includeArchived)',
		tag,
		query: listQuerySchema,
		response: pageSchema(institutionSchema)
	}),
	operation({
		method: 'post',
		path: '/api/v1/institutions',
		summary: 'Lidinstelling registreren (netwerkbureau)',
		tag,
		body: institutionInputSchema,
		response: institutionSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/institutions/{id}',
		summary: 'Eén instelling',
		tag,
		params: idParamsSchema,
		response: institutionSchema
	}),
	operation({
		method: 'patch',
		path: '/api/v1/institutions/{id}',
		summary: 'Instelling wijzigen (netwerkbureau); alleen meegestuurde velden veranderen',
		tag,
		params: idParamsSchema,
		body: institutionPatchSchema,
		response: institutionSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/institutions/{id}/archive',
		summary: 'Instelling archiveren (netwerkbureau); niets wordt verwijderd',
		tag,
		params: idParamsSchema,
		response: institutionSchema
	}),
	operation({
		method: 'get',
		path: '/api/v1/institutions/{id}/locations',
		summary: 'Locaties van een instelling',
		tag,
		params: idParamsSchema,
		query: z.object({ includeArchived: booleanQuery.default(false) }),
		response: z.object({ items: z.array(locationSchema) })
	}),
	operation({
		method: 'post',
		path: '/api/v1/institutions/{id}/locations',
		summary: 'Locatie toevoegen',
		tag,
		params: idParamsSchema,
		body: locationInputSchema,
		response: locationSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/institutions/{id}/teams',
		summary: 'Teams van een instelling die u mag zien, met hun leerroutes',
		tag,
		params: idParamsSchema,
		query: teamListQuerySchema,
		response: pageSchema(teamListItemSchema)
	}),
	operation({
		method: 'post',
		path: '/api/v1/institutions/{id}/teams',
		summary: 'Team toevoegen',
		tag,
		params: idParamsSchema,
		body: teamFormSchema,
		response: teamSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/teams/{id}',
		summary: 'Eén team met zijn leerroutes',
		tag,
		params: idParamsSchema,
		response: teamDetailSchema
	}),
	operation({
		method: 'patch',
		path: '/api/v1/teams/{id}',
		summary: 'Team wijzigen (naam, locatie, sector)',
		tag,
		params: idParamsSchema,
		body: teamPatchSchema,
		response: teamSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/teams/{id}/learning-routes',
		summary: 'Leerroute (opleiding) aan een team toevoegen',
		tag,
		params: idParamsSchema,
		body: learningRouteInputSchema,
		response: learningRouteSchema,
		responseStatus: 201
	}),
	operation({
		method: 'post',
		path: '/api/v1/institutions/{id}/imports',
		summary:
			'Teams of personen importeren uit CSV (body text/csv, ; of , gescheiden, UTF-8). Met dryRun=true alleen het verslag; anders alles of niets.',
		tag,
		params: idParamsSchema,
		query: importQuerySchema,
		body: z.string().describe('CSV-bestand'),
		bodyType: 'text/csv',
		response: importReportSchema
	})
];
