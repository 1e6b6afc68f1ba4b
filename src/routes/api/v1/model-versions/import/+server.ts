import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { AppError } from '#lib/server/http/errors.ts';
import { apiHandler } from '#lib/server/api/problem.ts';
import { importVersion } from '#lib/server/model/model.service.ts';

// Not readJson: a model file may be up to 2 MB (readJson stops at 1 MB), and the service's
// own parser names every problem with its path, exactly as the import page does.
export const POST = apiHandler(async ({ request, locals }) => {
	if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
		throw new AppError(415, 'unsupported_media_type', 'Stuur het modeldocument als application/json.');
	}
	const { db } = await app();
	return json(await importVersion(db, locals.actor, await request.text()), { status: 201 });
});
