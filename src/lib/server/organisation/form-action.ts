import { fail, type RequestEvent } from '@sveltejs/kit';
import { app } from '../app.ts';
import type { Database } from '../db/database.ts';
import { actionError } from '../http/forms.ts';
import { requireActor } from '../http/session.ts';
import type { Actor } from '../policy/policy.ts';

/**
 * Runs one named form action of a page that holds several forms: signs in (or redirects),
 * reads the form, calls the service, and tags the result with the form's name so the
 * page shows a success or the Dutch field errors beside the right form.
 */
export async function formAction<F extends string>(
	event: Pick<RequestEvent, 'locals' | 'url' | 'request'>,
	form: F,
	work: (db: Database, actor: Actor, data: FormData) => Promise<unknown>
) {
	const actor = requireActor(event);
	const data = await event.request.formData();
	const { db } = await app();
	try {
		await work(db, actor, data);
	} catch (error) {
		const failure = actionError(error, data);
		return fail(failure.status, { ...failure.data, form });
	}
	return { form, done: true as const };
}
