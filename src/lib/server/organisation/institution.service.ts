import { and, asc, count, eq, ilike, isNull, or } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { authorize, can, visibility, type Actor } from '../policy/policy.ts';
import { institutionInputSchema } from '../../domain/organisation/codes.ts';
import { notFound } from '../http/errors.ts';
import {
	assertInstitutionWritable,
	likePattern,
	requireSignedIn,
	scopeFilter,
	visibleInstitution,
	type InstitutionRow
} from './access.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { institution } from './organisation.table.ts';
import { parseInput, parsePatch, rethrowUnique } from '../http/input.ts';

export type { InstitutionRow } from './access.ts';

export interface ListOptions {
	page: number;
	pageSize: number;
	includeArchived?: boolean;
	q?: string;
}

export interface Page<T> {
	items: T[];
	page: number;
	pageSize: number;
	total: number;
}

/** Institutions the actor may read, by name; archived ones only when asked. */
export async function listInstitutions(
	db: Database,
	actor: Actor | null,
	options: ListOptions
): Promise<Page<InstitutionRow>> {
	requireSignedIn(actor);
	const vis = visibility(actor, organisationPolicy, 'institution.read');
	const q = options.q?.trim();
	const where = and(
		scopeFilter(vis, { institutionId: institution.id }),
		options.includeArchived ? undefined : isNull(institution.archivedAt),
		q ? or(ilike(institution.name, likePattern(q)), ilike(institution.rioCode, likePattern(q))) : undefined
	);
	const [items, [total]] = await Promise.all([
		db
			.select()
			.from(institution)
			.where(where)
			.orderBy(asc(institution.name), asc(institution.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(institution).where(where)
	]);
	return { items, page: options.page, pageSize: options.pageSize, total: total?.n ?? 0 };
}

/** One institution's details; 404 when the actor may not read it. */
export async function getInstitution(db: Database, actor: Actor | null, id: string): Promise<InstitutionRow> {
	const row = await visibleInstitution(db, actor, id);
	// Team members see their team inside the institution, not the institution's details.
	if (!can(actor, organisationPolicy, 'institution.read', { institutionId: row.id })) {
		throw notFound('De instelling');
	}
	return row;
}

/** A unique RIO or BRIN code taken by another institution is a field error, not a 500. */
function rethrowCodeTaken(error: unknown, input: { rioCode?: string; brinCode?: string | undefined }): never {
	rethrowUnique(error, {
		institution_rio_code_index: {
			field: 'rioCode',
			message: `RIO-code '${input.rioCode}' is al in gebruik bij een andere instelling`
		},
		institution_brin_code_index: {
			field: 'brinCode',
			message: `BRIN-code '${input.brinCode}' is al in gebruik bij een andere instelling`
		}
	});
}

/** Registers a member institution (network admins). Throws 403, or 422 for bad or taken codes. */
export async function createInstitution(
	db: Database,
	actor: Actor | null,
	input: unknown
): Promise<InstitutionRow> {
	authorize(actor, organisationPolicy, 'institution.create');
	const data = parseInput(institutionInputSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx.insert(institution).values(data).returning();
			await recordAudit(tx, actor, {
				action: 'institution.created',
				entityType: 'institution',
				entityId: row!.id,
				institutionId: row!.id,
				details: { name: row!.name, rioCode: row!.rioCode }
			});
			return row!;
		});
	} catch (error) {
		rethrowCodeTaken(error, data);
	}
}

/**
 * Changes the fields present in `input` (a blank optional field clears it).
 * Throws 404 (not visible), 403 (not a network admin), 409 (archived), 422.
 */
export async function updateInstitution(
	db: Database,
	actor: Actor | null,
	id: string,
	input: unknown
): Promise<InstitutionRow> {
	const current = await getInstitution(db, actor, id);
	authorize(actor, organisationPolicy, 'institution.update', { institutionId: current.id });
	assertInstitutionWritable(current);
	const patch = parsePatch(institutionInputSchema, input);
	const changes: Record<string, { from: unknown; to: unknown }> = {};
	const values: Partial<typeof institution.$inferInsert> = {};
	for (const [key, value] of Object.entries(patch) as [keyof typeof patch, unknown][]) {
		const next = value ?? null;
		if (current[key] === next) continue;
		changes[key] = { from: current[key], to: next };
		(values as Record<string, unknown>)[key] = next;
	}
	if (Object.keys(values).length === 0) return current;
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.update(institution)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(institution.id, current.id))
				.returning();
			await recordAudit(tx, actor, {
				action: 'institution.updated',
				entityType: 'institution',
				entityId: current.id,
				institutionId: current.id,
				details: { changes }
			});
			return row!;
		});
	} catch (error) {
		rethrowCodeTaken(error, { rioCode: patch.rioCode, brinCode: patch.brinCode });
	}
}

/** Archives (or restores) an institution; history keeps pointing at it. Throws 404/403. */
export async function setInstitutionArchived(
	db: Database,
	actor: Actor | null,
	id: string,
	archived: boolean
): Promise<InstitutionRow> {
	const current = await getInstitution(db, actor, id);
	authorize(actor, organisationPolicy, 'institution.archive', { institutionId: current.id });
	if (!!current.archivedAt === archived) return current;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(institution)
			.set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
			.where(eq(institution.id, current.id))
			.returning();
		await recordAudit(tx, actor, {
			action: archived ? 'institution.archived' : 'institution.restored',
			entityType: 'institution',
			entityId: current.id,
			institutionId: current.id
		});
		return row!;
	});
}

/** Archives an institution: hidden from lists by default, never deleted. */
export const archiveInstitution = (db: Database, actor: Actor | null, id: string) =>
	setInstitutionArchived(db, actor, id, true);

/** Brings an archived institution back. */
export const restoreInstitution = (db: Database, actor: Actor | null, id: string) =>
	setInstitutionArchived(db, actor, id, false);

/** What the actor may do with one institution, for showing the right forms. */
export function institutionPermissions(actor: Actor | null, institutionId: string) {
	const scope = { institutionId };
	return {
		update: can(actor, organisationPolicy, 'institution.update', scope),
		archive: can(actor, organisationPolicy, 'institution.archive', scope),
		manageLocations: can(actor, organisationPolicy, 'location.manage', scope),
		createTeam: can(actor, organisationPolicy, 'team.create', scope),
		import: can(actor, organisationPolicy, 'import.run', scope)
	};
}
