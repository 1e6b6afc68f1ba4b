import { error, fail, redirect } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { AppError } from '#lib/server/http/errors.ts';
import { formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { questionnaireAnswerFromForm, questionnaireFormErrors } from '#lib/server/evaluations/rating.form.ts';
import { openQuestionnaire, submitQuestionnaire } from '#lib/server/evaluations/questionnaire.service.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: no sign-in. The token in the path is the only key; hooks.server.ts sends
// `Referrer-Policy: same-origin` (not no-referrer: then browsers send `Origin: null` with the form post and SvelteKit refuses it as cross-site) and `Cache-Control: no-store` for everything under /vragenlijst/.

export const load: PageServerLoad = async ({ params }) => {
	const { db } = await app();
	return orPageError(openQuestionnaire(db, params.token));
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const data = await request.formData();
		const keys = String(data.get('standards') ?? '')
			.split(',')
			.filter(Boolean);
		const answer = questionnaireAnswerFromForm(data, keys);
		const { db } = await app();
		try {
			await submitQuestionnaire(db, params.token, answer);
		} catch (e) {
			if (!(e instanceof AppError)) throw e;
			// Input to correct stays on the page; an unusable link becomes its own clear page.
			if (e.status !== 422) error(e.status, e.message);
			return fail(422, { errors: questionnaireFormErrors(answer, e.fieldErrors), values: formValues(data) });
		}
		redirect(303, '/vragenlijst/bedankt');
	}
};
