import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { institutionPatchSchema } from '#lib/server/organisation/organisation.api.ts';
import { getInstitution, updateInstitution } from '#lib/server/organisation/institution.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await getInstitution(db, locals.actor, params.id!));
});

export const PATCH = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, institutionPatchSchema);
	const { db } = await app();
	return json(await updateInstitution(db, locals.actor, params.id!, body));
});
