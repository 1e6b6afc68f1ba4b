import { json } from '@sveltejs/kit';
import { apiHandler } from '#lib/server/api/problem.ts';
import { unauthenticated } from '#lib/server/http/errors.ts';

export const GET = apiHandler(async ({ locals }) => {
	const actor = locals.actor;
	if (!actor) throw unauthenticated();
	return json({ id: actor.userId, name: actor.name, email: actor.email, grants: actor.grants });
});
