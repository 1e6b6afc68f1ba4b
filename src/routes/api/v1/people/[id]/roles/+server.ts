import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { roleAssignmentInputSchema } from '#lib/domain/organisation/people-input.ts';
import { assignRole, listRoles } from '#lib/server/people/role.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json({ items: await listRoles(db, locals.actor, params.id!) });
});

export const POST = apiHandler(async ({ params, request, locals }) => {
	const body = await readJson(request, roleAssignmentInputSchema);
	const { db } = await app();
	return json(await assignRole(db, locals.actor, params.id!, body), { status: 201 });
});
