import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { listOutbox } from '#lib/server/mail/outbox.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import type { PageServerLoad } from './$types';

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { page } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	return { outbox: await orPageError(listOutbox(db, actor, page)) };
};
