import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { locationInputSchema } from '#lib/domain/organisation/codes.ts';
import { booleanQuery } from '#lib/server/organisation/organisation.api.ts';
import { createLocation, listLocations } from '#lib/server/organisation/location.service.ts';

const query = z.object({ includeArchived: booleanQuery.default(false) });

export const GET = apiHandler(async ({ params, url, locals }) => {
	const options = readQuery(url, query);
	const { db } = await app();
	return json({ items: await listLocations(db, locals.actor, params.id!, options) });
});

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, locationInputSchema);
	const { db } = await app();
	return json(await createLocation(db, locals.actor, params.id!, body), { status: 201 });
});
