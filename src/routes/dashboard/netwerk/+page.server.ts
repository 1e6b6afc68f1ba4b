import { app } from '#lib/server/app.ts';
import { networkDashboard } from '#lib/server/dashboards/dashboard.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

// Plain HTML: the page has nothing interactive (links, disclosures), and without
// hydration its view is not sent a second time as JSON.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	return { view: await orPageError(networkDashboard(db, actor, locale)) };
};
