import { randomUUID } from 'node:crypto';
import { app } from '#lib/server/app.ts';
import { formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import { listCapacities, saveCapacity } from '#lib/server/evaluations/capacity.service.ts';
import { evaluationPermissions, getEvaluation } from '#lib/server/evaluations/evaluation.service.ts';
import {
	createFinding,
	deleteFinding,
	listFindings,
	updateFinding
} from '#lib/server/evaluations/finding.service.ts';
import { agendaPolicy } from '#lib/server/agenda/agenda.policy.ts';
import { evaluationScope } from '#lib/server/evaluations/evaluation.access.ts';
import { can } from '#lib/server/policy/policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const evaluation = await orPageError(getEvaluation(db, actor, event.params.id));
	const [findings, capacities] = await Promise.all([
		listFindings(db, actor, evaluation.id),
		listCapacities(db, actor, evaluation.id)
	]);
	const { document } = evaluation.modelVersion;
	return {
		evaluation: {
			id: evaluation.id,
			title: evaluation.title,
			status: evaluation.status,
			perspectives: evaluation.perspectives
		},
		values: document.values
			.filter((v) => evaluation.scopeValueKeys.includes(v.key))
			.map((v) => ({ key: v.key, name: v.name })),
		standards: document.standards
			.filter((s) => evaluation.scopeStandardKeys.includes(s.key))
			.map((s) => ({ key: s.key, title: s.title })),
		capacityTypes: document.capacities.map((c) => ({ key: c.key, name: c.name, description: c.description })),
		findings,
		capacities,
		can: evaluationPermissions(actor, evaluation),
		// A finding is where an improvement action starts (verbeteragenda).
		canCreateAction: can(actor, agendaPolicy, 'action.create', evaluationScope(evaluation)),
		// One token per rendered add form: submitting it twice stores one finding.
		clientToken: randomUUID()
	};
};

const field = (data: FormData, name: string) => String(data.get(name) ?? '');

export const actions: Actions = {
	create: (event) =>
		formAction(event, 'create', (db, actor, data) =>
			createFinding(db, actor, event.params.id, formValues(data))
		),
	update: async (event) => {
		const data = await event.request.clone().formData();
		return formAction(event, `edit:${field(data, 'findingId')}`, (db, actor, form) =>
			updateFinding(db, actor, event.params.id, field(form, 'findingId'), formValues(form))
		);
	},
	delete: async (event) => {
		const data = await event.request.clone().formData();
		return formAction(event, `edit:${field(data, 'findingId')}`, (db, actor, form) =>
			deleteFinding(db, actor, event.params.id, field(form, 'findingId'), formValues(form))
		);
	},
	capacity: async (event) => {
		const data = await event.request.clone().formData();
		return formAction(event, `capacity:${field(data, 'capacityKey')}`, (db, actor, form) =>
			saveCapacity(db, actor, event.params.id, formValues(form))
		);
	}
};
