import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { exportVersion } from '#lib/server/model/model.service.ts';
import type { RequestHandler } from './$types';

/** The version as a downloadable JSON file (the same format the import reads). */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const { filename, json } = await orPageError(exportVersion(db, actor, event.params.id));
	return new Response(json, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
