import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudits, type AuditEntry } from '../audit/audit.service.ts';
import type { Tx } from '../db/database.ts';
import type { Actor } from '../policy/policy.ts';
import type { LearningRouteInput } from '../../domain/organisation/codes.ts';
import type { InvalidImportRow, TeamImportRow } from '../../domain/organisation/import-rows.ts';
import { chunks, nameKey } from './batch.ts';
import { learningRoute, location, team } from './organisation.table.ts';

// Plans and applies a teams import: rows are grouped per team (matched by name within
// the institution), locations are matched by name or created, learning routes by code,
// level and pathway. Planning only reads, so a dry run and the real run share it.

export type PlanAction = 'create' | 'update' | 'unchanged';

export interface TeamPlanItem {
	action: PlanAction;
	name: string;
	lines: number[];
	teamId: string | null;
	/** The team's location after the import (a blank cell keeps the current one). */
	location: string | null;
	newLocation: boolean;
	locationChanged: boolean;
	sectorDomain: string | null;
	sectorChanged: boolean;
	routesToAdd: LearningRouteInput[];
	/** Routes already on record that come back (archived) or get a new name. */
	routesToUpdate: (LearningRouteInput & { id: string })[];
}

export interface TeamImportPlan {
	items: TeamPlanItem[];
	rowErrors: InvalidImportRow[];
	newLocations: string[];
}

const routeKey = (r: { qualificationCode: string; level: number; pathway: string }) =>
	`${r.qualificationCode}|${r.level}|${r.pathway}`;

/** Compares the rows with what the institution has now. Reads only. */
export async function planTeamImport(
	tx: Tx,
	institutionId: string,
	rows: readonly TeamImportRow[]
): Promise<TeamImportPlan> {
	const groups = new Map<string, TeamImportRow[]>();
	for (const row of rows) {
		const key = nameKey(row.team.name);
		groups.set(key, [...(groups.get(key) ?? []), row]);
	}
	const names = [...groups.keys()];
	const existingTeams = names.length
		? await tx
				.select()
				.from(team)
				.where(
					and(
						eq(team.institutionId, institutionId),
						inArray(sql`regexp_replace(lower(trim(${team.name})), '[[:space:]]+', ' ', 'g')`, names)
					)
				)
		: [];
	const teamByKey = new Map(existingTeams.map((t) => [nameKey(t.name), t]));
	const locations = await tx.select().from(location).where(eq(location.institutionId, institutionId));
	const locationByKey = new Map(locations.map((l) => [nameKey(l.name), l]));
	const locationById = new Map(locations.map((l) => [l.id, l]));
	const existingRoutes = existingTeams.length
		? await tx
				.select()
				.from(learningRoute)
				.where(
					inArray(
						learningRoute.teamId,
						existingTeams.map((t) => t.id)
					)
				)
		: [];

	const rowErrors: InvalidImportRow[] = [];
	const fail = (lines: number[], message: string) =>
		lines.forEach((line) => rowErrors.push({ line, errors: [`regel ${line}: ${message}`] }));
	const newLocations = new Map<string, string>();
	const items: TeamPlanItem[] = [];

	for (const [key, group] of groups) {
		const first = group[0]!;
		const lines = group.map((r) => r.line);
		const existing = teamByKey.get(key);
		if (existing?.archivedAt) {
			fail(lines, `team '${existing.name}' is gearchiveerd; herstel het eerst of kies een andere naam`);
			continue;
		}
		const wanted = first.team.locationName;
		let locationName = existing?.locationId ? (locationById.get(existing.locationId)?.name ?? null) : null;
		let newLocation = false;
		if (wanted !== undefined) {
			const known = locationByKey.get(nameKey(wanted));
			if (known?.archivedAt) {
				fail(lines, `locatie '${known.name}' is gearchiveerd`);
				continue;
			}
			newLocation = !known;
			if (newLocation && !newLocations.has(nameKey(wanted))) newLocations.set(nameKey(wanted), wanted);
			locationName = known?.name ?? newLocations.get(nameKey(wanted)) ?? wanted;
		}
		const sectorDomain = first.team.sectorDomain ?? existing?.sectorDomain ?? null;
		const currentRoutes = new Map(
			existingRoutes.filter((r) => r.teamId === existing?.id).map((r) => [routeKey(r), r])
		);
		const routesToAdd: LearningRouteInput[] = [];
		const routesToUpdate: TeamPlanItem['routesToUpdate'] = [];
		for (const { route } of group) {
			if (!route) continue;
			const current = currentRoutes.get(routeKey(route));
			if (!current) routesToAdd.push(route);
			else if (current.archivedAt || current.name !== route.name)
				routesToUpdate.push({ ...route, id: current.id });
		}
		const currentLocationName = existing?.locationId
			? locationById.get(existing.locationId)?.name
			: undefined;
		const locationChanged = !!existing && nameKey(locationName ?? '') !== nameKey(currentLocationName ?? '');
		const sectorChanged = !!existing && (existing.sectorDomain ?? null) !== sectorDomain;
		const changed = locationChanged || sectorChanged || routesToAdd.length > 0 || routesToUpdate.length > 0;
		items.push({
			action: !existing ? 'create' : changed ? 'update' : 'unchanged',
			name: existing?.name ?? first.team.name,
			lines,
			teamId: existing?.id ?? null,
			location: locationName,
			newLocation,
			locationChanged,
			sectorDomain,
			sectorChanged,
			routesToAdd,
			routesToUpdate
		});
	}
	return { items, rowErrors, newLocations: [...newLocations.values()] };
}

/** Writes a plan without errors in a few batched statements, with an audit record per change. */
export async function applyTeamImport(
	tx: Tx,
	actor: Actor,
	institutionId: string,
	plan: TeamImportPlan
): Promise<void> {
	const locationIds = new Map(
		(
			await tx
				.select({ id: location.id, name: location.name })
				.from(location)
				.where(eq(location.institutionId, institutionId))
		).map((l) => [nameKey(l.name), l.id])
	);
	const audits: AuditEntry[] = [];
	for (const batch of chunks(plan.newLocations)) {
		const created = await tx
			.insert(location)
			.values(batch.map((name) => ({ institutionId, name })))
			.returning({ id: location.id, name: location.name });
		for (const l of created) {
			locationIds.set(nameKey(l.name), l.id);
			audits.push({
				action: 'location.created',
				entityType: 'location',
				entityId: l.id,
				institutionId,
				details: { name: l.name, via: 'import' }
			});
		}
	}
	const locationIdOf = (name: string | null) => (name ? (locationIds.get(nameKey(name)) ?? null) : null);

	const teamIds = new Map<string, string>();
	for (const batch of chunks(plan.items.filter((i) => i.action === 'create'))) {
		const created = await tx
			.insert(team)
			.values(
				batch.map((i) => ({
					institutionId,
					name: i.name,
					locationId: locationIdOf(i.location),
					sectorDomain: i.sectorDomain
				}))
			)
			.returning({ id: team.id, name: team.name });
		for (const t of created) {
			teamIds.set(nameKey(t.name), t.id);
			audits.push({
				action: 'team.created',
				entityType: 'team',
				entityId: t.id,
				institutionId,
				details: { name: t.name, via: 'import' }
			});
		}
	}

	const changedTeams = plan.items.filter((i) => i.teamId && (i.locationChanged || i.sectorChanged));
	for (const batch of chunks(changedTeams)) {
		// One UPDATE … FROM (VALUES …) per batch instead of a statement per team.
		const values = sql.join(
			batch.map((i) => sql`(${i.teamId}::uuid, ${locationIdOf(i.location)}::uuid, ${i.sectorDomain}::text)`),
			sql`, `
		);
		await tx.execute(sql`
			update ${team} set location_id = v.location_id, sector_domain = v.sector_domain, updated_at = now()
			from (values ${values}) as v(id, location_id, sector_domain)
			where ${team.id} = v.id`);
		for (const i of batch) {
			audits.push({
				action: 'team.updated',
				entityType: 'team',
				entityId: i.teamId!,
				institutionId,
				details: { location: i.location, sectorDomain: i.sectorDomain, via: 'import' }
			});
		}
	}

	const newRoutes = plan.items.flatMap((i) =>
		i.routesToAdd.map((r) => ({ teamId: i.teamId ?? teamIds.get(nameKey(i.name))!, ...r }))
	);
	for (const batch of chunks(newRoutes)) {
		const created = await tx
			.insert(learningRoute)
			.values(batch)
			.returning({ id: learningRoute.id, teamId: learningRoute.teamId });
		for (const r of created) {
			audits.push({
				action: 'learning_route.created',
				entityType: 'learning_route',
				entityId: r.id,
				institutionId,
				details: { teamId: r.teamId, via: 'import' }
			});
		}
	}
	// Rare (a route that returns or is renamed): one statement each is fine here.
	for (const r of plan.items.flatMap((i) => i.routesToUpdate)) {
		await tx.update(learningRoute).set({ name: r.name, archivedAt: null }).where(eq(learningRoute.id, r.id));
		audits.push({
			action: 'learning_route.updated',
			entityType: 'learning_route',
			entityId: r.id,
			institutionId,
			details: { name: r.name, via: 'import' }
		});
	}
	await recordAudits(tx, actor, audits);
}
