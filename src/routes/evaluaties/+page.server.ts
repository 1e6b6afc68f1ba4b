import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import {
	listEvaluations,
	plannableInstitutions,
	plannableTeams
} from '#lib/server/evaluations/evaluation.service.ts';
import { evaluationStatuses } from '#lib/domain/evaluations/evaluation-input.ts';
import type { PageServerLoad } from './$types';

// A bad filter in the address is ignored rather than an error page.
const query = z.object({
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
	status: z.enum(evaluationStatuses).optional().catch(undefined),
	teamId: z.uuid().optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const filter = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	const [evaluations, teams, planTeams, planInstitutions] = await Promise.all([
		orPageError(listEvaluations(db, actor, { ...filter, pageSize: 25 })),
		plannableTeams(db, actor, 'evaluation.read'),
		plannableTeams(db, actor),
		plannableInstitutions(db, actor)
	]);
	return {
		evaluations,
		teams,
		filter: { status: filter.status ?? '', teamId: filter.teamId ?? '' },
		canPlan: planTeams.length > 0 || planInstitutions.length > 0
	};
};
