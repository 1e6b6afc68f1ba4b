import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { getPublication } from '#lib/server/reports/publication.service.ts';
import type { PageServerLoad } from './$types';

// Public for a public summary; a summary for members, a withdrawn one or a wrong id is a 404.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = await app();
	return { publication: await orPageError(getPublication(db, locals.actor, params.id)) };
};
