import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { parseInput, requireId, rethrowUnique } from '../http/input.ts';
import { requireSignedIn, seesInstitution, visibleInstitution } from '../organisation/access.ts';
import { authorize, can, type Actor } from '../policy/policy.ts';
import { instrumentInputSchema } from '../../domain/evaluations/evaluation-input.ts';
import { evaluationPolicy } from './evaluation.policy.ts';
import { instrumentType } from './evaluation.table.ts';

export type InstrumentTypeRow = typeof instrumentType.$inferSelect;

const what = 'Het instrument';

/** Built-ins first, self-evaluations leading, then an institution's own, by name. */
const order = [
	sql`${instrumentType.institutionId} is not null`,
	desc(instrumentType.selfEvaluation),
	asc(instrumentType.level),
	asc(instrumentType.name)
];

/** The institutions whose own instruments the actor sees (any role in them). */
function ownInstitutions(actor: Actor): string[] {
	return [...new Set(actor.grants.map((g) => g.institutionId).filter((id): id is string => !!id))].filter(
		(id) => seesInstitution(actor, id)
	);
}

/**
 * Instrument types the actor may use or look at: the network's built-ins and the own
 * instruments of the institutions they belong to. Archived ones only when asked.
 */
export async function listInstrumentTypes(
	db: Database,
	actor: Actor | null,
	options: { institutionId?: string; includeArchived?: boolean } = {}
): Promise<InstrumentTypeRow[]> {
	const who = requireSignedIn(actor);
	authorize(who, evaluationPolicy, 'instrument.read');
	let institutions = ownInstitutions(who);
	if (options.institutionId) {
		const owner = await visibleInstitution(db, who, options.institutionId);
		institutions = [owner.id];
	}
	return db
		.select()
		.from(instrumentType)
		.where(
			and(
				institutions.length
					? or(isNull(instrumentType.institutionId), inArray(instrumentType.institutionId, institutions))
					: isNull(instrumentType.institutionId),
				options.includeArchived ? undefined : isNull(instrumentType.archivedAt)
			)
		)
		.orderBy(...order);
}

/**
 * An instrument usable for an evaluation of a subject in `institutionId`: a built-in or
 * that institution's own, not archived. Throws 404 otherwise (another institution's
 * instruments do not exist for this one).
 */
export async function instrumentForInstitution(
	db: Database | Tx,
	id: string,
	institutionId: string
): Promise<InstrumentTypeRow> {
	requireId(id, what);
	const [row] = await db.select().from(instrumentType).where(eq(instrumentType.id, id));
	if (!row || row.archivedAt || (row.institutionId && row.institutionId !== institutionId))
		throw notFound(what);
	return row;
}

/** Adds an institution's own instrument. Throws 404, 403 (not its quality officer), 422. */
export async function createInstrumentType(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	input: unknown
): Promise<InstrumentTypeRow> {
	const owner = await visibleInstitution(db, actor, institutionId, { writable: true });
	authorize(actor, evaluationPolicy, 'instrument.manage', { institutionId: owner.id });
	const data = parseInput(instrumentInputSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(instrumentType)
				.values({
					name: data.name,
					description: data.description ?? '',
					level: data.level,
					institutionId: owner.id,
					createdBy: actor.userId
				})
				.returning();
			await recordAudit(tx, actor, {
				action: 'instrument.created',
				entityType: 'instrument_type',
				entityId: row!.id,
				institutionId: owner.id,
				details: { name: row!.name, level: row!.level }
			});
			return row!;
		});
	} catch (error) {
		rethrowUnique(error, {
			instrument_type_institution_name_ci: {
				field: 'name',
				message: `instrument '${data.name}' bestaat al bij deze instelling`
			}
		});
	}
}

/**
 * Archives (or restores) an institution's own instrument: no longer offered for new
 * evaluations; evaluations that used it keep it. Built-ins cannot be archived (404 for
 * an institution: they are not its own). Throws 404, 403.
 */
export async function setInstrumentTypeArchived(
	db: Database,
	actor: Actor | null,
	id: string,
	archived: boolean
): Promise<InstrumentTypeRow> {
	const who = requireSignedIn(actor);
	requireId(id, what);
	const [current] = await db.select().from(instrumentType).where(eq(instrumentType.id, id));
	if (!current || !current.institutionId || !seesInstitution(who, current.institutionId))
		throw notFound(what);
	authorize(who, evaluationPolicy, 'instrument.manage', { institutionId: current.institutionId });
	await visibleInstitution(db, who, current.institutionId, { writable: true });
	if (!!current.archivedAt === archived) return current;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(instrumentType)
			.set({ archivedAt: archived ? new Date() : null })
			.where(eq(instrumentType.id, id))
			.returning();
		await recordAudit(tx, who, {
			action: archived ? 'instrument.archived' : 'instrument.restored',
			entityType: 'instrument_type',
			entityId: id,
			institutionId: current.institutionId
		});
		return row!;
	});
}

/** Whether the actor may manage the own instruments of an institution (for showing forms). */
export const mayManageInstruments = (actor: Actor | null, institutionId: string): boolean =>
	can(actor, evaluationPolicy, 'instrument.manage', { institutionId });
