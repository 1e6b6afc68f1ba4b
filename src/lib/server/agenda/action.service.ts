import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../audit/audit.service.ts';
import { user } from '../auth/auth.table.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, conflict, invalid, notFound, type FieldError } from '../http/errors.ts';
import { parseInput, requireId } from '../http/input.ts';
import { evaluationScope, requireEvaluation } from '../evaluations/evaluation.access.ts';
import { evaluationPolicy } from '../evaluations/evaluation.policy.ts';
import { evaluation, finding } from '../evaluations/evaluation.table.ts';
import * as versions from '../model/model.queries.ts';
import type { ModelVersionRow } from '../model/model.queries.ts';
import { requireSignedIn, scopeFilter } from '../organisation/access.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { roleAssignment } from '../people/people.table.ts';
import { can, visibility, type Actor, type Scope } from '../policy/policy.ts';
import {
	checkCapacityKey,
	checkStandardKey,
	checkValueKey,
	publishedModel,
	subjectLevelOf
} from '../ambitions/model-targets.ts';
import { loadSubject, requireSubject, type Subject, type SubjectRef } from '../ambitions/subject.ts';
import {
	actionFieldsSchema,
	createActionSchema,
	noteInputSchema,
	openStatuses,
	statusLabels,
	updateActionSchema,
	type ActionListQuery,
	type ActionStatus
} from './action.input.ts';
import { scheduleReminders } from './action.reminders.ts';
import { agendaPolicy, type AgendaAction } from './agenda.policy.ts';
import { actionNote, improvementAction } from './agenda.table.ts';
import { formatDutchDate, today } from '../../domain/dates.ts';

export type ActionRow = typeof improvementAction.$inferSelect;
export type NoteRow = typeof actionNote.$inferSelect;

const what = 'De actie';

/**
 * The policy scope of an action: its subject, and its owner for the `self` rules. Given the
 * actor, the owner counts as such only while they hold a role in the action's institution:
 * someone who left (or moved to another institution) keeps no access to its agenda.
 */
export function actionScope(
	row: { institutionId: string; teamId: string | null; ownerId: string | null },
	actor?: Actor
): Scope {
	const ownerStillThere = !actor || actor.grants.some((g) => g.institutionId === row.institutionId);
	return {
		institutionId: row.institutionId,
		...(row.teamId ? { teamId: row.teamId } : {}),
		userId: ownerStillThere ? row.ownerId : null
	};
}

const isClosed = (status: ActionStatus) => status === 'done' || status === 'cancelled';

/** An action is overdue when it still needs work and its due date has passed (Dutch calendar). */
export const isOverdue = (row: { status: ActionStatus; dueOn: string | null }, now = new Date()) =>
	openStatuses.includes(row.status) && !!row.dueOn && row.dueOn < today(now);

/**
 * Loads an action for `action`: 404 when the actor may not read it (ids of other
 * institutions do not leak), 403 when they read it but may not do this.
 */
async function requireAction(
	db: Tx,
	actor: Actor | null,
	id: string,
	action: AgendaAction = 'action.read',
	options: { lockRow?: boolean } = {}
): Promise<ActionRow> {
	const who = requireSignedIn(actor);
	requireId(id, what);
	const query = db.select().from(improvementAction).where(eq(improvementAction.id, id));
	const [row] = options.lockRow ? await query.for('update') : await query;
	if (!row) throw notFound(what);
	const scope = actionScope(row, who);
	if (!can(who, agendaPolicy, 'action.read', scope)) throw notFound(what);
	if (!can(who, agendaPolicy, action, scope))
		throw new AppError(403, 'forbidden', 'U mag deze actie niet wijzigen.');
	return row;
}

/** The subject of an action being changed; 409 when the team or institution is archived. */
async function writableSubject(db: Tx, row: ActionRow): Promise<Subject> {
	const subject = await loadSubject(db, row);
	if (!subject) throw notFound(what);
	if (subject.archived)
		throw conflict(
			'Het team of de instelling van deze actie is gearchiveerd; de actie kan niet meer worden gewijzigd.'
		);
	return subject;
}

// ---------------------------------------------------------------------------------------
// Checks of what an action points at

/** The people who may own an action: everyone with a role in the team or (for either) in the institution. */
function candidateWhere(subject: { institutionId: string; teamId: string | null }): SQL {
	return and(
		eq(roleAssignment.institutionId, subject.institutionId),
		subject.teamId ? or(isNull(roleAssignment.teamId), eq(roleAssignment.teamId, subject.teamId)) : undefined,
		isNull(user.archivedAt)
	)!;
}

/** Names and ids of the people who may own actions of this subject, for a select. */
export async function ownerCandidates(db: Tx, subject: { institutionId: string; teamId: string | null }) {
	return db
		.selectDistinct({ id: user.id, name: user.name, email: user.email })
		.from(roleAssignment)
		.innerJoin(user, eq(user.id, roleAssignment.userId))
		.where(candidateWhere(subject))
		.orderBy(asc(user.name), asc(user.id))
		.limit(1000);
}

async function isCandidate(
	db: Tx,
	subject: { institutionId: string; teamId: string | null },
	userId: string
) {
	const [row] = await db
		.select({ id: user.id })
		.from(roleAssignment)
		.innerJoin(user, eq(user.id, roleAssignment.userId))
		.where(and(candidateWhere(subject), eq(user.id, userId)))
		.limit(1);
	return !!row;
}

interface Links {
	valueKey?: string | null;
	standardKey?: string | null;
	capacityKey?: string | null;
	ownerId?: string | null;
}

/** Checks model keys (against `version`) and the owner; collects field errors. */
async function checkLinks(
	db: Tx,
	subject: Subject,
	version: ModelVersionRow,
	links: Links
): Promise<FieldError[]> {
	const doc = version.document;
	const errors: FieldError[] = [];
	const push = (e: FieldError | null) => e && errors.push(e);
	if (links.valueKey) push(checkValueKey(doc, links.valueKey, 'valueKey'));
	if (links.standardKey)
		push(checkStandardKey(doc, links.standardKey, subjectLevelOf(subject.teamId), 'standardKey'));
	if (links.capacityKey) push(checkCapacityKey(doc, links.capacityKey, 'capacityKey'));
	if (links.ownerId && !(await isCandidate(db, subject, links.ownerId))) {
		errors.push({
			field: 'ownerId',
			message: `kies als eigenaar iemand met een rol in ${subject.teamId ? 'dit team of deze instelling' : 'deze instelling'}`
		});
	}
	return errors;
}

/** The linked evaluation must be readable and of the same subject; the finding must be one of its findings. */
async function checkEvaluationLink(
	db: Tx,
	actor: Actor,
	subject: Subject,
	evaluationId: string | undefined,
	findingId: string | undefined
): Promise<{ errors: FieldError[]; modelVersionId: string | null }> {
	if (!evaluationId) {
		return {
			errors: findingId
				? [{ field: 'findingId', message: 'een bevinding hoort bij een evaluatie; kies eerst de evaluatie' }]
				: [],
			modelVersionId: null
		};
	}
	const notOurs = {
		field: 'evaluationId',
		message: `kies een evaluatie van ${subject.teamId ? 'dit team' : 'deze instelling'}`
	};
	let row;
	try {
		row = await requireEvaluation(db, actor, evaluationId);
	} catch (error) {
		if (error instanceof AppError && (error.status === 404 || error.status === 403))
			return { errors: [notOurs], modelVersionId: null };
		throw error;
	}
	if (row.institutionId !== subject.institutionId || (row.teamId ?? null) !== subject.teamId) {
		return { errors: [notOurs], modelVersionId: null };
	}
	if (findingId) {
		const [f] = await db
			.select({ id: finding.id })
			.from(finding)
			.where(and(eq(finding.id, findingId), eq(finding.evaluationId, row.id)));
		if (!f)
			return {
				errors: [{ field: 'findingId', message: 'kies een bevinding van deze evaluatie' }],
				modelVersionId: row.modelVersionId
			};
	}
	return { errors: [], modelVersionId: row.modelVersionId };
}

// ---------------------------------------------------------------------------------------
// Writes

/**
 * Puts an improvement action on a team's or institution's agenda and schedules its
 * owner's reminders. The same `clientToken` from the same person returns the first
 * action (a double submit of one form). Throws 401, 404 (subject not visible), 403,
 * 409 (archived, no model), 422.
 */
export async function createAction(db: Database, actor: Actor | null, input: unknown): Promise<ActionRow> {
	const data = parseInput(createActionSchema, input);
	const who = requireSignedIn(actor);
	const ref = { institutionId: data.institutionId, teamId: data.teamId ?? null };
	const subject = await requireSubject(db, who, ref, agendaPolicy, {
		read: 'action.read',
		action: 'action.create',
		write: true
	});
	if (data.clientToken) {
		const earlier = await findByToken(db, who.userId, data.clientToken);
		if (earlier && (earlier.institutionId !== ref.institutionId || earlier.teamId !== ref.teamId))
			throw conflict(
				'Dit formulier is al eens verstuurd, voor een ander team of een andere instelling. Open het formulier opnieuw.'
			);
		if (earlier) return earlier;
	}
	const link = await checkEvaluationLink(db, who, subject, data.evaluationId, data.findingId);
	const version = link.modelVersionId
		? ((await versions.find(db, link.modelVersionId)) ?? (await publishedModel(db)))
		: await publishedModel(db);
	const errors = [...link.errors, ...(await checkLinks(db, subject, version, data))];
	if (errors.length) throw invalid(errors);
	const now = new Date();
	const row = await db.transaction(async (tx) => {
		const [inserted] = await tx
			.insert(improvementAction)
			.values({
				institutionId: subject.institutionId,
				teamId: subject.teamId,
				evaluationId: data.evaluationId ?? null,
				findingId: data.findingId ?? null,
				modelVersionId: version.id,
				title: data.title,
				reason: data.reason,
				valueKey: data.valueKey,
				standardKey: data.standardKey,
				capacityKey: data.capacityKey,
				ownerId: data.ownerId,
				dueOn: data.dueOn,
				status: data.status,
				progress: data.progress ?? (data.status === 'done' ? 100 : 0),
				closedAt: isClosed(data.status) ? now : null,
				createdBy: who.userId,
				clientToken: data.clientToken ?? null
			})
			.onConflictDoNothing()
			.returning();
		// A concurrent submit of the same form won the race: no second action.
		if (!inserted) return null;
		await scheduleReminders(tx, inserted, now);
		await recordAudit(tx, who, {
			action: 'action.created',
			entityType: 'improvement_action',
			entityId: inserted.id,
			institutionId: inserted.institutionId,
			details: { teamId: inserted.teamId, title: inserted.title, evaluationId: inserted.evaluationId }
		});
		return inserted;
	});
	return row ?? (await findByToken(db, who.userId, data.clientToken!))!;
}

async function findByToken(db: Tx, userId: string, token: string): Promise<ActionRow | null> {
	const [row] = await db
		.select()
		.from(improvementAction)
		.where(and(eq(improvementAction.createdBy, userId), eq(improvementAction.clientToken, token)));
	return row ?? null;
}

const editable = Object.keys(actionFieldsSchema.shape) as (keyof typeof actionFieldsSchema.shape)[];
type EditableField = (typeof editable)[number];

const fieldLabels: Record<EditableField, string> = {
	title: 'titel',
	reason: 'aanleiding',
	valueKey: 'referentiewaarde',
	standardKey: 'standaard',
	capacityKey: 'vermogen',
	ownerId: 'eigenaar',
	dueOn: 'einddatum',
	status: 'status',
	progress: 'voortgang'
};

async function userName(db: Tx, id: string | null): Promise<string | null> {
	if (!id) return null;
	const [row] = await db.select({ name: user.name }).from(user).where(eq(user.id, id));
	return row?.name ?? null;
}

async function describe(db: Tx, row: ActionRow, field: EditableField): Promise<string> {
	const value = row[field];
	if (field === 'ownerId') return (await userName(db, row.ownerId)) ?? 'geen';
	if (field === 'status') return statusLabels[row.status];
	if (field === 'dueOn') return row.dueOn ? formatDutchDate(row.dueOn) : 'geen';
	if (field === 'progress') return `${row.progress}%`;
	return value === null || value === '' ? 'leeg' : `'${String(value)}'`;
}

/** A 409 that says what is stored now, so the person can redo their change knowingly. */
async function staleVersion(db: Tx, current: ActionRow, sent: Partial<Record<EditableField, unknown>>) {
	const summary: string[] = [];
	for (const field of ['title', 'status', 'ownerId', 'dueOn', 'progress'] as const) {
		summary.push(`${fieldLabels[field]}: ${await describe(db, current, field)}`);
	}
	const fieldErrors: FieldError[] = [];
	for (const field of Object.keys(sent) as EditableField[]) {
		if ((sent[field] ?? null) !== (current[field] ?? null)) {
			fieldErrors.push({ field, message: `opgeslagen waarde is nu: ${await describe(db, current, field)}` });
		}
	}
	return new AppError(
		409,
		'conflict',
		`Deze actie is intussen door iemand anders gewijzigd (nu versie ${current.version}); uw wijziging is niet opgeslagen. ` +
			`Nu opgeslagen — ${summary.join('; ')}. Bekijk de huidige waarden en sla uw wijziging opnieuw op.`,
		fieldErrors
	);
}

/**
 * Changes an action's fields. `version` is the version the edit started from; when
 * someone else saved in between, nothing is written and a 409 shows the current values.
 * Throws 401, 404, 403, 409, 422.
 */
export async function updateAction(
	db: Database,
	actor: Actor | null,
	id: string,
	input: unknown
): Promise<ActionRow> {
	const who = requireSignedIn(actor);
	const before = await requireAction(db, who, id, 'action.update');
	const parsed = parseInput(updateActionSchema, input);
	const present = new Set(Object.keys(typeof input === 'object' && input ? input : {}));
	const patch: Partial<Record<EditableField, unknown>> = {};
	// A blank progress field means "not given" (undefined); other blank fields clear (null).
	for (const field of editable)
		if (present.has(field) && parsed[field] !== undefined) patch[field] = parsed[field];
	const subject = await writableSubject(db, before);
	const version =
		(before.modelVersionId && (await versions.find(db, before.modelVersionId))) || (await publishedModel(db));
	const changedLinks: Links = {};
	for (const key of ['valueKey', 'standardKey', 'capacityKey', 'ownerId'] as const) {
		if (key in patch && patch[key] !== before[key]) changedLinks[key] = patch[key] as string | null;
	}
	const errors = await checkLinks(db, subject, version, changedLinks);
	if (errors.length) throw invalid(errors);
	const now = new Date();
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select()
			.from(improvementAction)
			.where(eq(improvementAction.id, id))
			.for('update');
		if (!current) throw notFound(what);
		if (current.version !== parsed.version) throw await staleVersion(tx, current, patch);
		const changes: Record<string, { from: unknown; to: unknown }> = {};
		for (const [field, to] of Object.entries(patch)) {
			const from = current[field as EditableField];
			if ((from ?? null) !== (to ?? null)) changes[field] = { from, to };
		}
		if (Object.keys(changes).length === 0) return current;
		const values = Object.fromEntries(
			Object.entries(changes).map(([k, c]) => [k, c.to])
		) as Partial<ActionRow>;
		const status = (values.status ?? current.status) as ActionStatus;
		// Done is done: as when created done or closed by a note, progress becomes 100.
		if (values.status === 'done' && !('progress' in patch)) values.progress = 100;
		const [row] = await tx
			.update(improvementAction)
			.set({
				...values,
				closedAt: isClosed(status) ? (current.closedAt ?? now) : null,
				version: current.version + 1,
				updatedAt: now
			})
			.where(eq(improvementAction.id, id))
			.returning();
		await scheduleReminders(tx, row!, now);
		await recordAudit(tx, who, {
			action: 'action.updated',
			entityType: 'improvement_action',
			entityId: id,
			institutionId: current.institutionId,
			details: { changes, version: row!.version }
		});
		return row!;
	});
}

/**
 * Adds a progress note, optionally with a new progress percentage and status (done or
 * cancelled closes the action). The same `clientToken` on the same action is stored
 * once (a double submit). Throws 401, 404, 403, 409 (archived), 422.
 */
export async function addProgressNote(
	db: Database,
	actor: Actor | null,
	actionId: string,
	input: unknown
): Promise<{ note: NoteRow; action: ActionRow; duplicate: boolean }> {
	const who = requireSignedIn(actor);
	const before = await requireAction(db, who, actionId, 'action.add_note');
	const data = parseInput(noteInputSchema, input);
	await writableSubject(db, before);
	const now = new Date();
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select()
			.from(improvementAction)
			.where(eq(improvementAction.id, actionId))
			.for('update');
		if (!current) throw notFound(what);
		const [note] = await tx
			.insert(actionNote)
			.values({
				actionId,
				text: data.text,
				progress: data.progress ?? null,
				status: data.status ?? null,
				authorId: who.userId,
				clientToken: data.clientToken ?? null
			})
			.onConflictDoNothing()
			.returning();
		if (!note) {
			const [earlier] = await tx
				.select()
				.from(actionNote)
				.where(and(eq(actionNote.actionId, actionId), eq(actionNote.clientToken, data.clientToken!)));
			return { note: earlier!, action: current, duplicate: true };
		}
		const status = data.status ?? current.status;
		const progress = data.progress ?? (data.status === 'done' ? 100 : current.progress);
		let action = current;
		if (status !== current.status || progress !== current.progress) {
			[action] = (await tx
				.update(improvementAction)
				.set({
					status,
					progress,
					closedAt: isClosed(status) ? (current.closedAt ?? now) : null,
					version: current.version + 1,
					updatedAt: now
				})
				.where(eq(improvementAction.id, actionId))
				.returning()) as [ActionRow];
			if (status !== current.status) await scheduleReminders(tx, action, now);
		}
		await recordAudit(tx, who, {
			action: 'action.note_added',
			entityType: 'improvement_action',
			entityId: actionId,
			institutionId: current.institutionId,
			details: {
				noteId: note.id,
				...(status !== current.status ? { status: { from: current.status, to: status } } : {}),
				...(progress !== current.progress ? { progress: { from: current.progress, to: progress } } : {})
			}
		});
		return { note, action, duplicate: false };
	});
}

// ---------------------------------------------------------------------------------------
// Reads

const owner = alias(user, 'owner');

const listColumns = {
	id: improvementAction.id,
	institutionId: improvementAction.institutionId,
	teamId: improvementAction.teamId,
	evaluationId: improvementAction.evaluationId,
	findingId: improvementAction.findingId,
	modelVersionId: improvementAction.modelVersionId,
	title: improvementAction.title,
	valueKey: improvementAction.valueKey,
	standardKey: improvementAction.standardKey,
	capacityKey: improvementAction.capacityKey,
	ownerId: improvementAction.ownerId,
	ownerName: owner.name,
	dueOn: improvementAction.dueOn,
	status: improvementAction.status,
	progress: improvementAction.progress,
	version: improvementAction.version,
	createdAt: improvementAction.createdAt,
	updatedAt: improvementAction.updatedAt,
	closedAt: improvementAction.closedAt,
	teamName: team.name,
	institutionName: institution.name
};

const withOverdue = <T extends { status: ActionStatus; dueOn: string | null }>(rows: T[], now = new Date()) =>
	rows.map((r) => ({ ...r, overdue: isOverdue(r, now) }));

const overdueWhere = (now = new Date()) =>
	and(inArray(improvementAction.status, [...openStatuses]), lt(improvementAction.dueOn, today(now)));

/** The actions the actor may see (their institution's or team's, and the ones they own), filtered and paginated. */
export async function listActions(db: Database, actor: Actor | null, query: ActionListQuery) {
	const who = requireSignedIn(actor);
	const vis = visibility(who, agendaPolicy, 'action.read');
	const ownInstitutions = [...new Set(who.grants.flatMap((g) => (g.institutionId ? [g.institutionId] : [])))];
	const visible = or(
		scopeFilter(vis, { institutionId: improvementAction.institutionId, teamId: improvementAction.teamId }) ??
			sql`true`,
		// Their own actions, where they still work (see `actionScope`).
		ownInstitutions.length
			? and(
					eq(improvementAction.ownerId, who.userId),
					inArray(improvementAction.institutionId, ownInstitutions)
				)
			: undefined
	);
	const where = and(
		visible,
		query.institutionId ? eq(improvementAction.institutionId, query.institutionId) : undefined,
		query.teamId ? eq(improvementAction.teamId, query.teamId) : undefined,
		query.status ? eq(improvementAction.status, query.status) : undefined,
		query.overdue ? overdueWhere() : undefined,
		query.mine ? eq(improvementAction.ownerId, who.userId) : undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select(listColumns)
			.from(improvementAction)
			.innerJoin(institution, eq(institution.id, improvementAction.institutionId))
			.leftJoin(team, eq(team.id, improvementAction.teamId))
			.leftJoin(owner, eq(owner.id, improvementAction.ownerId))
			.where(where)
			.orderBy(
				sql`${improvementAction.dueOn} asc nulls last`,
				desc(improvementAction.createdAt),
				asc(improvementAction.id)
			)
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ n: count() }).from(improvementAction).where(where)
	]);
	return { items: withOverdue(rows), page: query.page, pageSize: query.pageSize, total: total?.n ?? 0 };
}

/**
 * The open and in-progress actions of a team or institution, due first — they carry into
 * the next evaluation of the same subject. Throws 401, 404 (subject not visible).
 */
export async function listOpenActionsForSubject(db: Database, actor: Actor | null, ref: SubjectRef) {
	const subject = await requireSubject(db, actor, ref, agendaPolicy, { read: 'action.read' });
	const rows = await db
		.select(listColumns)
		.from(improvementAction)
		.innerJoin(institution, eq(institution.id, improvementAction.institutionId))
		.leftJoin(team, eq(team.id, improvementAction.teamId))
		.leftJoin(owner, eq(owner.id, improvementAction.ownerId))
		.where(
			and(
				eq(improvementAction.institutionId, subject.institutionId),
				subject.teamId ? eq(improvementAction.teamId, subject.teamId) : isNull(improvementAction.teamId),
				inArray(improvementAction.status, [...openStatuses])
			)
		)
		.orderBy(sql`${improvementAction.dueOn} asc nulls last`, asc(improvementAction.createdAt))
		.limit(500);
	return withOverdue(rows);
}

/** One action with its notes (oldest first) and what the actor may do with it. Throws 401, 404. */
export async function getAction(db: Database, actor: Actor | null, id: string) {
	const who = requireSignedIn(actor);
	const row = await requireAction(db, who, id);
	const author = alias(user, 'author');
	const [[details], notes, subject] = await Promise.all([
		db
			.select({
				ownerName: owner.name,
				createdByName: user.name,
				evaluationTitle: evaluation.title,
				findingText: finding.text,
				findingKind: finding.kind
			})
			.from(improvementAction)
			.leftJoin(owner, eq(owner.id, improvementAction.ownerId))
			.leftJoin(user, eq(user.id, improvementAction.createdBy))
			.leftJoin(evaluation, eq(evaluation.id, improvementAction.evaluationId))
			.leftJoin(finding, eq(finding.id, improvementAction.findingId))
			.where(eq(improvementAction.id, id)),
		db
			.select({
				id: actionNote.id,
				text: actionNote.text,
				progress: actionNote.progress,
				status: actionNote.status,
				authorId: actionNote.authorId,
				authorName: author.name,
				createdAt: actionNote.createdAt
			})
			.from(actionNote)
			.leftJoin(author, eq(author.id, actionNote.authorId))
			.where(eq(actionNote.actionId, id))
			.orderBy(asc(actionNote.createdAt), asc(actionNote.id)),
		loadSubject(db, row)
	]);
	const scope = actionScope(row, who);
	const archived = subject?.archived ?? false;
	// The evaluation and finding it came from belong to the evaluation's readers; an owner
	// elsewhere in the institution sees the action, not the evaluation's content.
	const readsEvaluation = can(who, evaluationPolicy, 'evaluation.read', evaluationScope(row));
	return {
		...row,
		...details!,
		...(readsEvaluation ? {} : { evaluationTitle: null, findingText: null, findingKind: null }),
		institutionName: subject?.institutionName ?? '',
		teamName: subject?.teamName ?? null,
		overdue: isOverdue(row),
		notes,
		can: {
			update: !archived && can(who, agendaPolicy, 'action.update', scope),
			addNote: !archived && can(who, agendaPolicy, 'action.add_note', scope)
		}
	};
}
export type ActionDetail = Awaited<ReturnType<typeof getAction>>;
