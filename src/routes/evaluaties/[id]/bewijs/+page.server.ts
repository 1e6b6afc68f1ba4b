import { fail, type RequestEvent } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import type { Database } from '#lib/server/db/database.ts';
import { actionError, formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { evidenceFormInput } from '#lib/server/evaluations/evidence.api.ts';
import { addEvidence, addEvidenceRevision, evidencePage } from '#lib/server/evaluations/evidence.service.ts';
import type { Actor } from '#lib/server/policy/policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	return orPageError(evidencePage(db, actor, event.params.id));
};

/** A multipart form of the page: the service's result, or its Dutch errors tagged with the form (and item) it belongs to. */
async function run(
	event: RequestEvent,
	form: string,
	work: (db: Database, actor: Actor, input: Awaited<ReturnType<typeof evidenceFormInput>>) => Promise<unknown>
) {
	const actor = requireActor(event);
	const data = await event.request.formData();
	const input = await evidenceFormInput(data);
	const target = form === 'revise' ? String(data.get('evidenceId') ?? '') : form;
	const { db } = await app();
	try {
		await work(db, actor, input);
	} catch (error) {
		const failure = actionError(error, data);
		return fail(failure.status, { ...failure.data, form: target, values: formValues(data) });
	}
	return { form: target, done: true as const };
}

export const actions: Actions = {
	add: (event) => run(event, 'add', (db, actor, input) => addEvidence(db, actor, event.params.id, input)),
	revise: (event) =>
		run(event, 'revise', (db, actor, input) =>
			addEvidenceRevision(db, actor, event.params.id, String(input.evidenceId ?? ''), input)
		)
};
