import { requireActor } from '#lib/server/http/session.ts';
import { csvDownload } from '#lib/server/organisation/import-template.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	requireActor(event);
	return csvDownload('teams');
};
