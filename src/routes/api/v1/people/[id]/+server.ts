import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { getPerson } from '#lib/server/people/person.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await getPerson(db, locals.actor, params.id!));
});
