import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { setAmbitionAction } from '#lib/server/ambitions/ambition.form.ts';
import { ambitionOverview } from '#lib/server/ambitions/ambition.service.ts';
import type { Actions, PageServerLoad } from './$types';

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { page } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	return {
		overview: await orPageError(
			ambitionOverview(db, actor, { teamId: event.params.teamId }, { page, pageSize: 50 })
		)
	};
};

export const actions: Actions = {
	set: (event) => setAmbitionAction(event, { teamId: event.params.teamId })
};
