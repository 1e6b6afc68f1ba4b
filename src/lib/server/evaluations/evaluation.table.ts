import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	customType,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { institution, team } from '../organisation/organisation.table.ts';
import { modelVersion } from '../model/model.table.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/** Whether an instrument or evaluation looks at one team (leerroute) or a whole institution. */
export const subjectLevel = pgEnum('subject_level', ['team', 'institution']);

/** gepland → voorbereiding → uitvoering → rapportage → vastgesteld */
export const evaluationStatus = pgEnum('evaluation_status', [
	'planned',
	'preparation',
	'execution',
	'reporting',
	'finalised'
]);

/** student, docent, werkveld, management, bestuur, ondersteuning, extern */
export const perspective = pgEnum('perspective', [
	'student',
	'teacher',
	'work_field',
	'management',
	'board',
	'support',
	'external'
]);

/** sterke punten, aandachtspunten, good practices, risico's */
export const findingKind = pgEnum('finding_kind', ['strength', 'concern', 'good_practice', 'risk']);

export const capacityEffect = pgEnum('capacity_effect', ['helps', 'hinders']);

export const evidenceKind = pgEnum('evidence_kind', ['file', 'link']);

/**
 * An instrument is data: the network's built-in ones (key set, institution null) and an
 * institution's own (institution set). Built-ins are inserted by a migration.
 */
export const instrumentType = pgTable(
	'instrument_type',
	{
		id: uuid().primaryKey().defaultRandom(),
		key: text(),
		name: text().notNull(),
		description: text().notNull().default(''),
		level: subjectLevel().notNull(),
		// Self-evaluations are what this release runs end to end; others reuse the record later.
		selfEvaluation: boolean().notNull().default(false),
		institutionId: uuid().references(() => institution.id),
		archivedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text()
	},
	(t) => [
		uniqueIndex().on(t.key),
		index().on(t.institutionId),
		uniqueIndex('instrument_type_institution_name_ci').on(t.institutionId, sql`lower(${t.name})`)
	]
);

/**
 * One use of an instrument on a subject with one model version. A finalised evaluation
 * is evidence and never changes (a trigger enforces it); a correction is a new revision
 * (`revisionOf` the previous one) that supersedes it once finalised.
 */
export const evaluation = pgTable(
	'evaluation',
	{
		id: uuid().primaryKey().defaultRandom(),
		instrumentTypeId: uuid()
			.notNull()
			.references(() => instrumentType.id),
		subjectLevel: subjectLevel().notNull(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		teamId: uuid().references(() => team.id),
		modelVersionId: uuid()
			.notNull()
			.references(() => modelVersion.id),
		title: text().notNull(),
		// The standards in scope, resolved from "all values" or chosen values/standards at planning.
		scopeStandardKeys: text().array().notNull(),
		scopeValueKeys: text().array().notNull(),
		scopeAll: boolean().notNull().default(true),
		status: evaluationStatus().notNull().default('planned'),
		startsOn: date({ mode: 'string' }),
		endsOn: date({ mode: 'string' }),
		// Perspectives the plan expects to hear (participants and questionnaire links use these).
		perspectives: perspective().array().notNull(),
		plan: text().notNull().default(''),
		revision: integer().notNull().default(1),
		revisionOf: uuid(),
		revisionReason: text(),
		supersededBy: uuid(),
		// Optimistic lock for the evaluation's own fields (plan, dates, status).
		lock: integer().notNull().default(0),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		finalisedAt: timestamp({ withTimezone: true }),
		finalisedBy: text(),
		// The plan form's one-time token: submitting the same form twice plans one evaluation.
		clientToken: text()
	},
	(t) => [
		uniqueIndex('evaluation_client_token')
			.on(t.createdBy, t.clientToken)
			.where(sql`${t.clientToken} is not null`),
		index().on(t.institutionId, t.status),
		index().on(t.teamId, t.finalisedAt),
		index().on(t.revisionOf),
		// A finalised evaluation is corrected by at most one revision (the chain stays a line).
		uniqueIndex('evaluation_one_revision')
			.on(t.revisionOf)
			.where(sql`${t.revisionOf} is not null`),
		check(
			'evaluation_subject',
			sql`(${t.subjectLevel} = 'team' and ${t.teamId} is not null) or (${t.subjectLevel} = 'institution' and ${t.teamId} is null)`
		)
	]
);

/** A person with an account who takes part, in one perspective. */
export const evaluationParticipant = pgTable(
	'evaluation_participant',
	{
		id: uuid().primaryKey().defaultRandom(),
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		userId: text().notNull(),
		perspective: perspective().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text()
	},
	(t) => [uniqueIndex().on(t.evaluationId, t.userId), index().on(t.userId)]
);

/**
 * A questionnaire link for someone without an account (student, werkveld): anonymous,
 * one answer per token. Only the token's hash is stored.
 */
export const questionnaireLink = pgTable(
	'questionnaire_link',
	{
		id: uuid().primaryKey().defaultRandom(),
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		perspective: perspective().notNull(),
		tokenHash: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		answeredAt: timestamp({ withTimezone: true }),
		revokedAt: timestamp({ withTimezone: true })
	},
	(t) => [uniqueIndex().on(t.tokenHash), index().on(t.evaluationId)]
);

/**
 * One respondent's rating of one standard. `respondent` is the user id, or `q:<link id>`
 * for a questionnaire answer. `rank` copies the level's rank from the model version so
 * roll-ups need no JSON; null means "niet beoordeeld".
 */
export const rating = pgTable(
	'rating',
	{
		id: uuid().primaryKey().defaultRandom(),
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		standardKey: text().notNull(),
		perspective: perspective().notNull(),
		respondent: text().notNull(),
		levelKey: text(),
		rank: smallint(),
		motivation: text().notNull().default(''),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex().on(t.evaluationId, t.standardKey, t.respondent)]
);

export const finding = pgTable(
	'finding',
	{
		id: uuid().primaryKey().defaultRandom(),
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		kind: findingKind().notNull(),
		valueKey: text(),
		standardKey: text(),
		perspective: perspective(),
		text: text().notNull(),
		authorId: text(),
		// The finding of the previous revision this one was copied from, so the history can
		// tell a changed finding from a removed and an added one.
		copiedFromId: uuid(),
		// The add form's one-time token: a double submit stores one finding.
		clientToken: text(),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.evaluationId),
		uniqueIndex('finding_client_token')
			.on(t.evaluationId, t.authorId, t.clientToken)
			.where(sql`${t.clientToken} is not null`)
	]
);

/** A respondent says a capacity (vermogen) helps or hinders, with a note why. */
export const capacityAssessment = pgTable(
	'capacity_assessment',
	{
		id: uuid().primaryKey().defaultRandom(),
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		capacityKey: text().notNull(),
		perspective: perspective().notNull(),
		respondent: text().notNull(),
		effect: capacityEffect().notNull(),
		note: text().notNull().default(''),
		version: integer().notNull().default(1),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex().on(t.evaluationId, t.capacityKey, t.respondent)]
);

/** A piece of evidence: a file or a link, dated, with revisions (the latest is current). */
export const evidence = pgTable(
	'evidence',
	{
		id: uuid().primaryKey().defaultRandom(),
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		kind: evidenceKind().notNull(),
		title: text().notNull(),
		standardKey: text(),
		currentRevision: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text(),
		// The upload form's one-time token: a double submit stores one piece of evidence.
		clientToken: text()
	},
	(t) => [
		index().on(t.evaluationId),
		uniqueIndex('evidence_client_token')
			.on(t.evaluationId, t.createdBy, t.clientToken)
			.where(sql`${t.clientToken} is not null`)
	]
);

export const evidenceRevision = pgTable(
	'evidence_revision',
	{
		id: uuid().primaryKey().defaultRandom(),
		evidenceId: uuid()
			.notNull()
			.references(() => evidence.id, { onDelete: 'cascade' }),
		revision: integer().notNull(),
		// The date the evidence is from (not the upload date).
		evidenceDate: date({ mode: 'string' }).notNull(),
		url: text(),
		fileName: text(),
		mediaType: text(),
		sizeBytes: integer(),
		sha256: text(),
		content: bytea(),
		note: text().notNull().default(''),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: text()
	},
	(t) => [uniqueIndex().on(t.evidenceId, t.revision)]
);
