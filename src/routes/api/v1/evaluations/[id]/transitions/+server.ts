import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { transitionBody } from '#lib/server/evaluations/evaluation.api.ts';
import { advanceEvaluation } from '#lib/server/evaluations/workflow.service.ts';

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, transitionBody);
	const { db } = await app();
	return json(await advanceEvaluation(db, locals.actor, params.id!, body));
});
