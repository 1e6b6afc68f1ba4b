import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageSchema } from '../api/problem.ts';
import {
	capacityInputSchema,
	createFindingSchema,
	deleteFindingSchema,
	evaluationStatuses,
	findingKinds,
	finaliseSchema,
	instrumentInputSchema,
	participantSchema,
	perspectives,
	planEvaluationSchema,
	reviseSchema,
	subjectLevels,
	updateFindingSchema,
	updatePlanSchema,
	advanceSchema
} from '../../domain/evaluations/evaluation-input.ts';
import { listEvaluationsQuerySchema } from './evaluation.service.ts';

// The evaluations API: the same zod schemas the services validate with describe the
// requests; the response schemas describe what the services return.

const timestamp = z.iso.datetime().describe('ISO 8601');
const status = z.enum(evaluationStatuses);
const perspective = z.enum(perspectives);
const level = z.enum(subjectLevels);

export const evaluationIdParams = z.object({ id: z.uuid() });
export const findingParams = z.object({ id: z.uuid(), findingId: z.uuid() });
export const participantParams = z.object({ id: z.uuid(), participantId: z.uuid() });
export const instrumentParams = z.object({ id: z.uuid() });

/** Request bodies that the route handlers read (forms of the same schemas the services parse). */
export const planBody = planEvaluationSchema;
export const patchPlanBody = updatePlanSchema.partial().required({ lock: true });
export const transitionBody = advanceSchema;
export const finaliseBody = finaliseSchema;
export const reviseBody = reviseSchema;
export const participantBody = participantSchema;
export const findingBody = createFindingSchema;
export const findingPatchBody = updateFindingSchema;
export const findingDeleteBody = deleteFindingSchema;
export const capacityBody = capacityInputSchema;
export const instrumentBody = instrumentInputSchema;
export const instrumentCreateBody = instrumentBody.extend({
	institutionId: z.uuid({ error: 'kies een instelling' })
});
export const instrumentPatchBody = z.object({
	archived: z.boolean({ error: 'archived moet true of false zijn' })
});
export const instrumentQuery = z.object({
	institutionId: z
		.uuid()
		.optional()
		.describe('Alleen de ingebouwde en de eigen instrumenten van deze instelling'),
	includeArchived: z
		.enum(['true', 'false'])
		.optional()
		.transform((v) => v === 'true')
});

export const evaluationSchema = z.object({
	id: z.uuid(),
	instrumentTypeId: z.uuid(),
	subjectLevel: level,
	institutionId: z.uuid(),
	teamId: z.uuid().nullable(),
	modelVersionId: z.uuid(),
	title: z.string(),
	scopeAll: z.boolean(),
	scopeValueKeys: z.array(z.string()),
	scopeStandardKeys: z.array(z.string()).describe('De standaarden in scope, opgelost bij het plannen'),
	status,
	startsOn: z.iso.date().nullable(),
	endsOn: z.iso.date().nullable(),
	perspectives: z.array(perspective),
	plan: z.string(),
	revision: z.int().min(1),
	revisionOf: z.uuid().nullable(),
	revisionReason: z.string().nullable(),
	supersededBy: z.uuid().nullable(),
	lock: z.int().min(0).describe('Versieteller; stuur hem mee bij wijzigingen en stappen in de workflow.'),
	createdAt: timestamp,
	createdBy: z.string().nullable(),
	updatedAt: timestamp,
	finalisedAt: timestamp.nullable(),
	finalisedBy: z.string().nullable()
});

export const evaluationDetailSchema = evaluationSchema.extend({
	institutionName: z.string(),
	teamName: z.string().nullable(),
	instrument: z.object({
		id: z.uuid(),
		key: z.string().nullable(),
		name: z.string(),
		level,
		selfEvaluation: z.boolean()
	}),
	modelVersion: z.object({ id: z.uuid(), number: z.int(), name: z.string(), document: z.unknown() }),
	createdByName: z.string().nullable(),
	finalisedByName: z.string().nullable()
});

export const evaluationListItemSchema = z.object({
	id: z.uuid(),
	title: z.string(),
	status,
	subjectLevel: level,
	institutionId: z.uuid(),
	institutionName: z.string(),
	teamId: z.uuid().nullable(),
	teamName: z.string().nullable(),
	instrumentName: z.string(),
	startsOn: z.iso.date().nullable(),
	endsOn: z.iso.date().nullable(),
	revision: z.int(),
	supersededBy: z.uuid().nullable(),
	updatedAt: timestamp
});

export const participantResponse = z.object({
	id: z.uuid(),
	userId: z.string(),
	name: z.string(),
	email: z.string(),
	perspective
});

export const findingSchema = z.object({
	id: z.uuid(),
	evaluationId: z.uuid(),
	kind: z.enum(findingKinds),
	valueKey: z.string().nullable(),
	standardKey: z.string().nullable(),
	perspective: perspective.nullable(),
	text: z.string(),
	authorId: z.string().nullable(),
	copiedFromId: z.uuid().nullable(),
	version: z.int().min(1).describe('Stuur mee bij wijzigen of verwijderen; een verouderde versie geeft 409.'),
	createdAt: timestamp,
	updatedAt: timestamp
});

export const capacitySchema = z.object({
	id: z.uuid(),
	evaluationId: z.uuid(),
	capacityKey: z.string(),
	perspective,
	respondent: z.string(),
	effect: z.enum(['helps', 'hinders']),
	note: z.string(),
	version: z.int().min(1),
	updatedAt: timestamp
});

export const capacitiesSchema = z.object({
	mine: z.array(capacitySchema),
	summary: z.array(
		z.object({
			capacityKey: z.string(),
			helps: z.int(),
			hinders: z.int(),
			notes: z.array(z.object({ effect: z.enum(['helps', 'hinders']), note: z.string() }))
		})
	)
});

const findingSnapshot = z.object({
	id: z.uuid(),
	copiedFromId: z.uuid().nullable(),
	kind: z.string(),
	valueKey: z.string().nullable(),
	standardKey: z.string().nullable(),
	perspective: z.string().nullable(),
	text: z.string()
});

export const historySchema = z.object({
	chain: z.array(
		z.object({
			id: z.uuid(),
			revision: z.int(),
			status,
			revisionReason: z.string().nullable(),
			createdAt: timestamp,
			createdByName: z.string().nullable(),
			finalisedAt: timestamp.nullable(),
			finalisedByName: z.string().nullable(),
			supersededBy: z.uuid().nullable()
		})
	),
	changes: z.array(
		z.object({
			fromId: z.uuid(),
			toId: z.uuid(),
			fromRevision: z.int(),
			toRevision: z.int(),
			diff: z.object({
				ratings: z.array(
					z.object({
						standardKey: z.string(),
						perspective: z.string(),
						before: z.record(z.string(), z.int()).describe("niveau → aantal; '' = niet beoordeeld"),
						after: z.record(z.string(), z.int())
					})
				),
				capacities: z.array(
					z.object({
						capacityKey: z.string(),
						before: z.object({ helps: z.int(), hinders: z.int() }),
						after: z.object({ helps: z.int(), hinders: z.int() })
					})
				),
				findings: z.object({
					added: z.array(findingSnapshot),
					removed: z.array(findingSnapshot),
					changed: z.array(
						z.object({ before: findingSnapshot, after: findingSnapshot, fields: z.array(z.string()) })
					),
					unchanged: z.int()
				}),
				hasChanges: z.boolean()
			})
		})
	)
});

export const instrumentTypeSchema = z.object({
	id: z.uuid(),
	key: z.string().nullable().describe('Sleutel van een ingebouwd instrument; null voor een eigen instrument'),
	name: z.string(),
	description: z.string(),
	level,
	selfEvaluation: z.boolean(),
	institutionId: z.uuid().nullable(),
	archivedAt: timestamp.nullable(),
	createdAt: timestamp,
	createdBy: z.string().nullable()
});

const tag = 'evaluations';
const base = '/api/v1/evaluations';

export const evaluationOperations: Operation[] = [
	operation({
		method: 'get',
		path: base,
		summary: 'Evaluaties die u mag zien, nieuwste eerst (filter op status, team, instelling)',
		tag,
		query: listEvaluationsQuerySchema,
		response: pageSchema(evaluationListItemSchema)
	}),
	operation({
		method: 'post',
		path: base,
		summary: 'Plan een evaluatie van een team of instelling (status gepland)',
		tag,
		body: planBody,
		response: evaluationSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: `${base}/{id}`,
		summary: 'Eén evaluatie met instrument, onderwerp en modelversie',
		tag,
		params: evaluationIdParams,
		response: evaluationDetailSchema
	}),
	operation({
		method: 'patch',
		path: `${base}/{id}`,
		summary: 'Wijzig het plan (titel, plan, data, perspectieven); 409 bij een verouderde lock',
		tag,
		params: evaluationIdParams,
		body: patchPlanBody,
		response: evaluationSchema
	}),
	operation({
		method: 'post',
		path: `${base}/{id}/transitions`,
		summary:
			'Zet de evaluatie een stap verder (of van rapportage terug naar uitvoering); 409 bij een verouderde lock',
		tag,
		params: evaluationIdParams,
		body: transitionBody,
		response: evaluationSchema
	}),
	operation({
		method: 'post',
		path: `${base}/{id}/finalise`,
		summary: 'Stel de evaluatie vast (vanuit rapportage); daarna is zij onveranderlijk',
		tag,
		params: evaluationIdParams,
		body: finaliseBody,
		response: evaluationSchema
	}),
	operation({
		method: 'post',
		path: `${base}/{id}/revise`,
		summary:
			'Maak een correctie van een vastgestelde evaluatie: een nieuwe revisie met kopieën van de inhoud',
		tag,
		params: evaluationIdParams,
		body: reviseBody,
		response: evaluationSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: `${base}/{id}/history`,
		summary: 'De revisies van een evaluatie en wat er tussen twee opeenvolgende veranderde',
		tag,
		params: evaluationIdParams,
		response: historySchema
	}),
	operation({
		method: 'get',
		path: `${base}/{id}/participants`,
		summary: 'Deelnemers met een account, per perspectief',
		tag,
		params: evaluationIdParams,
		response: z.array(participantResponse)
	}),
	operation({
		method: 'post',
		path: `${base}/{id}/participants`,
		summary:
			'Voeg een deelnemer toe (iemand met een rol in het team of de instelling) of wijzig het perspectief',
		tag,
		params: evaluationIdParams,
		body: participantBody,
		response: participantResponse,
		responseStatus: 201
	}),
	operation({
		method: 'delete',
		path: `${base}/{id}/participants/{participantId}`,
		summary: 'Verwijder een deelnemer',
		tag,
		params: participantParams,
		responseStatus: 204
	}),
	operation({
		method: 'get',
		path: `${base}/{id}/findings`,
		summary: 'Bevindingen (sterke punten, aandachtspunten, good practices, risico’s)',
		tag,
		params: evaluationIdParams,
		response: z.array(findingSchema.extend({ authorName: z.string().nullable() }))
	}),
	operation({
		method: 'post',
		path: `${base}/{id}/findings`,
		summary: 'Leg een bevinding vast (tijdens uitvoering en rapportage)',
		tag,
		params: evaluationIdParams,
		body: findingBody,
		response: findingSchema,
		responseStatus: 201
	}),
	operation({
		method: 'patch',
		path: `${base}/{id}/findings/{findingId}`,
		summary: 'Wijzig een bevinding; 409 met de tekst van de ander bij een verouderde versie',
		tag,
		params: findingParams,
		body: findingPatchBody,
		response: findingSchema
	}),
	operation({
		method: 'delete',
		path: `${base}/{id}/findings/{findingId}`,
		summary: 'Verwijder een bevinding (met de versie die u zag)',
		tag,
		params: findingParams,
		body: findingDeleteBody,
		responseStatus: 204
	}),
	operation({
		method: 'get',
		path: `${base}/{id}/capacities`,
		summary:
			'Vermogens: uw eigen antwoorden en per vermogen hoeveel mensen zeggen dat het helpt of belemmert',
		tag,
		params: evaluationIdParams,
		response: capacitiesSchema
	}),
	operation({
		method: 'put',
		path: `${base}/{id}/capacities`,
		summary:
			"Zeg of een vermogen helpt of belemmert (effect 'none' trekt uw antwoord in); 409 bij een verouderde versie",
		tag,
		params: evaluationIdParams,
		body: capacityBody,
		response: capacitySchema.nullable()
	}),
	operation({
		method: 'get',
		path: '/api/v1/instrument-types',
		summary: 'Instrumenten: de ingebouwde van het netwerk en de eigen instrumenten van uw instelling(en)',
		tag,
		query: instrumentQuery,
		response: z.array(instrumentTypeSchema)
	}),
	operation({
		method: 'post',
		path: '/api/v1/instrument-types',
		summary: 'Voeg een eigen instrument van een instelling toe (kwaliteitszorg van die instelling)',
		tag,
		body: instrumentCreateBody,
		response: instrumentTypeSchema,
		responseStatus: 201
	}),
	operation({
		method: 'patch',
		path: '/api/v1/instrument-types/{id}',
		summary: 'Archiveer of herstel een eigen instrument',
		tag,
		params: instrumentParams,
		body: instrumentPatchBody,
		response: instrumentTypeSchema
	})
];
