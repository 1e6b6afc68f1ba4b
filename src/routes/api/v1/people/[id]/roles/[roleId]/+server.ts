import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { revokeRole } from '#lib/server/people/role.service.ts';

export const DELETE = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	await revokeRole(db, locals.actor, params.id!, params.roleId!);
	return new Response(null, { status: 204 });
});
