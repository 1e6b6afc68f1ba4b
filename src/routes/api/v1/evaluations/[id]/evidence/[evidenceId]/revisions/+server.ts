import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { assertUploadSize, evidenceFormInput } from '#lib/server/evaluations/evidence.api.ts';
import { addEvidenceRevision, addRevisionSchema } from '#lib/server/evaluations/evidence.service.ts';

export const POST = apiHandler(async ({ params, locals, request }) => {
	const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
	if (multipart) assertUploadSize(request);
	const input = multipart
		? await evidenceFormInput(await request.formData())
		: await readJson(request, addRevisionSchema.loose());
	const { db } = await app();
	return json(await addEvidenceRevision(db, locals.actor, params.id!, params.evidenceId!, input), {
		status: 201
	});
});
