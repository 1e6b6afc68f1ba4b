import { app } from '#lib/server/app.ts';
import { institutionDashboard } from '#lib/server/dashboards/dashboard.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	const q = event.url.searchParams;
	const filters = {
		locatie: q.get('locatie') ?? undefined,
		sector: q.get('sector') ?? undefined,
		niveau: q.get('niveau') ?? undefined
	};
	return {
		view: await orPageError(institutionDashboard(db, actor, event.params.institutionId, filters, locale))
	};
};
