import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { getAction, updateAction } from '#lib/server/agenda/action.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await getAction(db, locals.actor, params.id!));
});

// Only the fields sent change; `version` must be the one the change started from (else 409).
export const PATCH = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, z.record(z.string(), z.unknown()));
	const { db } = await app();
	return json(await updateAction(db, locals.actor, params.id!, body));
});
