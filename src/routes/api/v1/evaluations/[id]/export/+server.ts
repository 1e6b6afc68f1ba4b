import { app } from '#lib/server/app.ts';
import { apiHandler, readQuery } from '#lib/server/api/problem.ts';
import { exportEvaluation } from '#lib/server/reports/export.ts';
import { exportQuerySchema } from '#lib/server/reports/reports.api.ts';
import { attachment } from '#lib/server/reports/filename.ts';

export const GET = apiHandler(async ({ params, url, locals }) => {
	const query = readQuery(url, exportQuerySchema);
	const { db } = await app();
	const file = await exportEvaluation(db, locals.actor, params.id!, query);
	return new Response(file.body as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': attachment(file.filename),
			'cache-control': 'private, no-store'
		}
	});
});
