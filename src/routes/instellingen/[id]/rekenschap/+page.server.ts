import { randomUUID } from 'node:crypto';
import { formValues } from '#lib/server/http/forms.ts';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import {
	listInstitutionPublications,
	maxSummaryLength,
	publishSummary,
	withdrawPublication
} from '#lib/server/reports/publication.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const own = await orPageError(listInstitutionPublications(db, actor, event.params.id));
	// One token per rendered publish form: submitting it twice publishes once.
	return { institutionId: event.params.id, maxSummaryLength, clientToken: randomUUID(), ...own };
};

export const actions: Actions = {
	publish: (event) =>
		formAction(event, 'publish', (db, actor, data) =>
			publishSummary(db, actor, event.params.id, formValues(data))
		),
	withdraw: (event) =>
		formAction(event, 'withdraw', (db, actor, data) =>
			withdrawPublication(db, actor, String(data.get('publicationId') ?? ''))
		)
};
