import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { downloadHeaders, getEvidenceContent } from '#lib/server/evaluations/evidence.service.ts';
import type { RequestHandler } from './$types';

// Always a download (attachment, the stored media type, no sniffing): an uploaded file is
// never rendered as a page of this site.
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const { id, evidenceId, revision } = event.params;
	const file = await orPageError(getEvidenceContent(db, actor, id, evidenceId, revision));
	return new Response(new Uint8Array(file.content), { headers: downloadHeaders(file) });
};
