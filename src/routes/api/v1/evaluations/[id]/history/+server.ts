import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { evaluationHistory } from '#lib/server/evaluations/revision.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await evaluationHistory(db, locals.actor, params.id!));
});
