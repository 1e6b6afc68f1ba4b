import { app } from '#lib/server/app.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { exportVersion } from '#lib/server/model/model.service.ts';

export const GET = apiHandler(async ({ params, locals }) => {
	const { db } = await app();
	const { filename, json } = await exportVersion(db, locals.actor, params.id!);
	return new Response(json, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
});
