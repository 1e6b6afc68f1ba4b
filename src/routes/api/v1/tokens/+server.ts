import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson } from '#lib/server/api/problem.ts';
import { apiTokenInputSchema, createApiToken, listApiTokens } from '#lib/server/auth/api-token.service.ts';
import { AppError, unauthenticated } from '#lib/server/http/errors.ts';

export const GET = apiHandler(async ({ locals }) => {
	const { db } = await app();
	return json({ items: await listApiTokens(db, locals.actor) });
});

export const POST = apiHandler(async ({ locals, request }) => {
	if (!locals.actor) throw unauthenticated();
	// A token cannot mint tokens: a leaked token must not be able to outlive its revocation.
	if (!locals.sessionId) {
		throw new AppError(
			403,
			'session_required',
			'Maak een token aan terwijl u bent ingelogd, niet met een ander token.'
		);
	}
	const input = await readJson(request, apiTokenInputSchema);
	const { db } = await app();
	return json(await createApiToken(db, locals.actor, input), { status: 201 });
});
