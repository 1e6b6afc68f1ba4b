import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { institutionInputSchema } from '#lib/domain/organisation/codes.ts';
import { listQuerySchema } from '#lib/server/organisation/organisation.api.ts';
import { createInstitution, listInstitutions } from '#lib/server/organisation/institution.service.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const query = readQuery(url, listQuerySchema);
	const { db } = await app();
	return json(await listInstitutions(db, locals.actor, query));
});

export const POST = apiHandler(async ({ request, locals }) => {
	const body = await readJson(request, institutionInputSchema);
	const { db } = await app();
	return json(await createInstitution(db, locals.actor, body), { status: 201 });
});
