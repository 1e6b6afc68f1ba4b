import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { saveDraftEdit } from '#lib/server/model/model.actions.ts';
import * as edits from '#lib/server/model/model.edit.ts';
import { getModelVersion } from '#lib/server/model/model.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const version = await orPageError(getModelVersion(db, actor, event.params.id));
	// Only drafts have an editor; a published version is shown as it is.
	if (version.status !== 'draft') redirect(303, `/model/${version.id}`);
	return {
		version: { id: version.id, number: version.number, lock: version.lock },
		document: version.document,
		saved: event.url.searchParams.get('opgeslagen')
	};
};

const save =
	<S extends z.ZodType>(edit: edits.DraftEdit<S>) =>
	async (event: RequestEvent<{ id: string }>) =>
		saveDraftEdit((await app()).db, event, edit);

export const actions: Actions = {
	general: save(edits.generalEdit),
	value: save(edits.valueEdit),
	standard: save(edits.standardEdit),
	removeStandard: save(edits.removeStandardEdit),
	capacity: save(edits.capacityEdit),
	removeCapacity: save(edits.removeCapacityEdit),
	scale: save(edits.scaleEdit)
};
