import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { requireId } from '../http/input.ts';
import { requireSignedIn } from '../organisation/access.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { can, type Actor, type Policy, type Scope } from '../policy/policy.ts';

// Ambitions and improvement actions belong to a subject: a team (of an institution) or
// an institution as a whole. Both modules load and authorize the subject the same way.

export interface SubjectRef {
	institutionId: string;
	teamId?: string | null;
}

export interface Subject {
	institutionId: string;
	teamId: string | null;
	institutionName: string;
	teamName: string | null;
	/** The team or its institution is archived: readable history, nothing added. */
	archived: boolean;
}

/** The policy scope of a subject (team grants never match an institution subject). */
export function subjectScope(s: { institutionId: string; teamId: string | null }): Scope {
	return s.teamId ? { institutionId: s.institutionId, teamId: s.teamId } : { institutionId: s.institutionId };
}

/** The subject's names, or null when the team or institution does not exist (or do not belong together). */
export async function loadSubject(db: Tx, ref: SubjectRef): Promise<Subject | null> {
	if (ref.teamId) {
		const [row] = await db
			.select({
				institutionId: team.institutionId,
				teamId: team.id,
				teamName: team.name,
				institutionName: institution.name,
				teamArchivedAt: team.archivedAt,
				institutionArchivedAt: institution.archivedAt
			})
			.from(team)
			.innerJoin(institution, eq(institution.id, team.institutionId))
			.where(eq(team.id, ref.teamId));
		if (!row || row.institutionId !== ref.institutionId) return null;
		const { teamArchivedAt, institutionArchivedAt, ...names } = row;
		return { ...names, archived: !!teamArchivedAt || !!institutionArchivedAt };
	}
	const [row] = await db.select().from(institution).where(eq(institution.id, ref.institutionId));
	if (!row) return null;
	return {
		institutionId: row.id,
		teamId: null,
		institutionName: row.name,
		teamName: null,
		archived: !!row.archivedAt
	};
}

/**
 * Loads a subject for an action: 404 when it does not exist or the actor may not read
 * it (ids of other institutions do not leak), 403 when they may read but not do
 * `action`, 409 for a write on an archived team or institution.
 */
export async function requireSubject<A extends string>(
	db: Tx,
	actor: Actor | null,
	ref: SubjectRef,
	policy: Policy<A>,
	actions: { read: A; action?: A; write?: boolean }
): Promise<Subject> {
	const who = requireSignedIn(actor);
	const what = ref.teamId ? 'Het team' : 'De instelling';
	requireId(ref.institutionId, what);
	if (ref.teamId) requireId(ref.teamId, what);
	const subject = await loadSubject(db, ref);
	if (!subject) throw notFound(what);
	const scope = subjectScope(subject);
	if (!can(who, policy, actions.read, scope)) throw notFound(what);
	if (actions.action && !can(who, policy, actions.action, scope)) throw forbidden();
	if (actions.write && subject.archived)
		throw conflict(
			ref.teamId
				? 'Dit team (of zijn instelling) is gearchiveerd; er kan niets meer aan worden toegevoegd.'
				: 'Deze instelling is gearchiveerd; er kan niets meer aan worden toegevoegd.'
		);
	return subject;
}

/**
 * Completes a subject given as `teamId` alone (the API allows that) with the team's
 * institution. An unknown team keeps an impossible institution, so it ends in a 404.
 */
export async function resolveSubjectRef(
	db: Tx,
	ref: { institutionId?: string; teamId?: string }
): Promise<SubjectRef> {
	if (ref.institutionId || !ref.teamId)
		return { institutionId: ref.institutionId ?? '', teamId: ref.teamId ?? null };
	const [row] = await db
		.select({ institutionId: team.institutionId })
		.from(team)
		.where(eq(team.id, ref.teamId));
	return { institutionId: row?.institutionId ?? '', teamId: ref.teamId };
}
