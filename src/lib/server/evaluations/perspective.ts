import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import type { Actor, Role } from '../policy/policy.ts';
import { evaluationParticipant } from './evaluation.table.ts';
import type { Perspective } from '../../domain/evaluations/evaluation-input.ts';

export {
	perspectiveLabels,
	perspectives,
	type Perspective
} from '../../domain/evaluations/evaluation-input.ts';

// The perspective a role speaks from when the plan did not name the person as a participant.
const byRole: Partial<Record<Role, Perspective>> = {
	team_member: 'teacher',
	team_lead: 'management',
	quality_officer: 'support',
	executive: 'board',
	facilitator: 'support'
};

// Team grants first: a team lead who is also a quality officer speaks for the team here.
const order: Role[] = ['team_lead', 'team_member', 'executive', 'quality_officer', 'facilitator'];

/** The perspective from the actor's role in the evaluation's subject (team grants before institution grants). */
export function defaultPerspective(
	actor: Actor,
	subject: { institutionId: string; teamId: string | null }
): Perspective {
	const relevant = actor.grants.filter(
		(g) =>
			(g.teamId && g.teamId === subject.teamId) || (!g.teamId && g.institutionId === subject.institutionId)
	);
	for (const role of order) {
		if (relevant.some((g) => g.role === role)) return byRole[role]!;
	}
	return 'external';
}

/** The actor's perspective in an evaluation: as a named participant, else from their role. */
export async function actorPerspective(
	db: Tx,
	actor: Actor,
	row: { id: string; institutionId: string; teamId: string | null }
): Promise<Perspective> {
	const [participant] = await db
		.select({ perspective: evaluationParticipant.perspective })
		.from(evaluationParticipant)
		.where(
			and(eq(evaluationParticipant.evaluationId, row.id), eq(evaluationParticipant.userId, actor.userId))
		);
	return participant?.perspective ?? defaultPerspective(actor, row);
}
