import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { findingDeleteBody, findingPatchBody } from '#lib/server/evaluations/evaluation.api.ts';
import { deleteFinding, updateFinding } from '#lib/server/evaluations/finding.service.ts';

export const PATCH = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, findingPatchBody);
	const { db } = await app();
	return json(await updateFinding(db, locals.actor, params.id!, params.findingId!, body));
});

export const DELETE = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, findingDeleteBody);
	const { db } = await app();
	await deleteFinding(db, locals.actor, params.id!, params.findingId!, body);
	return new Response(null, { status: 204 });
});
