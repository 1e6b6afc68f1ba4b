import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { findingBody } from '#lib/server/evaluations/evaluation.api.ts';
import { createFinding, listFindings } from '#lib/server/evaluations/finding.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await listFindings(db, locals.actor, params.id!));
});

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, findingBody);
	const { db } = await app();
	return json(await createFinding(db, locals.actor, params.id!, body), { status: 201 });
});
