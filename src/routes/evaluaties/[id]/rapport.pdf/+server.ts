import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { reportPdf } from '#lib/server/reports/report.service.ts';
import { attachment } from '#lib/server/reports/filename.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';

/** The self-evaluation report as a PDF download, in the person's interface language. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	const { filename, pdf } = await orPageError(reportPdf(db, actor, event.params.id, locale));
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': attachment(filename),
			'cache-control': 'private, no-store'
		}
	});
};
