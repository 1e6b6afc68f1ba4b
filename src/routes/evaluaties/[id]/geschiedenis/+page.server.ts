import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { getEvaluation } from '#lib/server/evaluations/evaluation.service.ts';
import { evaluationHistory } from '#lib/server/evaluations/revision.service.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	const evaluation = await orPageError(getEvaluation(db, actor, event.params.id));
	const history = await evaluationHistory(db, actor, evaluation.id);
	const { document } = evaluation.modelVersion;
	return {
		evaluation: { id: evaluation.id, title: evaluation.title },
		history,
		standardTitles: Object.fromEntries(document.standards.map((s) => [s.key, s.title])),
		valueNames: Object.fromEntries(document.values.map((v) => [v.key, v.name])),
		capacityNames: Object.fromEntries(document.capacities.map((c) => [c.key, c.name])),
		levels: [
			...document.ratingScale.levels.map((l) => ({ key: l.key, label: l.label })),
			{ key: '', label: document.ratingScale.notRatedLabel }
		]
	};
};
