import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { publishModelVersionSchema } from '#lib/server/model/model.api.ts';
import { publishVersion } from '#lib/server/model/model.service.ts';

export const POST = apiHandler(async ({ params, locals, request }) => {
	// The body (with the lock) is optional: without it the draft is published as it stands.
	const hasBody = (request.headers.get('content-type') ?? '').includes('application/json');
	const { lock } = hasBody ? await readJson(request, publishModelVersionSchema) : {};
	const { db } = await app();
	return json(await publishVersion(db, locals.actor, params.id!, lock));
});
