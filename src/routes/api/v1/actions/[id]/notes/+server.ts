import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { addProgressNote } from '#lib/server/agenda/action.service.ts';

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, z.record(z.string(), z.unknown()));
	const { db } = await app();
	const result = await addProgressNote(db, locals.actor, params.id!, body);
	// A repeated request with the same clientToken returns the first note.
	return json(result, { status: result.duplicate ? 200 : 201 });
});
