import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { instrumentPatchBody } from '#lib/server/evaluations/evaluation.api.ts';
import { setInstrumentTypeArchived } from '#lib/server/evaluations/instrument.service.ts';

export const PATCH = apiHandler(async ({ params, request, locals }) => {
	const { archived } = await readJson(request, instrumentPatchBody);
	const { db } = await app();
	return json(await setInstrumentTypeArchived(db, locals.actor, params.id!, archived));
});
