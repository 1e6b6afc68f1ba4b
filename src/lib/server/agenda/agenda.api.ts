import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageSchema } from '../api/problem.ts';
import {
	actionListQuerySchema,
	actionStatuses,
	createActionSchema,
	noteInputSchema,
	updateActionSchema
} from './action.input.ts';

// The verbeteragenda API: the same zod schemas validate requests and describe them in the
// OpenAPI document.

const timestamp = z.string().describe('ISO 8601');
const status = z.enum(actionStatuses);

export const actionIdParams = z.object({ id: z.uuid() });

const actionFields = {
	id: z.uuid(),
	institutionId: z.uuid(),
	teamId: z.uuid().nullable().describe('leeg voor een actie van de instelling'),
	evaluationId: z.uuid().nullable(),
	findingId: z.uuid().nullable(),
	modelVersionId: z.uuid().nullable(),
	title: z.string(),
	valueKey: z.string().nullable(),
	standardKey: z.string().nullable(),
	capacityKey: z.string().nullable(),
	ownerId: z.string().nullable(),
	dueOn: z.iso.date().nullable(),
	status,
	progress: z.int().min(0).max(100),
	version: z.int().min(1).describe('stuur deze mee bij PATCH (optimistische gelijktijdigheid)'),
	createdAt: timestamp,
	updatedAt: timestamp,
	closedAt: timestamp.nullable()
};

export const actionSchema = z.object({
	...actionFields,
	reason: z.string(),
	createdBy: z.string().nullable()
});

export const actionListItemSchema = z.object({
	...actionFields,
	ownerName: z.string().nullable(),
	teamName: z.string().nullable(),
	institutionName: z.string(),
	overdue: z.boolean()
});

export const noteSchema = z.object({
	id: z.uuid(),
	actionId: z.uuid(),
	text: z.string(),
	progress: z.int().nullable(),
	status: status.nullable(),
	authorId: z.string().nullable(),
	createdAt: timestamp
});

export const actionDetailSchema = actionSchema.extend({
	ownerName: z.string().nullable(),
	createdByName: z.string().nullable(),
	evaluationTitle: z.string().nullable(),
	findingText: z.string().nullable(),
	institutionName: z.string(),
	teamName: z.string().nullable(),
	overdue: z.boolean(),
	notes: z.array(noteSchema.omit({ actionId: true }).extend({ authorName: z.string().nullable() })),
	can: z.object({ update: z.boolean(), addNote: z.boolean() })
});

const tag = 'verbeteragenda';

export const agendaOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/actions',
		summary: 'Verbeteracties die u mag zien, te filteren op team, status, te laat en eigen acties',
		tag,
		query: actionListQuerySchema,
		response: pageSchema(actionListItemSchema)
	}),
	operation({
		method: 'post',
		path: '/api/v1/actions',
		summary:
			'Zet een verbeteractie op de agenda van een team of instelling (clientToken: een herhaald verzoek geeft dezelfde actie)',
		tag,
		body: createActionSchema,
		response: actionSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/actions/{id}',
		summary: 'Eén verbeteractie met haar voortgangsnotities',
		tag,
		params: actionIdParams,
		response: actionDetailSchema
	}),
	operation({
		method: 'patch',
		path: '/api/v1/actions/{id}',
		summary: 'Wijzig een verbeteractie (alleen de meegestuurde velden; 409 bij een verouderde versie)',
		tag,
		params: actionIdParams,
		body: updateActionSchema,
		response: actionSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/actions/{id}/notes',
		summary: 'Voeg een voortgangsnotitie toe, eventueel met nieuwe voortgang en status',
		tag,
		params: actionIdParams,
		body: noteInputSchema,
		response: z.object({ note: noteSchema, action: actionSchema, duplicate: z.boolean() }),
		responseStatus: 201
	})
];
