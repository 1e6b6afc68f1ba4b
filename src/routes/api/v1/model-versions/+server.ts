import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, pageQuerySchema, readQuery } from '#lib/server/api/problem.ts';
import { createDraft, listModelVersions } from '#lib/server/model/model.service.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const query = readQuery(url, pageQuerySchema);
	const { db } = await app();
	return json(await listModelVersions(db, locals.actor, query));
});

export const POST = apiHandler(async ({ locals }) => {
	const { db } = await app();
	return json(await createDraft(db, locals.actor), { status: 201 });
});
