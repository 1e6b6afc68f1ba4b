import { and, asc, count, eq, ilike, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { authorize, can, visibility, type Actor } from '../policy/policy.ts';
import { teamFormSchema } from '../../domain/organisation/people-input.ts';
import {
	assertInstitutionWritable,
	likePattern,
	requireSignedIn,
	scopeFilter,
	visibleInstitution
} from './access.ts';
import type { ListOptions, Page } from './institution.service.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { institution, learningRoute, location, team } from './organisation.table.ts';
import { parseInput, parsePatch, requireId, rethrowUnique } from '../http/input.ts';

export type TeamRow = typeof team.$inferSelect;
export type LearningRouteRow = typeof learningRoute.$inferSelect;
export type TeamListItem = TeamRow & { locationName: string | null; routes: LearningRouteRow[] };
export type TeamDetail = TeamListItem & { institutionName: string; institutionArchivedAt: Date | null };

const teamColumns = {
	id: team.id,
	institutionId: team.institutionId,
	locationId: team.locationId,
	name: team.name,
	sectorDomain: team.sectorDomain,
	archivedAt: team.archivedAt,
	createdAt: team.createdAt,
	updatedAt: team.updatedAt,
	locationName: location.name
};

/** Learning routes of the given teams, grouped by team (one query for a whole page). */
async function routesByTeam(db: Database | Tx, teamIds: string[], includeArchived: boolean) {
	const byTeam = new Map<string, LearningRouteRow[]>(teamIds.map((id) => [id, []]));
	if (teamIds.length === 0) return byTeam;
	const rows = await db
		.select()
		.from(learningRoute)
		.where(
			and(
				inArray(learningRoute.teamId, teamIds),
				includeArchived ? undefined : isNull(learningRoute.archivedAt)
			)
		)
		.orderBy(asc(learningRoute.name), asc(learningRoute.level), asc(learningRoute.pathway));
	for (const row of rows) byTeam.get(row.teamId)?.push(row);
	return byTeam;
}

/**
 * An institution's teams that the actor may read (all of them for institution staff,
 * their own for team leads and members), by name, with their learning routes.
 */
export async function listTeams(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	options: ListOptions & { locationId?: string }
): Promise<Page<TeamListItem>> {
	const owner = await visibleInstitution(db, actor, institutionId);
	const vis = visibility(actor, organisationPolicy, 'team.read');
	const q = options.q?.trim();
	const where = and(
		eq(team.institutionId, owner.id),
		scopeFilter(vis, { institutionId: team.institutionId, teamId: team.id }),
		options.includeArchived ? undefined : isNull(team.archivedAt),
		q ? ilike(team.name, likePattern(q)) : undefined,
		options.locationId ? eq(team.locationId, requireId(options.locationId, 'De locatie')) : undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select(teamColumns)
			.from(team)
			.leftJoin(location, eq(location.id, team.locationId))
			.where(where)
			.orderBy(asc(team.name), asc(team.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(team).where(where)
	]);
	const routes = await routesByTeam(
		db,
		rows.map((r) => r.id),
		false
	);
	return {
		items: rows.map((r) => ({ ...r, routes: routes.get(r.id) ?? [] })),
		page: options.page,
		pageSize: options.pageSize,
		total: total?.n ?? 0
	};
}

/** Loads a team the actor may read, else 404 (also for malformed ids). */
export async function visibleTeam(db: Database | Tx, actor: Actor | null, id: string) {
	requireSignedIn(actor);
	requireId(id, 'Het team');
	const [row] = await db
		.select({
			...teamColumns,
			institutionName: institution.name,
			institutionArchivedAt: institution.archivedAt
		})
		.from(team)
		.innerJoin(institution, eq(institution.id, team.institutionId))
		.leftJoin(location, eq(location.id, team.locationId))
		.where(eq(team.id, id));
	if (
		!row ||
		!can(actor, organisationPolicy, 'team.read', { institutionId: row.institutionId, teamId: row.id })
	) {
		throw notFound('Het team');
	}
	return row;
}

/** One team with all its learning routes (archived ones too, marked by `archivedAt`). */
export async function getTeam(db: Database, actor: Actor | null, id: string): Promise<TeamDetail> {
	const row = await visibleTeam(db, actor, id);
	const routes = await routesByTeam(db, [row.id], true);
	return { ...row, routes: routes.get(row.id) ?? [] };
}

/** The location must belong to the institution and be in use. */
async function checkLocation(db: Database | Tx, institutionId: string, locationId: string | undefined) {
	if (!locationId) return;
	const [row] = await db
		.select({ id: location.id })
		.from(location)
		.where(
			and(eq(location.id, locationId), eq(location.institutionId, institutionId), isNull(location.archivedAt))
		);
	if (!row) throw invalid([{ field: 'locationId', message: 'kies een locatie van deze instelling' }]);
}

function rethrowNameTaken(error: unknown, name: string | undefined): never {
	rethrowUnique(error, {
		team_institution_id_name_ci: { field: 'name', message: `team '${name}' bestaat al bij deze instelling` }
	});
}

/** Adds a team to an institution. Throws 404, 403, 409 (archived institution), 422 (e.g. name taken). */
export async function createTeam(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	input: unknown
): Promise<TeamRow> {
	const owner = await visibleInstitution(db, actor, institutionId);
	authorize(actor, organisationPolicy, 'team.create', { institutionId: owner.id });
	assertInstitutionWritable(owner);
	const data = parseInput(teamFormSchema, input);
	await checkLocation(db, owner.id, data.locationId);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(team)
				.values({
					institutionId: owner.id,
					name: data.name,
					locationId: data.locationId ?? null,
					sectorDomain: data.sectorDomain ?? null
				})
				.returning();
			await recordAudit(tx, actor, {
				action: 'team.created',
				entityType: 'team',
				entityId: row!.id,
				institutionId: owner.id,
				details: { name: row!.name }
			});
			return row!;
		});
	} catch (error) {
		rethrowNameTaken(error, data.name);
	}
}

/** Loads a team for a change: readable (404), the action allowed on its scope (403), not archived (409). */
export async function teamForChange(
	db: Database,
	actor: Actor | null,
	id: string,
	action: 'team.update' | 'team.archive' | 'route.manage',
	options: { allowArchivedTeam?: boolean } = {}
) {
	const current = await visibleTeam(db, actor, id);
	authorize(actor, organisationPolicy, action, { institutionId: current.institutionId, teamId: current.id });
	assertInstitutionWritable({ archivedAt: current.institutionArchivedAt });
	if (current.archivedAt && !options.allowArchivedTeam) {
		throw conflict('Dit team is gearchiveerd; herstel het eerst om het te wijzigen.');
	}
	return current;
}

/** Changes a team's name, location or sector/domain. Throws 404, 403, 409, 422. */
export async function updateTeam(
	db: Database,
	actor: Actor | null,
	id: string,
	input: unknown
): Promise<TeamRow> {
	const current = await teamForChange(db, actor, id, 'team.update');
	const patch = parsePatch(teamFormSchema, input);
	if (patch.locationId && patch.locationId !== current.locationId) {
		await checkLocation(db, current.institutionId, patch.locationId);
	}
	const changes: Record<string, { from: unknown; to: unknown }> = {};
	for (const [key, value] of Object.entries(patch) as [keyof typeof patch, string | undefined][]) {
		if (current[key] !== (value ?? null)) changes[key] = { from: current[key], to: value ?? null };
	}
	if (Object.keys(changes).length === 0) return current;
	const values = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.update(team)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(team.id, id))
				.returning();
			await recordAudit(tx, actor, {
				action: 'team.updated',
				entityType: 'team',
				entityId: id,
				institutionId: current.institutionId,
				details: { changes }
			});
			return row!;
		});
	} catch (error) {
		rethrowNameTaken(error, patch.name);
	}
}

/** Archives (or restores) a team: hidden by default, its history and roles kept. Throws 404, 403, 409. */
export async function setTeamArchived(
	db: Database,
	actor: Actor | null,
	id: string,
	archived: boolean
): Promise<TeamRow> {
	const current = await teamForChange(db, actor, id, 'team.archive', { allowArchivedTeam: true });
	if (!!current.archivedAt === archived) return current;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(team)
			.set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
			.where(eq(team.id, id))
			.returning();
		await recordAudit(tx, actor, {
			action: archived ? 'team.archived' : 'team.restored',
			entityType: 'team',
			entityId: id,
			institutionId: current.institutionId
		});
		return row!;
	});
}

/** Names and ids of an institution's active teams the actor may read, for a select. */
export async function listTeamOptions(db: Database, actor: Actor | null, institutionId: string) {
	const owner = await visibleInstitution(db, actor, institutionId);
	const vis = visibility(actor, organisationPolicy, 'team.read');
	return db
		.select({ id: team.id, name: team.name })
		.from(team)
		.where(
			and(
				eq(team.institutionId, owner.id),
				isNull(team.archivedAt),
				scopeFilter(vis, { institutionId: team.institutionId, teamId: team.id })
			)
		)
		.orderBy(asc(team.name));
}

/** The active teams the actor belongs to (as team lead or member), across institutions. */
export async function listMyTeams(db: Database, actor: Actor | null) {
	const who = requireSignedIn(actor);
	const ids = [...new Set(who.grants.map((g) => g.teamId).filter((id): id is string => !!id))];
	if (ids.length === 0) return [];
	return db
		.select({
			id: team.id,
			name: team.name,
			institutionId: team.institutionId,
			institutionName: institution.name
		})
		.from(team)
		.innerJoin(institution, eq(institution.id, team.institutionId))
		.where(and(inArray(team.id, ids), isNull(team.archivedAt)))
		.orderBy(asc(institution.name), asc(team.name));
}

/** What the actor may do with one team, for showing the right forms. */
export function teamPermissions(actor: Actor | null, scope: { institutionId: string; teamId: string }) {
	return {
		update: can(actor, organisationPolicy, 'team.update', scope),
		archive: can(actor, organisationPolicy, 'team.archive', scope),
		manageRoutes: can(actor, organisationPolicy, 'route.manage', scope)
	};
}
