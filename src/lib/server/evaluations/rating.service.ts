import { and, asc, countDistinct, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import '../../domain/zod-nl.ts';
import type { Database, Tx } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { conflict, fieldErrorsOf, invalid, type FieldError } from '../http/errors.ts';
import * as modelVersions from '../model/model.queries.ts';
import { network } from '../organisation/organisation.table.ts';
import { can, type Actor } from '../policy/policy.ts';
import { statusLabels } from '../../domain/evaluations/evaluation-input.ts';
import type { Capacity, RatingLevel, ReferenceValue, Standard } from '../../domain/model/model-document.ts';
import { evaluationScope, requireEvaluation, type EvaluationRow } from './evaluation.access.ts';
import { evaluationPolicy } from './evaluation.policy.ts';
import { evaluation, rating } from './evaluation.table.ts';
import { actorPerspective, perspectives, type Perspective } from './perspective.ts';

export const MAX_MOTIVATION = 2000;

/** One standard's rating as a form or API client sends it; `version` is the stored version the form started from. */
export const ratingEntrySchema = z.object({
	standardKey: z.string().trim().min(1, 'Kies een standaard.').max(100),
	levelKey: z
		.string({ error: "Kies een niveau of 'niet beoordeeld'." })
		.trim()
		.min(1)
		.max(100)
		.nullable()
		.describe('null = niet beoordeeld'),
	motivation: z
		.string()
		.trim()
		.max(MAX_MOTIVATION, `De toelichting mag hoogstens ${MAX_MOTIVATION} tekens hebben.`)
		.default(''),
	version: z
		.int()
		.min(1)
		.optional()
		.describe('De opgeslagen versie waarvan het formulier uitging; weglaten voor een nieuwe beoordeling.')
});
export type RatingEntry = z.input<typeof ratingEntrySchema>;

export const saveRatingsSchema = z.object({
	ratings: z.array(ratingEntrySchema).min(1, 'Geef minstens één beoordeling.').max(500)
});

// ---------------------------------------------------------------------------------------
// The model as the evaluation sees it

export type ScopeStandard = Pick<
	Standard,
	'key' | 'title' | 'description' | 'guidingQuestions' | 'indicators' | 'valueKeys'
>;

/** The parts of the evaluation's model version that rating and questionnaires need, limited to the scope. */
export interface ScopeModel {
	standards: ScopeStandard[];
	values: Pick<ReferenceValue, 'key' | 'name'>[];
	capacities: Pick<Capacity, 'key' | 'name' | 'description'>[];
	levels: Pick<RatingLevel, 'key' | 'label' | 'rank'>[];
	notRatedLabel: string;
	standardLevelKey: string;
}

/** The standards in scope (in the model's order), the scale and the capacities of the evaluation's model version. */
export async function scopeModel(
	db: Tx,
	row: Pick<EvaluationRow, 'modelVersionId' | 'scopeStandardKeys'>
): Promise<ScopeModel> {
	const version = await modelVersions.find(db, row.modelVersionId);
	if (!version) throw new Error(`model version ${row.modelVersionId} missing`);
	const doc = version.document;
	const inScope = new Set(row.scopeStandardKeys);
	return {
		standards: doc.standards
			.filter((s) => inScope.has(s.key))
			.map(({ key, title, description, guidingQuestions, indicators, valueKeys }) => ({
				key,
				title,
				description,
				guidingQuestions,
				indicators,
				valueKeys
			})),
		values: doc.values.map(({ key, name }) => ({ key, name })),
		capacities: doc.capacities.map(({ key, name, description }) => ({ key, name, description })),
		levels: doc.ratingScale.levels.map(({ key, label, rank }) => ({ key, label, rank })),
		notRatedLabel: doc.ratingScale.notRatedLabel,
		standardLevelKey: doc.ratingScale.standardLevelKey
	};
}

/** Standards grouped under their first reference value, in the model's order of values. */
export function standardsByValue(model: ScopeModel) {
	return model.values
		.map((value) => ({
			value,
			standards: model.standards.filter((s) => s.valueKeys[0] === value.key)
		}))
		.filter((group) => group.standards.length > 0);
}

/** Field errors for entries whose standard is not in scope or whose level is not on the scale. */
export function checkEntries(
	model: ScopeModel,
	entries: { standardKey: string; levelKey: string | null }[],
	field: (index: number, name: string) => string
): FieldError[] {
	const errors: FieldError[] = [];
	const standards = new Set(model.standards.map((s) => s.key));
	const levels = new Set(model.levels.map((l) => l.key));
	const seen = new Set<string>();
	const levelNames = [...model.levels.map((l) => `'${l.label}'`), `'${model.notRatedLabel}'`].join(', ');
	entries.forEach((entry, i) => {
		if (!standards.has(entry.standardKey)) {
			errors.push({
				field: field(i, 'standardKey'),
				message: `De standaard '${entry.standardKey}' hoort niet bij deze evaluatie.`
			});
		} else if (seen.has(entry.standardKey)) {
			errors.push({
				field: field(i, 'standardKey'),
				message: `De standaard '${entry.standardKey}' komt meer dan eens voor.`
			});
		}
		seen.add(entry.standardKey);
		if (entry.levelKey !== null && !levels.has(entry.levelKey)) {
			errors.push({
				field: field(i, 'levelKey'),
				message: `'${entry.levelKey}' is geen niveau van de beoordelingsschaal; kies uit ${levelNames}.`
			});
		}
	});
	return errors;
}

/** Takes a share lock on the evaluation, so a status change waits until this write is done. */
async function lockStatus(tx: Tx, id: string): Promise<EvaluationRow['status']> {
	const [row] = await tx
		.select({ status: evaluation.status })
		.from(evaluation)
		.where(eq(evaluation.id, id))
		.for('share');
	return row!.status;
}

/** Rating is only open while the evaluation is in execution (uitvoering). */
function assertExecution(status: EvaluationRow['status']): void {
	if (status !== 'execution') {
		throw conflict(
			`Beoordelen kan alleen in de fase uitvoering; deze evaluatie is in de fase ${statusLabels[status]}.`
		);
	}
}

// ---------------------------------------------------------------------------------------
// Saving

export interface StoredRating {
	standardKey: string;
	levelKey: string | null;
	motivation: string;
	version: number;
	updatedAt: Date;
}

export interface RatingConflict {
	standardKey: string;
	/** What this save tried to store (kept, so the page can offer it again). */
	submitted: { levelKey: string | null; motivation: string; version: number | null };
	/** What is stored now (saved meanwhile, e.g. in another tab). */
	stored: StoredRating;
}

export interface SaveRatingsResult {
	perspective: Perspective;
	saved: StoredRating[];
	unchanged: string[];
	conflicts: RatingConflict[];
}

const storedColumns = {
	standardKey: rating.standardKey,
	levelKey: rating.levelKey,
	motivation: rating.motivation,
	version: rating.version,
	updatedAt: rating.updatedAt
};

const sameValue = (a: { levelKey: string | null; motivation: string }, b: typeof a) =>
	a.levelKey === b.levelKey && a.motivation === b.motivation;

/**
 * Saves the actor's ratings of standards in scope, each entry on its own: an entry whose
 * version differs from the stored one is a conflict (nothing of it is written, the stored
 * value is returned), the others are saved. Throws 404/403, 409 when the evaluation is not in
 * execution, 422 with a field error per wrong standard or level.
 */
export async function saveRatings(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	entries: RatingEntry[]
): Promise<SaveRatingsResult> {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.rate');
	const model = await scopeModel(db, row);
	const input = saveRatingsSchema.safeParse({ ratings: entries });
	// Wrong levels and standards are reported together with malformed entries, so a form shows every error at once.
	const checkable = (Array.isArray(entries) ? entries : []).map((e) => ({
		standardKey: typeof e?.standardKey === 'string' ? e.standardKey.trim() : '',
		levelKey: typeof e?.levelKey === 'string' ? e.levelKey.trim() : null
	}));
	const errors = [
		...(input.success ? [] : fieldErrorsOf(input.error)),
		...checkEntries(model, checkable, (i, name) => `ratings.${i}.${name}`)
	].filter((e, i, all) => all.findIndex((o) => o.field === e.field) === i);
	if (errors.length || !input.success) throw invalid(errors);
	const parsed = input.data.ratings;
	const rankOf = new Map(model.levels.map((l) => [l.key, l.rank]));
	const who = actor!;

	return db.transaction(async (tx) => {
		assertExecution(await lockStatus(tx, row.id));
		const perspective = await actorPerspective(tx, who, row);
		const before = new Map(
			(
				await tx
					.select(storedColumns)
					.from(rating)
					.where(
						and(
							eq(rating.evaluationId, row.id),
							eq(rating.respondent, who.userId),
							inArray(
								rating.standardKey,
								parsed.map((e) => e.standardKey)
							)
						)
					)
			).map((r) => [r.standardKey, r])
		);
		const result: SaveRatingsResult = { perspective, saved: [], unchanged: [], conflicts: [] };
		for (const entry of parsed) {
			const stored = before.get(entry.standardKey);
			if (stored && stored.version === entry.version && sameValue(stored, entry)) {
				result.unchanged.push(entry.standardKey);
				continue;
			}
			// One statement decides: a new row, or an update of exactly the version the form
			// started from. A first save loses to a row that appeared meanwhile (version -1 never matches).
			const [written] = await tx
				.insert(rating)
				.values({
					evaluationId: row.id,
					standardKey: entry.standardKey,
					perspective,
					respondent: who.userId,
					levelKey: entry.levelKey,
					rank: entry.levelKey === null ? null : rankOf.get(entry.levelKey)!,
					motivation: entry.motivation
				})
				.onConflictDoUpdate({
					target: [rating.evaluationId, rating.standardKey, rating.respondent],
					set: {
						perspective,
						levelKey: sql`excluded.level_key`,
						rank: sql`excluded.rank`,
						motivation: sql`excluded.motivation`,
						version: sql`${rating.version} + 1`,
						updatedAt: sql`now()`
					},
					setWhere: sql`${rating.version} = ${entry.version ?? -1}`
				})
				.returning(storedColumns);
			if (written) {
				result.saved.push(written);
				continue;
			}
			const [current] = await tx
				.select(storedColumns)
				.from(rating)
				.where(
					and(
						eq(rating.evaluationId, row.id),
						eq(rating.respondent, who.userId),
						eq(rating.standardKey, entry.standardKey)
					)
				);
			// The same answer saved twice (a double click, two tabs agreeing) is not a conflict.
			if (sameValue(current!, entry)) result.unchanged.push(entry.standardKey);
			else
				result.conflicts.push({
					standardKey: entry.standardKey,
					submitted: {
						levelKey: entry.levelKey,
						motivation: entry.motivation,
						version: entry.version ?? null
					},
					stored: current!
				});
		}
		if (result.saved.length || result.conflicts.length) {
			await recordAudit(tx, who, {
				action: 'evaluation.ratings_saved',
				entityType: 'evaluation',
				entityId: row.id,
				institutionId: row.institutionId,
				details: {
					perspective,
					saved: result.saved.map((r) => r.standardKey),
					conflicts: result.conflicts.map((c) => c.standardKey)
				}
			});
		}
		return result;
	});
}

/** One entry, as the contract with the evaluation pages names it; see `saveRatings`. */
export async function saveRating(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	entry: RatingEntry
) {
	return saveRatings(db, actor, evaluationId, [entry]);
}

// ---------------------------------------------------------------------------------------
// Reading

/** The actor's own ratings in an evaluation, with the perspective they rate from. */
export async function listMyRatings(db: Database, actor: Actor | null, evaluationId: string) {
	const row = await requireEvaluation(db, actor, evaluationId);
	return myRatings(db, actor!, row);
}

async function myRatings(db: Database, actor: Actor, row: EvaluationRow) {
	const [items, perspective] = await Promise.all([
		db
			.select(storedColumns)
			.from(rating)
			.where(and(eq(rating.evaluationId, row.id), eq(rating.respondent, actor.userId)))
			.orderBy(asc(rating.standardKey)),
		actorPerspective(db, actor, row)
	]);
	return { perspective, items };
}

export type SummaryGroupKey = Perspective | 'combined';

export interface RatingSummary {
	threshold: number;
	levels: ScopeModel['levels'];
	notRatedLabel: string;
	/** Groups shown: perspectives with enough respondents, then the small ones together when that is enough. */
	groups: { key: SummaryGroupKey; perspectives: Perspective[]; respondents: number }[];
	/** Respondents in perspectives too small to show, even together. */
	hiddenRespondents: number;
	standards: {
		standardKey: string;
		title: string;
		/** Per shown group: counts per level key, and `notRated`. */
		groups: { key: SummaryGroupKey; counts: Record<string, number>; notRated: number; total: number }[];
	}[];
}

/** The network's anonymity threshold (default 5). */
export async function anonymityThreshold(db: Tx): Promise<number> {
	const [row] = await db.select({ t: network.anonymityThreshold }).from(network).limit(1);
	return row?.t ?? 5;
}

/**
 * Counts per standard × perspective × level. A perspective with fewer respondents than the
 * network's anonymity threshold is never shown separately: the small ones are folded into
 * one combined group, shown only when that group reaches the threshold itself.
 */
export async function ratingSummary(
	db: Database,
	actor: Actor | null,
	evaluationId: string
): Promise<RatingSummary> {
	const row = await requireEvaluation(db, actor, evaluationId);
	return summarise(db, row, await scopeModel(db, row));
}

async function summarise(db: Database, row: EvaluationRow, model: ScopeModel): Promise<RatingSummary> {
	const [threshold, respondents, cells] = await Promise.all([
		anonymityThreshold(db),
		db
			.select({ perspective: rating.perspective, n: countDistinct(rating.respondent) })
			.from(rating)
			.where(eq(rating.evaluationId, row.id))
			.groupBy(rating.perspective),
		db
			.select({
				standardKey: rating.standardKey,
				perspective: rating.perspective,
				levelKey: rating.levelKey,
				n: sql<number>`count(*)::int`
			})
			.from(rating)
			.where(eq(rating.evaluationId, row.id))
			.groupBy(rating.standardKey, rating.perspective, rating.levelKey)
	]);
	const byPerspective = new Map(respondents.map((r) => [r.perspective, r.n]));
	const ordered = perspectives.filter((p) => (byPerspective.get(p) ?? 0) > 0);
	const shown = ordered.filter((p) => byPerspective.get(p)! >= threshold);
	const small = ordered.filter((p) => byPerspective.get(p)! < threshold);
	const smallTotal = small.reduce((sum, p) => sum + byPerspective.get(p)!, 0);
	const groups: RatingSummary['groups'] = shown.map((p) => ({
		key: p,
		perspectives: [p],
		respondents: byPerspective.get(p)!
	}));
	const combinedShown = smallTotal >= threshold && small.length > 0;
	if (combinedShown) groups.push({ key: 'combined', perspectives: small, respondents: smallTotal });
	const groupOf = (p: Perspective): SummaryGroupKey | null =>
		shown.includes(p) ? p : combinedShown ? 'combined' : null;

	return {
		threshold,
		levels: model.levels,
		notRatedLabel: model.notRatedLabel,
		groups,
		hiddenRespondents: combinedShown ? 0 : smallTotal,
		standards: model.standards.map((s) => ({
			standardKey: s.key,
			title: s.title,
			groups: groups.map((g) => {
				const counts: Record<string, number> = Object.fromEntries(model.levels.map((l) => [l.key, 0]));
				let notRated = 0;
				for (const c of cells) {
					if (c.standardKey !== s.key || groupOf(c.perspective) !== g.key) continue;
					if (c.levelKey === null) notRated += c.n;
					else if (c.levelKey in counts) counts[c.levelKey]! += c.n;
				}
				const total = notRated + Object.values(counts).reduce((a, b) => a + b, 0);
				return { key: g.key, counts, notRated, total };
			})
		}))
	};
}

/** Everything the rating page shows: the evaluation, the standards in scope by value, the actor's ratings, the summary. */
export async function ratingForm(db: Database, actor: Actor | null, evaluationId: string) {
	const row = await requireEvaluation(db, actor, evaluationId);
	const model = await scopeModel(db, row);
	const [mine, summary] = await Promise.all([myRatings(db, actor!, row), summarise(db, row, model)]);
	return {
		evaluation: { id: row.id, title: row.title, status: row.status },
		mayRate:
			row.status === 'execution' && can(actor, evaluationPolicy, 'evaluation.rate', evaluationScope(row)),
		model,
		groups: standardsByValue(model),
		perspective: mine.perspective,
		mine: mine.items,
		summary
	};
}
