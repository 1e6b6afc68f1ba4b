import {
	bigint,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { institution, team } from '../organisation/organisation.table.ts';
import { evaluation, instrumentType, perspective, subjectLevel } from '../evaluations/evaluation.table.ts';
import { modelVersion } from '../model/model.table.ts';

/** A roll-up row is about one standard, or one reference value (all its standards together). */
export const scoreKind = pgEnum('score_kind', ['value', 'standard']);

/**
 * The ratings of one finalised evaluation, summed per standard (or value) and
 * perspective. Written once when the evaluation is finalised; like the evaluation it
 * never changes. Respondents are disjoint across perspectives (one perspective per
 * respondent per evaluation), so every column adds up across perspectives.
 */
export const evaluationScore = pgTable(
	'evaluation_score',
	{
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		kind: scoreKind().notNull(),
		key: text().notNull(),
		perspective: perspective().notNull(),
		// Distinct respondents who answered (a "niet beoordeeld" answer counts as answering).
		respondents: integer().notNull(),
		// Ratings with a level (not "niet beoordeeld"), the sum of their ranks, and how many meet the standard.
		ratedCount: integer().notNull(),
		rankSum: integer().notNull(),
		meetsCount: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.evaluationId, t.kind, t.key, t.perspective] })]
);

/**
 * Where a subject (a team, or an institution as a whole) stands now on one value or
 * standard: the figures of the latest finalised, not superseded evaluation that
 * covered it, all perspectives together. Replaced when a newer evaluation is finalised
 * or a revision supersedes the one shown.
 */
export const subjectPosition = pgTable(
	'subject_position',
	{
		// The team id for a team, the institution id for an institution.
		subjectId: uuid().notNull(),
		subjectLevel: subjectLevel().notNull(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		teamId: uuid().references(() => team.id),
		kind: scoreKind().notNull(),
		key: text().notNull(),
		evaluationId: uuid()
			.notNull()
			.references(() => evaluation.id, { onDelete: 'cascade' }),
		modelVersionId: uuid()
			.notNull()
			.references(() => modelVersion.id),
		instrumentTypeId: uuid()
			.notNull()
			.references(() => instrumentType.id),
		// The day the evaluation took place (its end date, else the day it was finalised): "latest" orders by it.
		heldOn: date({ mode: 'string' }).notNull(),
		finalisedAt: timestamp({ withTimezone: true }).notNull(),
		respondents: integer().notNull(),
		ratedCount: integer().notNull(),
		rankSum: integer().notNull(),
		// The scale level nearest to the mean rank (ties to the lower level); null when nothing was rated.
		positionRank: smallint(),
		// The rank of "op de standaard" in the evaluation's model version.
		standardRank: smallint().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.subjectId, t.kind, t.key] }),
		index().on(t.institutionId, t.kind, t.key),
		index().on(t.evaluationId)
	]
);

/**
 * How many teams of an institution stand at each scale level per value (latest
 * positions). The network view sums these; an institution's own row is only shown
 * separately when it published and the group is large enough.
 */
export const institutionDistribution = pgTable(
	'institution_distribution',
	{
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		valueKey: text().notNull(),
		positionRank: smallint().notNull(),
		standardRank: smallint().notNull(),
		teams: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.institutionId, t.valueKey, t.positionRank, t.standardRank] })]
);

/**
 * Finalised, not superseded evaluations per subject, instrument and year (the year the
 * evaluation ended, else was finalised): the coverage view of an institution.
 */
export const subjectInstrumentUsage = pgTable(
	'subject_instrument_usage',
	{
		subjectId: uuid().notNull(),
		subjectLevel: subjectLevel().notNull(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		teamId: uuid().references(() => team.id),
		instrumentTypeId: uuid()
			.notNull()
			.references(() => instrumentType.id),
		year: smallint().notNull(),
		evaluations: integer().notNull(),
		lastFinalisedAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.subjectId, t.instrumentTypeId, t.year] }),
		index().on(t.institutionId, t.year)
	]
);

/** The same per institution (evaluations and distinct subjects): the network's instrument counts. */
export const institutionInstrumentUsage = pgTable(
	'institution_instrument_usage',
	{
		institutionId: uuid()
			.notNull()
			.references(() => institution.id),
		instrumentTypeId: uuid()
			.notNull()
			.references(() => instrumentType.id),
		year: smallint().notNull(),
		evaluations: integer().notNull(),
		subjects: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.institutionId, t.instrumentTypeId, t.year] })]
);

/**
 * A counter per institution, raised in the same transaction as every change of its
 * roll-ups (a finalisation, a full rebuild). Views built from roll-ups alone (the
 * network view) are kept in memory under the sum of these counters: a committed
 * finalisation changes the sum, so the next request reads afresh — on every instance.
 */
export const rollupGeneration = pgTable('rollup_generation', {
	institutionId: uuid()
		.primaryKey()
		.references(() => institution.id),
	generation: bigint({ mode: 'number' }).notNull().default(0),
	changedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});
