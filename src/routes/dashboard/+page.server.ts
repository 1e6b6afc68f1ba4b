import { app } from '#lib/server/app.ts';
import { dashboardChoices } from '#lib/server/dashboards/dashboard.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	return orPageError(dashboardChoices(db, actor));
};
