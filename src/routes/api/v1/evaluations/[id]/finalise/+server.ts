import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { finaliseBody } from '#lib/server/evaluations/evaluation.api.ts';
import { finaliseEvaluation } from '#lib/server/evaluations/workflow.service.ts';

export const POST = apiHandler(async ({ params, request, locals }) => {
	// The body (with the lock) is optional: without it the evaluation is finalised as it stands.
	const hasBody = (request.headers.get('content-type') ?? '').includes('application/json');
	const body = hasBody ? await readJson(request, finaliseBody) : {};
	const { db } = await app();
	return json(await finaliseEvaluation(db, locals.actor, params.id!, body));
});
