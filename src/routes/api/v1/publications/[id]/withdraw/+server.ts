import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { withdrawPublication } from '#lib/server/reports/publication.service.ts';

export const POST = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await withdrawPublication(db, locals.actor, params.id!));
});
