import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { actionListQuerySchema } from '#lib/server/agenda/action.input.ts';
import { createAction, listActions } from '#lib/server/agenda/action.service.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const query = readQuery(url, actionListQuerySchema);
	const { db } = await app();
	return json(await listActions(db, locals.actor, query));
});

// The body is checked field by field by the service (Dutch messages per field).
export const POST = apiHandler(async ({ request, locals }) => {
	const body = await readJson(request, z.record(z.string(), z.unknown()));
	const { db } = await app();
	return json(await createAction(db, locals.actor, body), { status: 201 });
});
