import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { patchPlanBody } from '#lib/server/evaluations/evaluation.api.ts';
import { getEvaluation, updateEvaluationPlan } from '#lib/server/evaluations/evaluation.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await getEvaluation(db, locals.actor, params.id!));
});

export const PATCH = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, patchPlanBody);
	const { db } = await app();
	return json(await updateEvaluationPlan(db, locals.actor, params.id!, body));
});
