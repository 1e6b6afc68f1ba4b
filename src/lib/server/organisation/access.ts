import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../db/database.ts';
import { conflict, notFound, unauthenticated } from '../http/errors.ts';
import { can, type Actor, type Visibility } from '../policy/policy.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { institution } from './organisation.table.ts';
import { requireId } from '../http/input.ts';

/**
 * The SQL form of a `visibility()` result: rows in a visible institution, or (when a
 * team column is given) in a visible team. Nothing visible gives `false`, never "all".
 */
export function scopeFilter(
	vis: Visibility,
	columns: { institutionId: AnyPgColumn; teamId?: AnyPgColumn }
): SQL | undefined {
	if (vis.all) return undefined;
	const parts: SQL[] = [];
	if (vis.institutionIds.length) parts.push(inArray(columns.institutionId, [...new Set(vis.institutionIds)]));
	if (columns.teamId && vis.teamIds.length) parts.push(inArray(columns.teamId, [...new Set(vis.teamIds)]));
	return parts.length ? or(...parts) : sql`false`;
}

/** The actor signed in, or a 401. */
export function requireSignedIn(actor: Actor | null): Actor {
	if (!actor) throw unauthenticated();
	return actor;
}

/**
 * Whether the actor sees anything of an institution: its details, or one of its teams
 * (team members see their own team inside an institution they cannot read as a whole).
 */
export function seesInstitution(actor: Actor, institutionId: string): boolean {
	if (can(actor, organisationPolicy, 'institution.read', { institutionId })) return true;
	return actor.grants.some(
		(g) =>
			g.institutionId === institutionId &&
			!!g.teamId &&
			can(actor, organisationPolicy, 'team.read', { institutionId, teamId: g.teamId })
	);
}

export type InstitutionRow = typeof institution.$inferSelect;

/**
 * Loads an institution the actor sees at all (`seesInstitution`), else a 404 so that
 * ids of other institutions do not leak. `writable` also refuses an archived one.
 */
export async function visibleInstitution(
	db: Database | Tx,
	actor: Actor | null,
	id: string,
	options: { writable?: boolean } = {}
): Promise<InstitutionRow> {
	const who = requireSignedIn(actor);
	requireId(id, 'De instelling');
	const [row] = await db.select().from(institution).where(eq(institution.id, id));
	if (!row || !seesInstitution(who, row.id)) throw notFound('De instelling');
	if (options.writable) assertInstitutionWritable(row);
	return row;
}

/** An archived institution is history: nothing is added to it or changed in it. */
export function assertInstitutionWritable(row: { archivedAt: Date | null }): void {
	if (row.archivedAt)
		throw conflict('Deze instelling is gearchiveerd; er kan niets meer aan worden gewijzigd.');
}

/** `%`, `_` and `\` typed in a search box are searched for literally. */
export function likePattern(q: string): string {
	return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
