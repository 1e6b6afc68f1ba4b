import { app } from '#lib/server/app.ts';
import { formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import { addProgressNote, updateAction } from '#lib/server/agenda/action.service.ts';
import { actionOverview } from '#lib/server/agenda/agenda.pages.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	return orPageError(actionOverview(db, actor, event.params.id));
};

export const actions: Actions = {
	update: async (event) => {
		const result = await formAction(event, 'update', (db, actor, data) =>
			updateAction(db, actor, event.params.id, formValues(data))
		);
		// The page explains a conflict (someone else saved first) differently from bad input.
		if ('status' in result) Object.assign(result.data, { conflict: result.status === 409 });
		return result;
	},
	note: (event) =>
		formAction(event, 'note', (db, actor, data) =>
			addProgressNote(db, actor, event.params.id, formValues(data))
		)
};
