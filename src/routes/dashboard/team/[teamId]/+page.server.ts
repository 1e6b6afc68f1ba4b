import { app } from '#lib/server/app.ts';
import { teamDashboard } from '#lib/server/dashboards/dashboard.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	return { view: await orPageError(teamDashboard(db, actor, event.params.teamId, locale)) };
};
