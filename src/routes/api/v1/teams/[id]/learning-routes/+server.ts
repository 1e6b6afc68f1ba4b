import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { learningRouteInputSchema } from '#lib/domain/organisation/codes.ts';
import { addLearningRoute } from '#lib/server/organisation/learning-route.service.ts';

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, learningRouteInputSchema);
	const { db } = await app();
	return json(await addLearningRoute(db, locals.actor, params.id!, body), { status: 201 });
});
