import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import {
	planEvaluation,
	plannableInstitutions,
	plannableTeams
} from '#lib/server/evaluations/evaluation.service.ts';
import { listInstrumentTypes } from '#lib/server/evaluations/instrument.service.ts';
import { latestPublishedVersion, listModelVersions } from '#lib/server/model/model.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const [teams, institutions, instruments, versions, latest] = await Promise.all([
		plannableTeams(db, actor),
		plannableInstitutions(db, actor),
		listInstrumentTypes(db, actor),
		listModelVersions(db, actor, { page: 1, pageSize: 50 }),
		latestPublishedVersion(db)
	]);
	const preselect = event.url.searchParams.get('team');
	return {
		teams,
		institutions,
		// Only instruments for a kind of subject this person can plan for (team and/or institution).
		instruments: instruments
			.filter((i) => (i.level === 'team' ? teams.length > 0 : institutions.length > 0))
			.map(({ id, name, level, selfEvaluation, institutionId }) => ({
				id,
				name,
				level,
				selfEvaluation,
				own: !!institutionId
			})),
		versions: versions.items
			.filter((v) => v.status === 'published')
			.map((v) => ({ id: v.id, number: v.number, name: v.name })),
		latestVersionId: latest?.id ?? null,
		values: latest?.document.values.map((v) => ({ key: v.key, name: v.name })) ?? [],
		standards:
			latest?.document.standards.map((s) => ({ key: s.key, title: s.title, levelKey: s.levelKey })) ?? [],
		preselect: preselect ? `team:${preselect}` : '',
		// One token per rendered form: submitting it twice plans one evaluation.
		clientToken: randomUUID()
	};
};

/** The form's fields as the service's input: one subject select, checkbox lists. */
function planInput(data: FormData) {
	const [level, id] = String(data.get('subject') ?? '').split(':');
	return {
		instrumentTypeId: data.get('instrumentTypeId'),
		subjectLevel: level === 'institution' ? 'institution' : level === 'team' ? 'team' : '',
		teamId: level === 'team' ? id : undefined,
		institutionId: level === 'institution' ? id : undefined,
		modelVersionId: data.get('modelVersionId'),
		scopeAll: data.get('scope') === 'all',
		scopeValueKeys: data.getAll('scopeValueKeys'),
		scopeStandardKeys: data.getAll('scopeStandardKeys'),
		title: data.get('title'),
		plan: data.get('plan'),
		startsOn: data.get('startsOn'),
		endsOn: data.get('endsOn'),
		perspectives: data.getAll('perspectives'),
		clientToken: data.get('clientToken') || undefined
	};
}

export const actions: Actions = {
	default: async (event) => {
		const copy = event.request.clone();
		let id = '';
		const result = await formAction(event, 'plan', async (db, actor, data) => {
			id = (await planEvaluation(db, actor, planInput(data))).id;
		});
		if (id) redirect(303, `/evaluaties/${id}`);
		// Checkbox lists do not survive `formValues` (one value per name): send them back whole.
		if ('status' in result) {
			const data = await copy.formData();
			const lists = Object.fromEntries(
				['perspectives', 'scopeValueKeys', 'scopeStandardKeys'].map((name) => [
					name,
					data.getAll(name).map(String)
				])
			);
			return fail(result.status, { ...result.data, lists });
		}
		return result;
	}
};
