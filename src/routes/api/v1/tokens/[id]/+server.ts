import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { revokeApiToken } from '#lib/server/auth/api-token.service.ts';

export const DELETE = apiHandler(async ({ locals, params }) => {
	const { db } = await app();
	await revokeApiToken(db, locals.actor, params.id ?? '');
	return new Response(null, { status: 204 });
});
