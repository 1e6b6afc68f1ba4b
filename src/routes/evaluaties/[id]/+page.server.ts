import { redirect } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { listOpenActionsForSubject } from '#lib/server/agenda/action.service.ts';
import { AppError } from '#lib/server/http/errors.ts';
import { formValues } from '#lib/server/http/forms.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import {
	evaluationPermissions,
	getEvaluation,
	updateEvaluationPlan
} from '#lib/server/evaluations/evaluation.service.ts';
import {
	addParticipant,
	listParticipants,
	participantCandidates,
	removeParticipant
} from '#lib/server/evaluations/participant.service.ts';
import { reviseEvaluation } from '#lib/server/evaluations/revision.service.ts';
import { advanceEvaluation } from '#lib/server/evaluations/workflow.service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const evaluation = await orPageError(getEvaluation(db, actor, event.params.id));
	const can = evaluationPermissions(actor, evaluation);
	const { document, ...version } = evaluation.modelVersion;
	const [participants, candidates, openActions] = await Promise.all([
		listParticipants(db, actor, evaluation.id),
		can.manageParticipants ? participantCandidates(db, actor, evaluation.id) : [],
		// Open actions of the subject carry into its next evaluation; someone who may not read
		// the agenda simply does not see them here.
		listOpenActionsForSubject(db, actor, {
			institutionId: evaluation.institutionId,
			teamId: evaluation.teamId
		}).catch((error) => {
			if (error instanceof AppError) return null;
			throw error;
		})
	]);
	const inScope = new Set(evaluation.scopeStandardKeys);
	return {
		evaluation: { ...evaluation, modelVersion: version },
		values: document.values
			.filter((v) => evaluation.scopeValueKeys.includes(v.key))
			.map((v) => ({ key: v.key, name: v.name })),
		standards: document.standards
			.filter((s) => inScope.has(s.key))
			.map((s) => ({ key: s.key, title: s.title })),
		can,
		participants,
		candidates,
		openActions
	};
};

const field = (data: FormData, name: string) => String(data.get(name) ?? '');

export const actions: Actions = {
	advance: (event) =>
		formAction(event, 'workflow', (db, actor, data) =>
			advanceEvaluation(db, actor, event.params.id, { to: field(data, 'to'), lock: field(data, 'lock') })
		),
	updatePlan: (event) =>
		formAction(event, 'plan', (db, actor, data) =>
			updateEvaluationPlan(db, actor, event.params.id, {
				...formValues(data),
				perspectives: data.getAll('perspectives')
			})
		),
	addParticipant: (event) =>
		formAction(event, 'addParticipant', (db, actor, data) =>
			addParticipant(db, actor, event.params.id, formValues(data))
		),
	removeParticipant: (event) =>
		formAction(event, 'participants', (db, actor, data) =>
			removeParticipant(db, actor, event.params.id, field(data, 'participantId'))
		),
	revise: async (event) => {
		let id = '';
		const result = await formAction(event, 'revise', async (db, actor, data) => {
			id = (await reviseEvaluation(db, actor, event.params.id, formValues(data))).id;
		});
		if (id) redirect(303, `/evaluaties/${id}`);
		return result;
	}
};
