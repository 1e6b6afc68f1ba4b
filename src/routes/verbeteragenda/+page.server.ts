import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { actionError, formValues } from '#lib/server/http/forms.ts';
import { isUuid } from '#lib/server/http/input.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { actionStatuses } from '#lib/server/agenda/action.input.ts';
import { createAction } from '#lib/server/agenda/action.service.ts';
import { agendaOverview } from '#lib/server/agenda/agenda.pages.ts';
import type { Actions, PageServerLoad } from './$types';

// The address holds the filters (team, status, telaat, mijn, page) and whose agenda a
// new action goes on (voor), or the evaluation and finding it comes from (evaluatie, bevinding).
const id = z.string().refine(isUuid).optional().catch(undefined);
const query = z.object({
	team: id,
	instelling: id,
	status: z.enum(actionStatuses).optional().catch(undefined),
	telaat: z.literal('1').optional().catch(undefined),
	mijn: z.literal('1').optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
	voor: z.string().max(60).optional().catch(undefined),
	evaluatie: id,
	bevinding: id
});

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const q = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	const overview = await orPageError(
		agendaOverview(db, actor, {
			teamId: q.team,
			institutionId: q.instelling,
			status: q.status,
			overdue: !!q.telaat,
			mine: !!q.mijn,
			page: q.page,
			pageSize: 50,
			voor: q.voor,
			evaluatie: q.evaluatie,
			bevinding: q.bevinding
		})
	);
	return { ...overview, filter: q };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const { db } = await app();
		let created;
		try {
			created = await createAction(db, actor, formValues(data));
		} catch (error) {
			const failure = actionError(error, data);
			return fail(failure.status, { ...failure.data, form: 'create' });
		}
		redirect(303, `/verbeteragenda/${created.id}`);
	}
};
