import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { participantBody } from '#lib/server/evaluations/evaluation.api.ts';
import { addParticipant, listParticipants } from '#lib/server/evaluations/participant.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await listParticipants(db, locals.actor, params.id!));
});

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, participantBody);
	const { db } = await app();
	return json(await addParticipant(db, locals.actor, params.id!, body), { status: 201 });
});
