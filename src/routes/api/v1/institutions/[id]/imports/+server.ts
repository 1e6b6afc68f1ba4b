import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readQuery } from '#lib/server/api/problem.ts';
import { AppError } from '#lib/server/http/errors.ts';
import { MAX_IMPORT_BYTES, previewImport, runImport } from '#lib/server/organisation/import.service.ts';
import { importQuerySchema } from '#lib/server/organisation/organisation.api.ts';

// The body is the CSV file itself (text/csv), not JSON: the same bytes a person uploads.
export const POST = apiHandler(async ({ params, url, request, locals }) => {
	const { kind, dryRun } = readQuery(url, importQuerySchema);
	const type = request.headers.get('content-type') ?? '';
	if (!/^(text\/csv|text\/plain|application\/octet-stream)\b/.test(type)) {
		throw new AppError(415, 'unsupported_media_type', 'Stuur het CSV-bestand als text/csv.');
	}
	if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) {
		throw new AppError(
			413,
			'too_large',
			`Het bestand is groter dan ${Math.round(MAX_IMPORT_BYTES / 1024)} kB.`
		);
	}
	const bytes = new Uint8Array(await request.arrayBuffer());
	const { db } = await app();
	const run = dryRun ? previewImport : runImport;
	return json(await run(db, locals.actor, params.id!, kind, bytes));
});
