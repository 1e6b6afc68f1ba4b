import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { compareVersions } from '#lib/server/model/model.service.ts';
import type { PageServerLoad } from './$types';

// Missing or malformed ids are treated as unknown versions (404), like any other id.
const query = z.object({ a: z.string().max(100), b: z.string().max(100) });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const parsed = query.safeParse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	if (!parsed.success) return { comparison: null };
	return { comparison: await orPageError(compareVersions(db, actor, parsed.data.a, parsed.data.b)) };
};
