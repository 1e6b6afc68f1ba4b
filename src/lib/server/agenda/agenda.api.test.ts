import { beforeAll, describe, expect, it } from 'vitest';
import { pageSchema } from '../api/problem.ts';
import { openApiDocument } from '../api/openapi.ts';
import { ambitionListSchema, ambitionOperations, ambitionSchema } from '../ambitions/ambition.api.ts';
import { listAmbitions, setAmbition } from '../ambitions/ambition.service.ts';
import { ensureDefaultModel } from '../model/model.service.ts';
import { useWorld } from '../organisation/test-world.ts';
import {
	actionDetailSchema,
	actionListItemSchema,
	actionSchema,
	agendaOperations,
	noteSchema
} from './agenda.api.ts';
import { addProgressNote, createAction, getAction, listActions } from './action.service.ts';

// The API answers with what the services return, as JSON: the documented response
// schemas must accept exactly that, or the OpenAPI document lies to API clients.

const { db, world } = useWorld();
beforeAll(async () => {
	await ensureDefaultModel(db());
});

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('agenda and ambitions API description', () => {
	it('documents every endpoint', () => {
		const document = openApiDocument([...agendaOperations, ...ambitionOperations], 'http://localhost');
		expect(Object.keys(document.paths).sort()).toEqual([
			'/api/v1/actions',
			'/api/v1/actions/{id}',
			'/api/v1/actions/{id}/notes',
			'/api/v1/ambitions'
		]);
		const patch = document.paths['/api/v1/actions/{id}']!.patch as { requestBody: unknown };
		expect(JSON.stringify(patch.requestBody)).toContain('"version"');
	});

	it('describes what the services return', async () => {
		const action = await createAction(db(), world.people.leadA1.actor, {
			institutionId: world.a.id,
			teamId: world.a1.id,
			title: 'API-actie',
			ownerId: world.people.memberA1.id,
			dueOn: '2030-01-01',
			valueKey: 'vertrouwen'
		});
		expect(actionSchema.parse(asJson(action))).toBeTruthy();
		const { note, action: after } = await addProgressNote(db(), world.people.memberA1.actor, action.id, {
			text: 'Voortgang',
			progress: 10
		});
		expect(noteSchema.parse(asJson(note))).toBeTruthy();
		expect(actionSchema.parse(asJson(after))).toBeTruthy();
		expect(
			actionDetailSchema.parse(asJson(await getAction(db(), world.people.qoA.actor, action.id)))
		).toBeTruthy();
		const list = await listActions(db(), world.people.qoA.actor, { page: 1, pageSize: 10 });
		expect(pageSchema(actionListItemSchema).parse(asJson(list)).items).toHaveLength(1);

		const ambition = await setAmbition(db(), world.people.leadA1.actor, {
			teamId: world.a1.id,
			targetKind: 'value',
			targetKey: 'vertrouwen',
			levelKey: 'ambition',
			text: 'Veel vertrouwen'
		});
		expect(ambitionSchema.parse(asJson(ambition))).toBeTruthy();
		const ambitions = await listAmbitions(db(), world.people.memberA1.actor, {
			institutionId: world.a.id,
			teamId: world.a1.id
		});
		expect(ambitionListSchema.parse(asJson(ambitions)).current).toHaveLength(1);
	});
});
