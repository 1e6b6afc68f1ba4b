import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { teamPatchSchema } from '#lib/server/organisation/organisation.api.ts';
import { getTeam, updateTeam } from '#lib/server/organisation/team.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json(await getTeam(db, locals.actor, params.id!));
});

export const PATCH = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, teamPatchSchema);
	const { db } = await app();
	return json(await updateTeam(db, locals.actor, params.id!, body));
});
