import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { listPublications } from '#lib/server/reports/publication.service.ts';
import type { PageServerLoad } from './$types';

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

// Public: no sign-in needed. Signed-in people of the network also see summaries for members.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { page } = query.parse(Object.fromEntries(url.searchParams));
	const { db } = await app();
	return {
		signedIn: !!locals.actor,
		publications: await listPublications(db, locals.actor, { page, pageSize: 25 })
	};
};
