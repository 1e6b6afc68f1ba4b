import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { teamFormSchema } from '#lib/domain/organisation/people-input.ts';
import { teamListQuerySchema } from '#lib/server/organisation/organisation.api.ts';
import { createTeam, listTeams } from '#lib/server/organisation/team.service.ts';

export const GET = apiHandler(async ({ params, url, locals }) => {
	const query = readQuery(url, teamListQuerySchema);
	const { db } = await app();
	return json(await listTeams(db, locals.actor, params.id!, query));
});

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, teamFormSchema);
	const { db } = await app();
	return json(await createTeam(db, locals.actor, params.id!, body), { status: 201 });
});
