import { error, fail } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { m } from '#lib/paraglide/messages.js';
import { forbidden } from '#lib/server/http/errors.ts';
import { actionError } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { previewImport, runImport } from '#lib/server/organisation/import.service.ts';
import { packImportFile, unpackImportFile } from '#lib/server/organisation/import-payload.ts';
import { getInstitution, institutionPermissions } from '#lib/server/organisation/institution.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const institution = await orPageError(getInstitution(db, actor, event.params.id));
	if (!institutionPermissions(actor, institution.id).import) {
		error(403, forbidden().message);
	}
	return { institution: { id: institution.id, name: institution.name, archivedAt: institution.archivedAt } };
};

const kindOf = (data: FormData) => String(data.get('kind') ?? '');

export const actions: Actions = {
	// Step 1: check the uploaded file and show what it would do.
	preview: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const file = data.get('file');
		const kind = kindOf(data);
		// No file chosen arrives as an empty, nameless file; an empty chosen file is for the service to explain.
		if (!(file instanceof File) || (file.size === 0 && !file.name)) {
			const message = m.org_import_choose_file();
			return fail(422, { form: 'preview' as const, message, errors: { file: message }, values: { kind } });
		}
		const bytes = new Uint8Array(await file.arrayBuffer());
		const { db } = await app();
		try {
			const report = await previewImport(db, actor, event.params.id, kind, bytes);
			return {
				form: 'preview' as const,
				report,
				fileName: file.name,
				...(report.ok ? packImportFile(bytes) : {})
			};
		} catch (e) {
			const failure = actionError(e, data);
			return fail(failure.status, { ...failure.data, form: 'preview' as const });
		}
	},
	// Step 2: import the previewed file (carried in the form), all or nothing.
	run: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const { db } = await app();
		try {
			const bytes = unpackImportFile(data.get('payload'), data.get('digest'));
			const report = await runImport(db, actor, event.params.id, kindOf(data), bytes);
			return { form: 'run' as const, report };
		} catch (e) {
			const failure = actionError(e);
			return fail(failure.status, { ...failure.data, form: 'run' as const });
		}
	}
};
