import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { app } from '#lib/server/app.ts';
import { actionError } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { can } from '#lib/server/policy/policy.ts';
import { modelPolicy } from '#lib/server/model/model.policy.ts';
import {
	createDraft,
	importVersion,
	latestPublishedVersion,
	listModelVersions
} from '#lib/server/model/model.service.ts';
import type { Actions, PageServerLoad } from './$types';

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { page } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	return {
		versions: await orPageError(listModelVersions(db, actor, { page, pageSize: 50 })),
		currentId: (await latestPublishedVersion(db))?.id ?? null,
		canCreate: can(actor, modelPolicy, 'model.create_draft'),
		canImport: can(actor, modelPolicy, 'model.import')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireActor(event);
		const { db } = await app();
		let id: string;
		try {
			id = (await createDraft(db, actor)).id;
		} catch (error) {
			const failure = actionError(error);
			return fail(failure.status, { ...failure.data, form: 'create' as const });
		}
		redirect(303, `/model/${id}/bewerken`);
	},
	import: async (event) => {
		const actor = requireActor(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) {
			const message = m.model_import_choose_file();
			return fail(422, { message, errors: { file: message }, values: {}, form: 'import' as const });
		}
		const { db } = await app();
		let id: string;
		try {
			id = (await importVersion(db, actor, await file.text())).id;
		} catch (error) {
			const failure = actionError(error);
			return fail(failure.status, { ...failure.data, form: 'import' as const });
		}
		redirect(303, `/model/${id}`);
	}
};
