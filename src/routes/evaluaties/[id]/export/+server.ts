import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { exportEvaluation } from '#lib/server/reports/export.ts';
import { attachment } from '#lib/server/reports/filename.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';

const query = z.object({
	wat: z.enum(['beoordelingen', 'acties'], {
		error: 'Kies wat u exporteert: wat=beoordelingen of wat=acties.'
	}),
	formaat: z
		.enum(['xlsx', 'ods', 'csv'], { error: 'Kies een formaat: formaat=xlsx, ods of csv.' })
		.default('xlsx')
});

/** `?wat=beoordelingen|acties&formaat=xlsx|ods|csv`: ratings or actions as a spreadsheet. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const parsed = query.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success) error(400, parsed.error.issues.map((i) => i.message).join(' '));
	const { db } = await app();
	const what = parsed.data.wat === 'beoordelingen' ? 'ratings' : 'actions';
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	const file = await orPageError(
		exportEvaluation(db, actor, event.params.id, { what, format: parsed.data.formaat }, locale)
	);
	return new Response(file.body as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': attachment(file.filename),
			'cache-control': 'private, no-store'
		}
	});
};
