import { app } from '#lib/server/app.ts';
import { formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { visibleInstitution } from '#lib/server/organisation/access.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import {
	createInstrumentType,
	listInstrumentTypes,
	mayManageInstruments,
	setInstrumentTypeArchived
} from '#lib/server/evaluations/instrument.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const institution = await orPageError(visibleInstitution(db, actor, event.params.id));
	const manage = mayManageInstruments(actor, institution.id) && !institution.archivedAt;
	const instruments = await listInstrumentTypes(db, actor, {
		institutionId: institution.id,
		includeArchived: manage
	});
	return {
		institution: { id: institution.id, name: institution.name },
		builtIn: instruments.filter((i) => !i.institutionId),
		own: instruments.filter((i) => i.institutionId),
		manage
	};
};

const field = (data: FormData, name: string) => String(data.get(name) ?? '');

export const actions: Actions = {
	create: (event) =>
		formAction(event, 'create', (db, actor, data) =>
			createInstrumentType(db, actor, event.params.id, formValues(data))
		),
	archive: (event) =>
		formAction(event, 'list', (db, actor, data) =>
			setInstrumentTypeArchived(db, actor, field(data, 'instrumentId'), true)
		),
	restore: (event) =>
		formAction(event, 'list', (db, actor, data) =>
			setInstrumentTypeArchived(db, actor, field(data, 'instrumentId'), false)
		)
};
