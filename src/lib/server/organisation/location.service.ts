import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { authorize, can, type Actor } from '../policy/policy.ts';
import { locationInputSchema } from '../../domain/organisation/codes.ts';
import { assertInstitutionWritable, visibleInstitution } from './access.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { location } from './organisation.table.ts';
import { parseInput, parsePatch, requireId, rethrowUnique } from '../http/input.ts';

export type LocationRow = typeof location.$inferSelect;

function rethrowNameTaken(error: unknown, name: string | undefined): never {
	rethrowUnique(error, {
		location_institution_id_name_ci: {
			field: 'name',
			message: `locatie '${name}' bestaat al bij deze instelling`
		}
	});
}

/**
 * An institution's locations by name. Not paginated: an institution has a handful of
 * locations (tens at most), and forms need all of them in one select.
 */
export async function listLocations(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	options: { includeArchived?: boolean } = {}
): Promise<LocationRow[]> {
	const owner = await visibleInstitution(db, actor, institutionId);
	if (!can(actor, organisationPolicy, 'location.read', { institutionId: owner.id }))
		throw notFound('De instelling');
	return db
		.select()
		.from(location)
		.where(
			and(
				eq(location.institutionId, owner.id),
				options.includeArchived ? undefined : isNull(location.archivedAt)
			)
		)
		.orderBy(asc(location.name));
}

/** Adds a location to an institution. Throws 404, 403, 409 (archived institution), 422. */
export async function createLocation(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	input: unknown
): Promise<LocationRow> {
	const owner = await visibleInstitution(db, actor, institutionId);
	authorize(actor, organisationPolicy, 'location.manage', { institutionId: owner.id });
	assertInstitutionWritable(owner);
	const data = parseInput(locationInputSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(location)
				.values({ institutionId: owner.id, name: data.name, city: data.city ?? null })
				.returning();
			await recordAudit(tx, actor, {
				action: 'location.created',
				entityType: 'location',
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

/** Loads a location with its institution's scope checked; 404 when not visible. */
async function visibleLocation(db: Database, actor: Actor | null, id: string): Promise<LocationRow> {
	requireId(id, 'De locatie');
	const [row] = await db.select().from(location).where(eq(location.id, id));
	if (!row || !can(actor, organisationPolicy, 'location.read', { institutionId: row.institutionId })) {
		throw notFound('De locatie');
	}
	return row;
}

/** Renames a location or changes its city. Throws 404, 403, 409, 422. */
export async function updateLocation(db: Database, actor: Actor | null, id: string, input: unknown) {
	const current = await visibleLocation(db, actor, id);
	authorize(actor, organisationPolicy, 'location.manage', { institutionId: current.institutionId });
	await visibleInstitution(db, actor, current.institutionId, { writable: true });
	const patch = parsePatch(locationInputSchema, input);
	const values = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v ?? null]));
	if (Object.keys(values).length === 0) return current;
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx.update(location).set(values).where(eq(location.id, id)).returning();
			await recordAudit(tx, actor, {
				action: 'location.updated',
				entityType: 'location',
				entityId: id,
				institutionId: current.institutionId,
				details: { from: { name: current.name, city: current.city }, to: values }
			});
			return row!;
		});
	} catch (error) {
		rethrowNameTaken(error, patch.name);
	}
}

/** Archives (or restores) a location; teams keep pointing at it. Throws 404, 403, 409. */
export async function setLocationArchived(db: Database, actor: Actor | null, id: string, archived: boolean) {
	const current = await visibleLocation(db, actor, id);
	authorize(actor, organisationPolicy, 'location.manage', { institutionId: current.institutionId });
	await visibleInstitution(db, actor, current.institutionId, { writable: true });
	if (!!current.archivedAt === archived) return current;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(location)
			.set({ archivedAt: archived ? new Date() : null })
			.where(eq(location.id, id))
			.returning();
		await recordAudit(tx, actor, {
			action: archived ? 'location.archived' : 'location.restored',
			entityType: 'location',
			entityId: id,
			institutionId: current.institutionId
		});
		return row!;
	});
}
