import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { addPersonInputSchema } from '#lib/domain/organisation/people-input.ts';
import { peopleListQuerySchema } from '#lib/server/people/people.api.ts';
import { addPerson, listPeople } from '#lib/server/people/person.service.ts';

export const GET = apiHandler(async ({ params, url, locals }) => {
	const query = readQuery(url, peopleListQuerySchema);
	const { db } = await app();
	return json(await listPeople(db, locals.actor, params.id!, query));
});

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, addPersonInputSchema);
	const { db } = await app();
	return json(await addPerson(db, locals.actor, params.id!, body), { status: 201 });
});
