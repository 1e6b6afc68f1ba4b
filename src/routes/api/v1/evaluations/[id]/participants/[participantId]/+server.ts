import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { removeParticipant } from '#lib/server/evaluations/participant.service.ts';

export const DELETE = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	await removeParticipant(db, locals.actor, params.id!, params.participantId!);
	return new Response(null, { status: 204 });
});
