import { app } from '#lib/server/app.ts';
import { compareEvaluations } from '#lib/server/dashboards/dashboard.service.ts';
import { AppError } from '#lib/server/http/errors.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { isUuid } from '#lib/server/http/input.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	const met = event.url.searchParams.get('met')?.trim() || null;
	const id = event.params.id;
	// A bad choice of the second evaluation is a message on the page, not an error page.
	if (met && !isUuid(met)) {
		const view = await orPageError(compareEvaluations(db, actor, id, null, locale));
		return { view, met, problem: 'Kies een evaluatie uit de lijst.' };
	}
	try {
		return { view: await compareEvaluations(db, actor, id, met, locale), met, problem: null };
	} catch (e) {
		if (!(e instanceof AppError) || e.status !== 422) return orPageError(Promise.reject(e));
		const view = await orPageError(compareEvaluations(db, actor, id, null, locale));
		return { view, met, problem: e.fieldErrors[0]?.message ?? e.message };
	}
};
