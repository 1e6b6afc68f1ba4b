import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import { ambitionQuerySchema } from '#lib/server/ambitions/ambition.input.ts';
import { listAmbitions, setAmbition } from '#lib/server/ambitions/ambition.service.ts';
import { resolveSubjectRef } from '#lib/server/ambitions/subject.ts';

export const GET = apiHandler(async ({ url, locals }) => {
	const { institutionId, teamId, page, pageSize } = readQuery(url, ambitionQuerySchema);
	const { db } = await app();
	const ref = await resolveSubjectRef(db, { institutionId, teamId });
	return json(await listAmbitions(db, locals.actor, ref, { page, pageSize }));
});

// The body is checked field by field by the service (Dutch messages per field).
export const POST = apiHandler(async ({ request, locals }) => {
	const body = await readJson(request, z.record(z.string(), z.unknown()));
	const { db } = await app();
	return json(await setAmbition(db, locals.actor, body), { status: 201 });
});
