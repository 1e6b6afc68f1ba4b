import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { planBody } from '#lib/server/evaluations/evaluation.api.ts';
import {
	listEvaluations,
	listEvaluationsQuerySchema,
	planEvaluation
} from '#lib/server/evaluations/evaluation.service.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const query = readQuery(url, listEvaluationsQuerySchema);
	const { db } = await app();
	return json(await listEvaluations(db, locals.actor, query));
});

export const POST = apiHandler(async ({ request, locals }) => {
	const body = await readJson(request, planBody);
	const { db } = await app();
	return json(await planEvaluation(db, locals.actor, body), { status: 201 });
});
