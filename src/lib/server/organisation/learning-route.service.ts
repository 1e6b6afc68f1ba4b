import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { invalid, notFound } from '../http/errors.ts';
import type { Actor } from '../policy/policy.ts';
import { learningRouteInputSchema } from '../../domain/organisation/codes.ts';
import { learningRoute } from './organisation.table.ts';
import { teamForChange, type LearningRouteRow } from './team.service.ts';
import { parseInput, requireId, rethrowUnique } from '../http/input.ts';

const describe = (r: { qualificationCode: string; level: number; pathway: string }) =>
	`opleiding ${r.qualificationCode} niveau ${r.level} ${r.pathway}`;

/**
 * Adds a learning route to a team. A route the team delivered before (archived) comes
 * back rather than being refused, since code, level and pathway identify it.
 * Throws 404, 403, 409 (archived team), 422 (invalid or already present).
 */
export async function addLearningRoute(
	db: Database,
	actor: Actor | null,
	teamId: string,
	input: unknown
): Promise<LearningRouteRow> {
	const owner = await teamForChange(db, actor, teamId, 'route.manage');
	const data = parseInput(learningRouteInputSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const [existing] = await tx
				.select()
				.from(learningRoute)
				.where(
					and(
						eq(learningRoute.teamId, owner.id),
						eq(learningRoute.qualificationCode, data.qualificationCode),
						eq(learningRoute.level, data.level),
						eq(learningRoute.pathway, data.pathway)
					)
				);
			if (existing && !existing.archivedAt) {
				throw invalid([{ field: 'qualificationCode', message: `${describe(data)} staat al bij dit team` }]);
			}
			const [row] = existing
				? await tx
						.update(learningRoute)
						.set({ name: data.name, archivedAt: null })
						.where(eq(learningRoute.id, existing.id))
						.returning()
				: await tx
						.insert(learningRoute)
						.values({ teamId: owner.id, ...data })
						.returning();
			await recordAudit(tx, actor, {
				action: existing ? 'learning_route.restored' : 'learning_route.created',
				entityType: 'learning_route',
				entityId: row!.id,
				institutionId: owner.institutionId,
				details: { teamId: owner.id, ...data }
			});
			return row!;
		});
	} catch (error) {
		rethrowUnique(error, {
			learning_route_team_id_qualification_code_level_pathway_index: {
				field: 'qualificationCode',
				message: `${describe(data)} staat al bij dit team`
			}
		});
	}
}

/** Stops (or resumes) a learning route; it stays on record. Throws 404, 403, 409. */
export async function setLearningRouteArchived(
	db: Database,
	actor: Actor | null,
	routeId: string,
	archived: boolean
): Promise<LearningRouteRow> {
	requireId(routeId, 'De opleiding');
	const [route] = await db.select().from(learningRoute).where(eq(learningRoute.id, routeId));
	if (!route) throw notFound('De opleiding');
	// The team's scope decides (and a route of an invisible team is a 404 via teamForChange).
	const owner = await teamForChange(db, actor, route.teamId, 'route.manage');
	if (!!route.archivedAt === archived) return route;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(learningRoute)
			.set({ archivedAt: archived ? new Date() : null })
			.where(eq(learningRoute.id, routeId))
			.returning();
		await recordAudit(tx, actor, {
			action: archived ? 'learning_route.archived' : 'learning_route.restored',
			entityType: 'learning_route',
			entityId: routeId,
			institutionId: owner.institutionId,
			details: { teamId: owner.id }
		});
		return row!;
	});
}
