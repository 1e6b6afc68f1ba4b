import { fail } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { AppError } from '#lib/server/http/errors.ts';
import { formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { ratingEntriesFromForm, ratingFormErrors } from '#lib/server/evaluations/rating.form.ts';
import { ratingForm, saveRatings } from '#lib/server/evaluations/rating.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	return orPageError(ratingForm(db, actor, event.params.id));
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const keys = String(data.get('standards') ?? '')
			.split(',')
			.filter(Boolean);
		const entries = ratingEntriesFromForm(data, keys);
		if (!entries.length) return { saved: 0, unchanged: 0 };
		const { db } = await app();
		try {
			const result = await saveRatings(db, actor, event.params.id, entries);
			if (result.conflicts.length) {
				return fail(409, {
					conflicts: result.conflicts,
					saved: result.saved.length,
					values: formValues(data)
				});
			}
			return { saved: result.saved.length, unchanged: result.unchanged.length };
		} catch (error) {
			if (!(error instanceof AppError)) throw error;
			return fail(error.status, {
				message: error.message,
				errors: ratingFormErrors(entries, error.fieldErrors),
				values: formValues(data)
			});
		}
	}
};
