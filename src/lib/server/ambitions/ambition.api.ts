import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageSchema } from '../api/problem.ts';
import { ambitionInputSchema, ambitionQuerySchema, ambitionTargetKinds } from './ambition.input.ts';

// The ambitions API: the same zod schemas validate requests and describe them in the
// OpenAPI document.

const timestamp = z.string().describe('ISO 8601');

export const ambitionSchema = z.object({
	id: z.uuid(),
	institutionId: z.uuid(),
	teamId: z.uuid().nullable().describe('leeg voor een ambitie van de instelling'),
	modelVersionId: z.uuid(),
	targetKind: z.enum(ambitionTargetKinds),
	targetKey: z.string().describe('sleutel van de referentiewaarde of standaard'),
	levelKey: z.string().describe('niveau op de beoordelingsschaal'),
	rank: z.int().describe('rang van dat niveau in de modelversie'),
	text: z.string(),
	setOn: z.iso.date(),
	createdAt: timestamp,
	createdBy: z.string().nullable()
});

const ambitionItemSchema = ambitionSchema.extend({ createdByName: z.string().nullable() });

export const ambitionListSchema = z.object({
	current: z.array(ambitionItemSchema).describe('de geldende ambitie per referentiewaarde of standaard'),
	history: pageSchema(ambitionItemSchema).describe('alle ambities, nieuwste eerst')
});

const tag = 'ambities';

export const ambitionOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/ambitions',
		summary:
			'Ambities van een team (teamId) of van een instelling (institutionId): de geldende en de geschiedenis',
		tag,
		query: ambitionQuerySchema,
		response: ambitionListSchema
	}),
	operation({
		method: 'post',
		path: '/api/v1/ambitions',
		summary:
			'Stel een ambitie vast voor een referentiewaarde of standaard (nieuwe regel; de vorige blijft als geschiedenis)',
		tag,
		body: ambitionInputSchema,
		response: ambitionSchema,
		responseStatus: 201
	})
];
