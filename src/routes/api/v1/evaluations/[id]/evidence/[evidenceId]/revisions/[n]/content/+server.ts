import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { downloadHeaders, getEvidenceContent } from '#lib/server/evaluations/evidence.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	const file = await getEvidenceContent(db, locals.actor, params.id!, params.evidenceId!, params.n!);
	return new Response(new Uint8Array(file.content), { headers: downloadHeaders(file) });
});
