import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readQuery } from '#lib/server/api/problem.ts';
import { auditQuerySchema } from '#lib/server/audit/audit.api.ts';
import { listAuditEvents } from '#lib/server/audit/audit.service.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const query = readQuery(url, auditQuerySchema);
	const { db } = await app();
	return json(await listAuditEvents(db, locals.actor, query));
});
