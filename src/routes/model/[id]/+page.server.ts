import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { app } from '#lib/server/app.ts';
import { actionError } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { can } from '#lib/server/policy/policy.ts';
import { modelPolicy } from '#lib/server/model/model.policy.ts';
import {
	discardDraft,
	getModelVersion,
	latestPublishedVersion,
	publishVersion,
	retireVersion
} from '#lib/server/model/model.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const {
		document,
		createdBy: _c,
		publishedBy: _p,
		...version
	} = await orPageError(getModelVersion(db, actor, event.params.id));
	const draft = version.status === 'draft';
	return {
		version,
		document,
		isCurrent: (await latestPublishedVersion(db))?.id === version.id,
		may: {
			edit: draft && can(actor, modelPolicy, 'model.edit_draft'),
			publish: draft && can(actor, modelPolicy, 'model.publish'),
			retire: version.status === 'published' && can(actor, modelPolicy, 'model.retire'),
			export: can(actor, modelPolicy, draft ? 'model.export' : 'model.export_published')
		}
	};
};

type Command = 'publish' | 'retire' | 'discard';

/** The three irreversible steps share one shape: a required confirmation, one service call, back to a page. */
async function command(event: RequestEvent<{ id: string }>, name: Command) {
	const actor = requireActor(event);
	const data = await event.request.formData();
	if (data.get('confirm') !== 'on') {
		const message = m.model_confirm_required();
		return fail(422, { message, errors: { confirm: message }, values: {}, command: name });
	}
	const { db } = await app();
	const id = event.params.id;
	try {
		if (name === 'publish') await publishVersion(db, actor, id, Number(data.get('lock')));
		else if (name === 'retire') await retireVersion(db, actor, id);
		else await discardDraft(db, actor, id);
	} catch (error) {
		const failure = actionError(error);
		return fail(failure.status, { ...failure.data, command: name });
	}
	redirect(303, name === 'discard' ? '/model' : `/model/${id}`);
}

export const actions: Actions = {
	publish: (event) => command(event, 'publish'),
	retire: (event) => command(event, 'retire'),
	discard: (event) => command(event, 'discard')
};
