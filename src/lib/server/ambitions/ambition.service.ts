import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import { user } from '../auth/auth.table.ts';
import type { Database, Tx } from '../db/database.ts';
import { invalid, type FieldError } from '../http/errors.ts';
import { parseInput } from '../http/input.ts';
import { can, type Actor } from '../policy/policy.ts';
import { today } from '../../domain/dates.ts';
import { ambitionInputSchema } from './ambition.input.ts';
import { ambitionPolicy } from './ambition.policy.ts';
import { ambition } from './ambition.table.ts';
import {
	checkStandardKey,
	checkValueKey,
	modelLabels,
	publishedModel,
	scaleLevel,
	subjectLevelOf,
	type ModelLabels
} from './model-targets.ts';
import { requireSubject, resolveSubjectRef, subjectScope, type Subject, type SubjectRef } from './subject.ts';

export type AmbitionRow = typeof ambition.$inferSelect;
// The form token is bookkeeping of one submit, not part of what an ambition says.
export type AmbitionItem = Omit<AmbitionRow, 'clientToken'> & { createdByName: string | null };

const columns = {
	id: ambition.id,
	institutionId: ambition.institutionId,
	teamId: ambition.teamId,
	modelVersionId: ambition.modelVersionId,
	targetKind: ambition.targetKind,
	targetKey: ambition.targetKey,
	levelKey: ambition.levelKey,
	rank: ambition.rank,
	text: ambition.text,
	setOn: ambition.setOn,
	createdAt: ambition.createdAt,
	createdBy: ambition.createdBy,
	createdByName: user.name
};

const subjectWhere = (ref: SubjectRef) =>
	and(
		eq(ambition.institutionId, ref.institutionId),
		ref.teamId ? eq(ambition.teamId, ref.teamId) : isNull(ambition.teamId)
	);

const actionsFor = (ref: SubjectRef) =>
	ref.teamId
		? ({ read: 'ambition.read_team', set: 'ambition.set_team' } as const)
		: ({ read: 'ambition.read_institution', set: 'ambition.set_institution' } as const);

/**
 * The current ambition per target (value or standard) of a team or an institution: the
 * latest by date set, in one query. No authorization: for services that already checked
 * the subject (dashboards, reports, the evaluation page).
 */
export async function currentAmbitions(db: Tx, ref: SubjectRef): Promise<AmbitionItem[]> {
	return db
		.selectDistinctOn([ambition.targetKind, ambition.targetKey], columns)
		.from(ambition)
		.leftJoin(user, eq(user.id, ambition.createdBy))
		.where(subjectWhere(ref))
		.orderBy(ambition.targetKind, ambition.targetKey, desc(ambition.setOn), desc(ambition.createdAt));
}

/** Every ambition of a subject, newest first (the dated history), paginated. Throws 401, 404. */
export async function ambitionHistory(
	db: Database,
	actor: Actor | null,
	ref: SubjectRef,
	options: { page: number; pageSize: number } = { page: 1, pageSize: 50 }
) {
	await requireSubject(db, actor, ref, ambitionPolicy, { read: actionsFor(ref).read });
	return historyPage(db, ref, options);
}

async function historyPage(db: Tx, ref: SubjectRef, options: { page: number; pageSize: number }) {
	const where = subjectWhere(ref);
	const [items, [total]] = await Promise.all([
		db
			.select(columns)
			.from(ambition)
			.leftJoin(user, eq(user.id, ambition.createdBy))
			.where(where)
			.orderBy(desc(ambition.setOn), desc(ambition.createdAt), desc(ambition.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(ambition).where(where)
	]);
	return { items, page: options.page, pageSize: options.pageSize, total: total?.n ?? 0 };
}

/** Current ambitions and history of a subject the actor may read. Throws 401, 404. */
export async function listAmbitions(
	db: Database,
	actor: Actor | null,
	ref: SubjectRef,
	options: { page: number; pageSize: number } = { page: 1, pageSize: 50 }
) {
	await requireSubject(db, actor, ref, ambitionPolicy, { read: actionsFor(ref).read });
	const [current, history] = await Promise.all([currentAmbitions(db, ref), historyPage(db, ref, options)]);
	return { current, history };
}

export interface AmbitionOverview {
	subject: Subject;
	current: AmbitionItem[];
	history: Awaited<ReturnType<typeof historyPage>>;
	/** What the form offers, from the model version in force (null when none is published). */
	model: {
		versionId: string;
		labels: ModelLabels;
		values: { key: string; name: string }[];
		standards: { key: string; title: string; valueKeys: string[] }[];
		levels: { key: string; label: string; rank: number }[];
		standardLevelKey: string;
	} | null;
	canSet: boolean;
	clientToken: string;
}

/** Everything the ambitions page of a team or institution shows. Throws 401, 404. */
export async function ambitionOverview(
	db: Database,
	actor: Actor | null,
	given: { institutionId?: string; teamId?: string },
	options: { page: number; pageSize: number } = { page: 1, pageSize: 50 }
): Promise<AmbitionOverview> {
	const ref = await resolveSubjectRef(db, given);
	const acts = actionsFor(ref);
	const subject = await requireSubject(db, actor, ref, ambitionPolicy, { read: acts.read });
	const [current, history, version] = await Promise.all([
		currentAmbitions(db, ref),
		historyPage(db, ref, options),
		publishedModel(db).catch(() => null)
	]);
	const level = subjectLevelOf(subject.teamId);
	const doc = version?.document;
	return {
		subject,
		current,
		history,
		model: doc
			? {
					versionId: version.id,
					labels: modelLabels(doc),
					values: doc.values.map((v) => ({ key: v.key, name: v.name })),
					standards: doc.standards
						.filter((s) => s.levelKey === level)
						.map((s) => ({ key: s.key, title: s.title, valueKeys: s.valueKeys })),
					levels: doc.ratingScale.levels.map((l) => ({ key: l.key, label: l.label, rank: l.rank })),
					standardLevelKey: doc.ratingScale.standardLevelKey
				}
			: null,
		canSet: !subject.archived && can(actor, ambitionPolicy, acts.set, subjectScope(subject)),
		// One token per rendered form: submitting it twice records one ambition.
		clientToken: randomUUID()
	};
}

/**
 * Sets a team's (teamId) or an institution's ambition for a value or a standard, checked
 * against the model version in force. A new row each time: the earlier one stays as
 * history. Throws 401, 404 (subject not visible), 403, 409 (archived, no model), 422.
 */
export async function setAmbition(db: Database, actor: Actor | null, input: unknown): Promise<AmbitionRow> {
	const data = parseInput(ambitionInputSchema, input);
	const ref = await resolveSubjectRef(db, data);
	const acts = actionsFor(ref);
	const subject = await requireSubject(db, actor, ref, ambitionPolicy, {
		read: acts.read,
		action: acts.set,
		write: true
	});
	const version = await publishedModel(db);
	const doc = version.document;
	const errors: FieldError[] = [];
	const targetError =
		data.targetKind === 'value'
			? checkValueKey(doc, data.targetKey, 'targetKey')
			: checkStandardKey(doc, data.targetKey, subjectLevelOf(subject.teamId), 'targetKey');
	if (targetError) errors.push(targetError);
	const level = scaleLevel(doc, data.levelKey, 'levelKey');
	if ('field' in level) errors.push(level);
	const setOn = data.setOn ?? today();
	if (setOn > today()) errors.push({ field: 'setOn', message: 'datum mag niet in de toekomst liggen' });
	if (errors.length || 'field' in level) throw invalid(errors);
	const earlier = async () =>
		data.clientToken
			? (
					await db
						.select()
						.from(ambition)
						.where(and(eq(ambition.createdBy, actor!.userId), eq(ambition.clientToken, data.clientToken)))
				)[0]
			: undefined;
	const before = await earlier();
	if (before) return before;
	const saved = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(ambition)
			.values({
				institutionId: subject.institutionId,
				teamId: subject.teamId,
				modelVersionId: version.id,
				targetKind: data.targetKind,
				targetKey: data.targetKey,
				levelKey: data.levelKey,
				rank: level.rank,
				text: data.text,
				setOn,
				createdBy: actor!.userId,
				clientToken: data.clientToken ?? null
			})
			.onConflictDoNothing()
			.returning();
		// A concurrent submit of the same form won the race: no second history row.
		if (!row) return null;
		await recordAudit(tx, actor, {
			action: 'ambition.set',
			entityType: 'ambition',
			entityId: row!.id,
			institutionId: subject.institutionId,
			details: {
				teamId: subject.teamId,
				targetKind: data.targetKind,
				targetKey: data.targetKey,
				levelKey: data.levelKey,
				setOn
			}
		});
		return row;
	});
	return saved ?? (await earlier())!;
}
