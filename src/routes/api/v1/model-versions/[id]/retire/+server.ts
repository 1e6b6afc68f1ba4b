import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { retireVersion } from '#lib/server/model/model.service.ts';

export const POST = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await retireVersion(db, locals.actor, params.id!));
});
