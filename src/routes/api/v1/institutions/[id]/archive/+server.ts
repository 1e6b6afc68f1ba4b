import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { archiveInstitution } from '#lib/server/organisation/institution.service.ts';

export const POST = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await archiveInstitution(db, locals.actor, params.id!));
});
