import { formValues } from '#lib/server/http/forms.ts';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import { createInstitution, listInstitutions } from '#lib/server/organisation/institution.service.ts';
import { organisationPolicy } from '#lib/server/organisation/organisation.policy.ts';
import { listMyTeams } from '#lib/server/organisation/team.service.ts';
import { can } from '#lib/server/policy/policy.ts';
import type { Actions, PageServerLoad } from './$types';

const query = z.object({
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
	q: z.string().trim().max(200).optional().catch(undefined),
	archived: z.literal('1').optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { page, q, archived } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	return {
		institutions: await orPageError(
			listInstitutions(db, actor, { page, pageSize: 50, q, includeArchived: !!archived })
		),
		myTeams: await listMyTeams(db, actor),
		filter: { q: q ?? '', archived: !!archived },
		canCreate: can(actor, organisationPolicy, 'institution.create')
	};
};

export const actions: Actions = {
	create: async (event) => {
		let id = '';
		const result = await formAction(event, 'create', async (db, actor, data) => {
			id = (await createInstitution(db, actor, formValues(data))).id;
		});
		if (id) redirect(303, `/instellingen/${id}`);
		return result;
	}
};
