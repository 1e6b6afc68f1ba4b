import { app } from '#lib/server/app.ts';
import { apiHandler, readQuery } from '#lib/server/api/problem.ts';
import { reportPdf } from '#lib/server/reports/report.service.ts';
import { reportQuerySchema } from '#lib/server/reports/reports.api.ts';
import { attachment } from '#lib/server/reports/filename.ts';

export const GET = apiHandler(async ({ params, url, locals }) => {
	const { lang } = readQuery(url, reportQuerySchema);
	const { db } = await app();
	const { filename, pdf } = await reportPdf(db, locals.actor, params.id!, lang);
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': attachment(filename),
			'cache-control': 'private, no-store'
		}
	});
});
