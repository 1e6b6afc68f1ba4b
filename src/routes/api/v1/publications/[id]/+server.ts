import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { getPublication } from '#lib/server/reports/publication.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await getPublication(db, locals.actor, params.id!));
});
