import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { revokeQuestionnaireLink } from '#lib/server/evaluations/questionnaire.service.ts';

export const POST = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await revokeQuestionnaireLink(db, locals.actor, params.id!, params.linkId!));
});
