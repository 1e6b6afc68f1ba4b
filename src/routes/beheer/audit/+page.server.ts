import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { listAuditEvents } from '#lib/server/audit/audit.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import type { PageServerLoad } from './$types';

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { page } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	return { audit: await orPageError(listAuditEvents(db, actor, { page, pageSize: 50 })) };
};
