import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import '../../domain/zod-nl.ts';
import type { Database, Tx } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError, conflict, invalid, notFound, type FieldError } from '../http/errors.ts';
import { parseInput, requireId } from '../http/input.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import type { Actor } from '../policy/policy.ts';
import {
	perspectiveLabels,
	perspectiveSchema,
	statusLabels,
	type Perspective
} from '../../domain/evaluations/evaluation-input.ts';
import { assertNotFinalised, requireEvaluation } from './evaluation.access.ts';
import { capacityAssessment, evaluation, finding, questionnaireLink, rating } from './evaluation.table.ts';
import { checkEntries, MAX_MOTIVATION, scopeModel, standardsByValue } from './rating.service.ts';

export const MAX_LINKS_PER_BATCH = 500;
export const MAX_QUESTIONNAIRE_FINDING = 2000;

// 128 random bits as base64url: 22 characters, nothing to guess and nothing to enumerate.
const tokenPattern = /^[A-Za-z0-9_-]{22}$/;

/** The hash under which a token is stored; the token itself never is. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A short reference to a link (the start of its id), to find it in a list without the token. */
export const linkCode = (id: string): string => id.slice(0, 8);

export const createLinksSchema = z.object({
	perspective: perspectiveSchema,
	count: z.coerce
		.number({ error: 'Vul een aantal in.' })
		.int('Vul een heel aantal in.')
		.min(1, 'Maak minstens één link.')
		.max(MAX_LINKS_PER_BATCH, `Maak hoogstens ${MAX_LINKS_PER_BATCH} links tegelijk.`)
});
export type CreateLinksInput = z.input<typeof createLinksSchema>;

export interface NewQuestionnaireLink {
	id: string;
	code: string;
	perspective: Perspective;
	/** Shown once, right after creation; only its hash is stored. */
	token: string;
}

/**
 * Creates `count` questionnaire links for one perspective and returns their tokens, the
 * only time they exist outside the recipient's hands. Only in preparation or execution.
 * Throws 404/403, 409 in another phase, 422 for a perspective outside the plan or a bad count.
 */
/** At most this many questionnaire links per evaluation (revoked ones count too). */
export const MAX_LINKS_PER_EVALUATION = 5000;

export async function createQuestionnaireLinks(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	input: CreateLinksInput | Record<string, unknown>
): Promise<NewQuestionnaireLink[]> {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.manage_questionnaires');
	const { perspective, count: n } = parseInput(createLinksSchema, input);
	if (row.perspectives.length && !row.perspectives.includes(perspective)) {
		throw invalid([
			{
				field: 'perspective',
				message: `Het perspectief ${perspectiveLabels[perspective]} staat niet in het plan van deze evaluatie; kies uit ${row.perspectives.map((p) => perspectiveLabels[p]).join(', ')}.`
			}
		]);
	}
	return db.transaction(async (tx) => {
		const [locked] = await tx
			.select({ status: evaluation.status })
			.from(evaluation)
			.where(eq(evaluation.id, row.id))
			.for('share');
		if (locked!.status !== 'preparation' && locked!.status !== 'execution') {
			throw conflict(
				`Vragenlijstlinks maakt u in de fase voorbereiding of uitvoering; deze evaluatie is in de fase ${statusLabels[locked!.status]}.`
			);
		}
		// A bound per evaluation: a whole mbo college's students fit, an endless loop does not.
		const [{ existing } = { existing: 0 }] = await tx
			.select({ existing: count() })
			.from(questionnaireLink)
			.where(eq(questionnaireLink.evaluationId, row.id));
		if (existing + n > MAX_LINKS_PER_EVALUATION) {
			throw conflict(
				`Een evaluatie heeft hoogstens ${MAX_LINKS_PER_EVALUATION} vragenlijstlinks; er zijn er al ${existing}. Trek ongebruikte links in of maak er minder.`
			);
		}
		const tokens = Array.from({ length: n }, () => randomBytes(16).toString('base64url'));
		const rows = await tx
			.insert(questionnaireLink)
			.values(
				tokens.map((token) => ({
					evaluationId: row.id,
					perspective,
					tokenHash: hashToken(token),
					createdBy: actor!.userId
				}))
			)
			.returning({ id: questionnaireLink.id, tokenHash: questionnaireLink.tokenHash });
		const idByHash = new Map(rows.map((r) => [r.tokenHash, r.id]));
		await recordAudit(tx, actor, {
			action: 'evaluation.questionnaire_links_created',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { perspective, count: n }
		});
		return tokens.map((token) => {
			const id = idByHash.get(hashToken(token))!;
			return { id, code: linkCode(id), perspective, token };
		});
	});
}

export const listLinksQuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(100_000).default(1),
	pageSize: z.coerce.number().int().min(1).max(500).default(100)
});

/** Counts per perspective (open, answered, revoked) and the links themselves, never their tokens. */
export async function listQuestionnaireLinks(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	options: { page: number; pageSize: number } = { page: 1, pageSize: 100 }
) {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.manage_questionnaires');
	const where = eq(questionnaireLink.evaluationId, row.id);
	const [counts, items, [total]] = await Promise.all([
		db
			.select({
				perspective: questionnaireLink.perspective,
				total: count(),
				answered: sql<number>`count(${questionnaireLink.answeredAt})::int`,
				revoked: sql<number>`count(*) filter (where ${questionnaireLink.revokedAt} is not null and ${questionnaireLink.answeredAt} is null)::int`
			})
			.from(questionnaireLink)
			.where(where)
			.groupBy(questionnaireLink.perspective)
			.orderBy(asc(questionnaireLink.perspective)),
		db
			.select({
				id: questionnaireLink.id,
				perspective: questionnaireLink.perspective,
				createdAt: questionnaireLink.createdAt,
				answeredAt: questionnaireLink.answeredAt,
				revokedAt: questionnaireLink.revokedAt
			})
			.from(questionnaireLink)
			.where(where)
			.orderBy(asc(questionnaireLink.createdAt), asc(questionnaireLink.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(questionnaireLink).where(where)
	]);
	return {
		evaluation: { id: row.id, title: row.title, status: row.status, perspectives: row.perspectives },
		counts: counts.map((c) => ({ ...c, open: c.total - c.answered - c.revoked })),
		items: items.map((i) => ({ ...i, code: linkCode(i.id) })),
		total: total?.n ?? 0,
		page: options.page,
		pageSize: options.pageSize
	};
}

/** Revokes one unanswered link (idempotent). Throws 404 for a link of another evaluation, 409 once answered. */
export async function revokeQuestionnaireLink(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	linkId: string
) {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.manage_questionnaires');
	assertNotFinalised(row);
	requireId(linkId, 'De vragenlijstlink');
	return db.transaction(async (tx) => {
		const [link] = await tx
			.select()
			.from(questionnaireLink)
			.where(and(eq(questionnaireLink.id, linkId), eq(questionnaireLink.evaluationId, row.id)))
			.for('update');
		if (!link) throw notFound('De vragenlijstlink');
		if (link.answeredAt) throw conflict('Deze vragenlijst is al ingevuld; intrekken kan dan niet meer.');
		if (link.revokedAt) return { id: link.id, code: linkCode(link.id), revokedAt: link.revokedAt };
		const [done] = await tx
			.update(questionnaireLink)
			.set({ revokedAt: new Date() })
			.where(eq(questionnaireLink.id, link.id))
			.returning({ revokedAt: questionnaireLink.revokedAt });
		await recordAudit(tx, actor, {
			action: 'evaluation.questionnaire_link_revoked',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { linkId: link.id }
		});
		return { id: link.id, code: linkCode(link.id), revokedAt: done!.revokedAt };
	});
}

/** Revokes every open (unanswered, unrevoked) link of one perspective; returns how many. */
export async function revokeOpenLinks(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	input: { perspective: unknown }
): Promise<number> {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.manage_questionnaires');
	assertNotFinalised(row);
	const { perspective } = parseInput(z.object({ perspective: perspectiveSchema }), input);
	return db.transaction(async (tx) => {
		const revoked = await tx
			.update(questionnaireLink)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(questionnaireLink.evaluationId, row.id),
					eq(questionnaireLink.perspective, perspective),
					isNull(questionnaireLink.answeredAt),
					isNull(questionnaireLink.revokedAt)
				)
			)
			.returning({ id: questionnaireLink.id });
		if (revoked.length) {
			await recordAudit(tx, actor, {
				action: 'evaluation.questionnaire_links_revoked',
				entityType: 'evaluation',
				entityId: row.id,
				institutionId: row.institutionId,
				details: { perspective, count: revoked.length }
			});
		}
		return revoked.length;
	});
}

// ---------------------------------------------------------------------------------------
// The public questionnaire (no account): everything goes through the token.

const unknownLink = () =>
	new AppError(
		404,
		'not_found',
		'Deze vragenlijst bestaat niet. Controleer of u de hele link hebt overgenomen, of vraag een nieuwe link aan.'
	);
const revokedLink = () =>
	new AppError(410, 'revoked', 'Deze vragenlijstlink is ingetrokken en kan niet meer worden gebruikt.');
const answeredLink = () =>
	new AppError(
		410,
		'answered',
		'Deze vragenlijst is al ingevuld. Elke link kan één keer worden gebruikt. Bedankt!'
	);

function notOpen(status: string) {
	return status === 'planned' || status === 'preparation'
		? new AppError(409, 'not_open', 'Deze vragenlijst is nog niet geopend. Probeer het later opnieuw.')
		: new AppError(409, 'closed', 'Deze vragenlijst is gesloten: de evaluatie is afgerond.');
}

async function findLink(db: Tx, token: string) {
	if (!tokenPattern.test(token)) throw unknownLink();
	const [link] = await db
		.select()
		.from(questionnaireLink)
		.where(eq(questionnaireLink.tokenHash, hashToken(token)));
	if (!link) throw unknownLink();
	if (link.answeredAt) throw answeredLink();
	if (link.revokedAt) throw revokedLink();
	return link;
}

/**
 * What a respondent sees for a token: the evaluation's title and subject, the standards in
 * scope by value, the scale and the capacities. Throws 404 (unknown), 410 (revoked or
 * already answered), 409 (evaluation not in execution).
 */
export async function openQuestionnaire(db: Database, token: string) {
	const link = await findLink(db, token);
	const [row] = await db
		.select({
			id: evaluation.id,
			title: evaluation.title,
			status: evaluation.status,
			modelVersionId: evaluation.modelVersionId,
			scopeStandardKeys: evaluation.scopeStandardKeys,
			institutionName: institution.name,
			teamName: team.name
		})
		.from(evaluation)
		.innerJoin(institution, eq(institution.id, evaluation.institutionId))
		.leftJoin(team, eq(team.id, evaluation.teamId))
		.where(eq(evaluation.id, link.evaluationId));
	if (row!.status !== 'execution') throw notOpen(row!.status);
	const model = await scopeModel(db, row!);
	return {
		title: row!.title,
		institutionName: row!.institutionName,
		teamName: row!.teamName,
		perspective: link.perspective,
		model,
		groups: standardsByValue(model)
	};
}

export const questionnaireAnswerSchema = z.object({
	ratings: z
		.array(
			z.object({
				standardKey: z.string().trim().min(1).max(100),
				levelKey: z
					.string({ error: "Kies een niveau of 'niet beoordeeld'." })
					.trim()
					.min(1)
					.max(100)
					.nullable(),
				motivation: z
					.string()
					.trim()
					.max(MAX_MOTIVATION, `De toelichting mag hoogstens ${MAX_MOTIVATION} tekens hebben.`)
					.default('')
			})
		)
		.max(500),
	capacities: z
		.array(
			z.object({
				capacityKey: z.string().trim().min(1).max(100),
				effect: z.enum(['helps', 'hinders'], { error: "Kies 'helpt' of 'belemmert'." })
			})
		)
		.max(30)
		.default([]),
	finding: z
		.object({
			kind: z.enum(['strength', 'concern'], { error: 'Kies sterk punt of aandachtspunt.' }),
			text: z
				.string()
				.trim()
				.min(1, 'Schrijf uw bevinding op, of laat dit deel leeg.')
				.max(
					MAX_QUESTIONNAIRE_FINDING,
					`De bevinding mag hoogstens ${MAX_QUESTIONNAIRE_FINDING} tekens hebben.`
				)
		})
		.nullable()
		.default(null)
});
export type QuestionnaireAnswer = z.input<typeof questionnaireAnswerSchema>;

/**
 * Stores one respondent's answers for a token and marks the link answered, in one
 * transaction: the link is claimed first (UPDATE … WHERE answered_at IS NULL), so of two
 * simultaneous submits exactly one counts. Every standard in scope needs a level or
 * "niet beoordeeld". Throws 404/410/409 as `openQuestionnaire`, 422 per field.
 */
export async function submitQuestionnaire(
	db: Database,
	token: string,
	input: QuestionnaireAnswer | Record<string, unknown>
) {
	const answer = parseInput(questionnaireAnswerSchema, input);
	return db.transaction(async (tx) => {
		const link = await findLink(tx, token);
		const [row] = await tx.select().from(evaluation).where(eq(evaluation.id, link.evaluationId)).for('share');
		if (row!.status !== 'execution') throw notOpen(row!.status);
		const model = await scopeModel(tx, row!);
		const errors: FieldError[] = checkEntries(model, answer.ratings, (i, name) => `ratings.${i}.${name}`);
		const answered = new Set(answer.ratings.map((r) => r.standardKey));
		const missing = model.standards.filter((s) => !answered.has(s.key));
		if (missing.length) {
			errors.push({
				field: 'ratings',
				message: `Beantwoord elke standaard (kies eventueel 'niet beoordeeld'); nog open: ${missing.map((s) => s.title).join(', ')}.`
			});
		}
		const capacities = new Set(model.capacities.map((c) => c.key));
		const seenCapacities = new Set<string>();
		answer.capacities.forEach((c, i) => {
			if (!capacities.has(c.capacityKey) || seenCapacities.has(c.capacityKey)) {
				errors.push({
					field: `capacities.${i}.capacityKey`,
					message: `'${c.capacityKey}' is geen (nog niet gekozen) vermogen van dit model.`
				});
			}
			seenCapacities.add(c.capacityKey);
		});
		if (errors.length) throw invalid(errors);

		const [claimed] = await tx
			.update(questionnaireLink)
			.set({ answeredAt: new Date() })
			.where(
				and(
					eq(questionnaireLink.id, link.id),
					isNull(questionnaireLink.answeredAt),
					isNull(questionnaireLink.revokedAt)
				)
			)
			.returning({ id: questionnaireLink.id });
		// Someone submitted the same link a moment earlier (or it was revoked meanwhile).
		if (!claimed) {
			const [now] = await tx
				.select({ revoked: isNotNull(questionnaireLink.revokedAt) })
				.from(questionnaireLink)
				.where(eq(questionnaireLink.id, link.id));
			throw now?.revoked ? revokedLink() : answeredLink();
		}
		const respondent = `q:${link.id}`;
		const rankOf = new Map(model.levels.map((l) => [l.key, l.rank]));
		await tx.insert(rating).values(
			answer.ratings.map((r) => ({
				evaluationId: row!.id,
				standardKey: r.standardKey,
				perspective: link.perspective,
				respondent,
				levelKey: r.levelKey,
				rank: r.levelKey === null ? null : rankOf.get(r.levelKey)!,
				motivation: r.motivation
			}))
		);
		if (answer.capacities.length) {
			await tx.insert(capacityAssessment).values(
				answer.capacities.map((c) => ({
					evaluationId: row!.id,
					capacityKey: c.capacityKey,
					perspective: link.perspective,
					respondent,
					effect: c.effect
				}))
			);
		}
		if (answer.finding) {
			await tx.insert(finding).values({
				evaluationId: row!.id,
				kind: answer.finding.kind,
				perspective: link.perspective,
				text: answer.finding.text,
				authorId: null
			});
		}
		// Anonymous: the audit trail says a link was used, not by whom.
		await recordAudit(tx, null, {
			action: 'evaluation.questionnaire_answered',
			entityType: 'evaluation',
			entityId: row!.id,
			institutionId: row!.institutionId,
			details: { linkId: link.id, perspective: link.perspective, ratings: answer.ratings.length }
		});
		return { title: row!.title };
	});
}

/** New links as a CSV file for a spreadsheet (UTF-8 with BOM, semicolons, CRLF), as Dutch Excel expects. */
export function linksCsv(links: (NewQuestionnaireLink & { url: string })[]): string {
	const rows = [
		['code', 'perspectief', 'link'],
		...links.map((l) => [l.code, perspectiveLabels[l.perspective], l.url])
	];
	return '\uFEFF' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n';
}
