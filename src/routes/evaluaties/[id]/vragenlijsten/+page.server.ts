import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import type { Database } from '#lib/server/db/database.ts';
import { actionError, formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import {
	createQuestionnaireLinks,
	linksCsv,
	listQuestionnaireLinks,
	revokeOpenLinks,
	revokeQuestionnaireLink
} from '#lib/server/evaluations/questionnaire.service.ts';
import type { Actor } from '#lib/server/policy/policy.ts';
import type { Actions, PageServerLoad } from './$types';

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { page } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	return orPageError(listQuestionnaireLinks(db, actor, event.params.id, { page, pageSize: 100 }));
};

/** One of the page's forms: the service's answer, or its Dutch errors tagged with the form's name. */
async function run<T>(
	event: RequestEvent,
	form: string,
	work: (db: Database, actor: Actor, data: FormData) => Promise<T>
) {
	const actor = requireActor(event);
	const data = await event.request.formData();
	const { db } = await app();
	try {
		return { form, done: true as const, result: await work(db, actor, data) };
	} catch (error) {
		const failure = actionError(error, data);
		return fail(failure.status, { ...failure.data, form, values: formValues(data) });
	}
}

export const actions: Actions = {
	create: async (event) => {
		// The answer holds the tokens: never cache it.
		event.setHeaders({ 'cache-control': 'no-store' });
		return run(event, 'create', async (db, actor, data) => {
			const links = await createQuestionnaireLinks(db, actor, event.params.id, formValues(data));
			const withUrl = links.map((l) => ({
				...l,
				url: new URL(`/vragenlijst/${l.token}`, event.url.origin).href
			}));
			return { links: withUrl, csv: linksCsv(withUrl) };
		});
	},
	revoke: (event) =>
		run(event, 'links', (db, actor, data) =>
			revokeQuestionnaireLink(db, actor, event.params.id, String(data.get('linkId') ?? ''))
		),
	revokeOpen: (event) =>
		run(event, 'counts', (db, actor, data) =>
			revokeOpenLinks(db, actor, event.params.id, { perspective: data.get('perspective') })
		)
};
