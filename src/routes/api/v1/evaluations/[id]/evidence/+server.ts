import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { assertUploadSize, evidenceFormInput } from '#lib/server/evaluations/evidence.api.ts';
import { addEvidence, addEvidenceSchema, listEvidence } from '#lib/server/evaluations/evidence.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	return json({ items: await listEvidence(db, locals.actor, params.id!) });
});

// A link comes as JSON; a file as multipart/form-data (the same fields, plus `file`).
export const POST = apiHandler(async ({ params, locals, request }) => {
	const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
	if (multipart) assertUploadSize(request);
	const input = multipart
		? { kind: 'file', ...(await evidenceFormInput(await request.formData())) }
		: await readJson(request, addEvidenceSchema.loose());
	const { db } = await app();
	return json(await addEvidence(db, locals.actor, params.id!, input), { status: 201 });
});
