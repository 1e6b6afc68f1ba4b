import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readQuery } from '#lib/server/api/problem.ts';
import { compareQuerySchema } from '#lib/server/model/model.api.ts';
import { compareVersions } from '#lib/server/model/model.service.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const { a, b } = readQuery(url, compareQuerySchema);
	const { db } = await app();
	return json(await compareVersions(db, locals.actor, a, b));
});
