import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { updateModelVersionSchema } from '#lib/server/model/model.api.ts';
import { getModelVersion, updateDraft } from '#lib/server/model/model.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await getModelVersion(db, locals.actor, params.id!));
});

export const PUT = apiHandler(async ({ params, locals, request }) => {
	const { document, lock } = await readJson(request, updateModelVersionSchema);
	const { db } = await app();
	return json(await updateDraft(db, locals.actor, params.id!, document, lock));
});
