import { app } from '#lib/server/app.ts';
import { institutionDashboard } from '#lib/server/dashboards/dashboard.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

// Plain HTML: the page has nothing interactive (GET filters, links, disclosures), and
// without hydration its view is not sent a second time as JSON.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	const q = event.url.searchParams;
	const filters = {
		locatie: q.get('locatie') ?? undefined,
		sector: q.get('sector') ?? undefined,
		niveau: q.get('niveau') ?? undefined,
		pagina: q.get('pagina') ?? undefined
	};
	return {
		view: await orPageError(institutionDashboard(db, actor, event.params.institutionId, filters, locale))
	};
};
