import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { capacityBody } from '#lib/server/evaluations/evaluation.api.ts';
import { listCapacities, saveCapacity } from '#lib/server/evaluations/capacity.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await listCapacities(db, locals.actor, params.id!));
});

export const PUT = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, capacityBody);
	const { db } = await app();
	return json(await saveCapacity(db, locals.actor, params.id!, body));
});
