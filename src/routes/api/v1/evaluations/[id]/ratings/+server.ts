import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { ratingConflictProblem } from '#lib/server/evaluations/rating.api.ts';
import {
	listMyRatings,
	ratingSummary,
	saveRatings,
	saveRatingsSchema
} from '#lib/server/evaluations/rating.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	const { perspective, items } = await listMyRatings(db, locals.actor, params.id!);
	return json({ perspective, mine: items, summary: await ratingSummary(db, locals.actor, params.id!) });
});

export const PUT = apiHandler(async ({ params, locals, request }) => {
	const { ratings } = await readJson(request, saveRatingsSchema);
	const { db } = await app();
	const result = await saveRatings(db, locals.actor, params.id!, ratings);
	return result.conflicts.length ? ratingConflictProblem(result, locals.requestId) : json(result);
});
