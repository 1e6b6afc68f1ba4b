import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { instrumentCreateBody, instrumentQuery } from '#lib/server/evaluations/evaluation.api.ts';
import { createInstrumentType, listInstrumentTypes } from '#lib/server/evaluations/instrument.service.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const query = readQuery(url, instrumentQuery);
	const { db } = await app();
	return json(await listInstrumentTypes(db, locals.actor, query));
});

export const POST = apiHandler(async ({ request, locals }) => {
	const { institutionId, ...body } = await readJson(request, instrumentCreateBody);
	const { db } = await app();
	return json(await createInstrumentType(db, locals.actor, institutionId, body), { status: 201 });
});
