import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { reviseBody } from '#lib/server/evaluations/evaluation.api.ts';
import { reviseEvaluation } from '#lib/server/evaluations/revision.service.ts';

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, reviseBody);
	const { db } = await app();
	return json(await reviseEvaluation(db, locals.actor, params.id!, body), { status: 201 });
});
