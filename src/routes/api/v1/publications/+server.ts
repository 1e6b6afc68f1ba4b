import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { listPublications, publishSummary } from '#lib/server/reports/publication.service.ts';
import { publicationListQuerySchema, publishBodySchema } from '#lib/server/reports/reports.api.ts';

// Public ones need no sign-in: rekenschap is meant to be read by students, work field and region.
export const GET = apiHandler(async ({ url, locals }) => {
	const query = readQuery(url, publicationListQuerySchema);
	const { db } = await app();
	return json(await listPublications(db, locals.actor, query));
});

export const POST = apiHandler(async ({ request, locals }) => {
	const { institutionId, ...input } = await readJson(request, publishBodySchema);
	const { db } = await app();
	return json(await publishSummary(db, locals.actor, institutionId, input), { status: 201 });
});
