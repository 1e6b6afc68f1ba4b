import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';
import { capacityAssessment, evaluation, finding, questionnaireLink, rating } from './evaluation.table.ts';
import {
	createQuestionnaireLinks,
	hashToken,
	listQuestionnaireLinks,
	MAX_LINKS_PER_EVALUATION,
	openQuestionnaire,
	revokeOpenLinks,
	revokeQuestionnaireLink,
	submitQuestionnaire,
	type QuestionnaireAnswer
} from './questionnaire.service.ts';
import { scopeModel } from './rating.service.ts';

const { db, world } = useWorld();

const build = (status: 'execution' | 'preparation' | 'planned' | 'reporting' = 'execution') =>
	buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id, status });

async function fullAnswer(evaluationId: string): Promise<QuestionnaireAnswer> {
	const [row] = await db().select().from(evaluation).where(eq(evaluation.id, evaluationId));
	const model = await scopeModel(db(), row!);
	return {
		ratings: model.standards.map((s, i) => ({
			standardKey: s.key,
			levelKey: i === 0 ? null : 'at-standard',
			motivation: i === 1 ? 'De docenten kennen ons goed.' : ''
		})),
		capacities: [
			{ capacityKey: 'learning', effect: 'helps' },
			{ capacityKey: 'steering', effect: 'hinders' }
		],
		finding: { kind: 'strength', text: 'Stages zijn goed geregeld.' }
	};
}

const oneLink = async (evaluationId: string, perspective: 'student' | 'work_field' = 'student') =>
	(
		await createQuestionnaireLinks(db(), world.people.leadA1.actor, evaluationId, { perspective, count: 1 })
	)[0]!;

describe('questionnaire links', () => {
	it('returns the tokens once and stores only their sha256 hash', async () => {
		const e = await build('preparation');
		const links = await createQuestionnaireLinks(db(), world.people.leadA1.actor, e.id, {
			perspective: 'student',
			count: 3
		});
		expect(links).toHaveLength(3);
		const rows = await db().select().from(questionnaireLink).where(eq(questionnaireLink.evaluationId, e.id));
		for (const link of links) {
			expect(link.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
			const row = rows.find((r) => r.id === link.id)!;
			expect(row.tokenHash).toBe(hashToken(link.token));
			expect(row.tokenHash).not.toContain(link.token);
			expect(JSON.stringify(row)).not.toContain(link.token);
		}
		expect(new Set(links.map((l) => l.token)).size).toBe(3);
		const list = await listQuestionnaireLinks(db(), world.people.leadA1.actor, e.id);
		expect(JSON.stringify(list)).not.toMatch(new RegExp(links.map((l) => l.token).join('|')));
		expect(list.counts).toEqual([{ perspective: 'student', total: 3, answered: 0, revoked: 0, open: 3 }]);
	});

	it('keeps the number of links per evaluation bounded', async () => {
		const e = await build('preparation');
		await db().execute(
			sql`insert into questionnaire_link (evaluation_id, perspective, token_hash)
				select ${e.id}, 'student', md5(g::text) from generate_series(1, ${MAX_LINKS_PER_EVALUATION - 1}) g`
		);
		const lead = world.people.leadA1.actor;
		const tooMany = await failure(
			createQuestionnaireLinks(db(), lead, e.id, { perspective: 'student', count: 2 })
		);
		expect(tooMany.status).toBe(409);
		expect(tooMany.message).toContain(`hoogstens ${MAX_LINKS_PER_EVALUATION}`);
		expect(await countRows(db(), questionnaireLink, eq(questionnaireLink.evaluationId, e.id))).toBe(
			MAX_LINKS_PER_EVALUATION - 1
		);
		expect(
			await createQuestionnaireLinks(db(), lead, e.id, { perspective: 'student', count: 1 })
		).toHaveLength(1);
	});

	it('refuses a count outside 1..500, a perspective outside the plan, the wrong phase and the wrong person', async () => {
		const e = await build('preparation');
		const lead = world.people.leadA1.actor;
		for (const count of [0, 501, 'veel']) {
			const error = await failure(
				createQuestionnaireLinks(db(), lead, e.id, { perspective: 'student', count })
			);
			expect(error.status).toBe(422);
			expect(error.fieldErrors[0]!.field).toBe('count');
		}
		const board = await failure(
			createQuestionnaireLinks(db(), lead, e.id, { perspective: 'board', count: 1 })
		);
		expect(board.fieldErrors[0]).toEqual({
			field: 'perspective',
			message:
				'Het perspectief bestuur staat niet in het plan van deze evaluatie; kies uit docent, student, werkveld.'
		});
		const reporting = await build('reporting');
		expect(
			(
				await failure(
					createQuestionnaireLinks(db(), lead, reporting.id, { perspective: 'student', count: 1 })
				)
			).status
		).toBe(409);
		// A team member rates but does not hand out links; another institution does not see it at all.
		expect(
			(
				await failure(
					createQuestionnaireLinks(db(), world.people.memberA1.actor, e.id, {
						perspective: 'student',
						count: 1
					})
				)
			).status
		).toBe(403);
		expect(
			(
				await failure(
					createQuestionnaireLinks(db(), world.people.qoB.actor, e.id, { perspective: 'student', count: 1 })
				)
			).status
		).toBe(404);
		expect((await failure(listQuestionnaireLinks(db(), world.people.qoB.actor, e.id))).status).toBe(404);
		expect(await countRows(db(), questionnaireLink, eq(questionnaireLink.evaluationId, e.id))).toBe(0);
	});
});

describe('answering a questionnaire', () => {
	it("shows the evaluation, subject, standards and scale; stores the answers anonymously in the link's perspective", async () => {
		const e = await build();
		const link = await oneLink(e.id, 'work_field');
		const view = await openQuestionnaire(db(), link.token);
		expect(view).toMatchObject({
			title: e.title,
			institutionName: 'ROC Alfa',
			teamName: 'Zorg A',
			perspective: 'work_field'
		});
		expect(view.model.levels.map((l) => l.label)).toContain('op de standaard');
		expect(view.model.capacities.length).toBeGreaterThan(0);

		await submitQuestionnaire(db(), link.token, await fullAnswer(e.id));
		const ratings = await db().select().from(rating).where(eq(rating.evaluationId, e.id));
		expect(ratings.length).toBe(view.model.standards.length);
		expect(new Set(ratings.map((r) => r.respondent))).toEqual(new Set([`q:${link.id}`]));
		expect(new Set(ratings.map((r) => r.perspective))).toEqual(new Set(['work_field']));
		expect(ratings.filter((r) => r.levelKey === null)).toHaveLength(1);
		const capacities = await db()
			.select()
			.from(capacityAssessment)
			.where(eq(capacityAssessment.evaluationId, e.id));
		expect(capacities.map((c) => [c.capacityKey, c.effect]).sort()).toEqual([
			['learning', 'helps'],
			['steering', 'hinders']
		]);
		const [f] = await db().select().from(finding).where(eq(finding.evaluationId, e.id));
		expect(f).toMatchObject({ kind: 'strength', perspective: 'work_field', authorId: null });
		const [stored] = await db().select().from(questionnaireLink).where(eq(questionnaireLink.id, link.id));
		expect(stored!.answeredAt).not.toBeNull();
		const list = await listQuestionnaireLinks(db(), world.people.leadA1.actor, e.id);
		expect(list.counts).toEqual([{ perspective: 'work_field', total: 1, answered: 1, revoked: 0, open: 0 }]);
	});

	it('accepts a token once: a second submit and a second visit say it was already filled in', async () => {
		const e = await build();
		const link = await oneLink(e.id);
		await submitQuestionnaire(db(), link.token, await fullAnswer(e.id));
		const again = await failure(submitQuestionnaire(db(), link.token, await fullAnswer(e.id)));
		expect(again).toMatchObject({ status: 410, code: 'answered' });
		expect(again.message).toMatch(/al ingevuld/);
		expect(await failure(openQuestionnaire(db(), link.token))).toMatchObject({
			status: 410,
			code: 'answered'
		});
		expect(
			new Set(
				(await db().select().from(rating).where(eq(rating.evaluationId, e.id))).map((r) => r.respondent)
			).size
		).toBe(1);
	});

	it('counts a simultaneous double submit once', async () => {
		const e = await build();
		const link = await oneLink(e.id);
		const answer = await fullAnswer(e.id);
		const results = await Promise.allSettled([
			submitQuestionnaire(db(), link.token, answer),
			submitQuestionnaire(db(), link.token, answer),
			submitQuestionnaire(db(), link.token, answer)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected')) {
			expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 410, code: 'answered' });
		}
		const ratings = await db().select().from(rating).where(eq(rating.evaluationId, e.id));
		expect(ratings.length).toBe(answer.ratings.length);
		expect(await countRows(db(), finding, eq(finding.evaluationId, e.id))).toBe(1);
	});

	it('refuses unknown, malformed and revoked tokens, and an evaluation that is not in execution', async () => {
		const e = await build();
		expect(await failure(openQuestionnaire(db(), 'A'.repeat(22)))).toMatchObject({ status: 404 });
		expect(await failure(openQuestionnaire(db(), "'; drop table rating; --"))).toMatchObject({ status: 404 });
		const link = await oneLink(e.id);
		await revokeQuestionnaireLink(db(), world.people.leadA1.actor, e.id, link.id);
		expect(await failure(openQuestionnaire(db(), link.token))).toMatchObject({
			status: 410,
			code: 'revoked'
		});
		expect(await failure(submitQuestionnaire(db(), link.token, await fullAnswer(e.id)))).toMatchObject({
			status: 410
		});

		const prep = await build('preparation');
		const early = await oneLink(prep.id);
		expect(await failure(openQuestionnaire(db(), early.token))).toMatchObject({
			status: 409,
			code: 'not_open'
		});
		expect(await failure(submitQuestionnaire(db(), early.token, await fullAnswer(prep.id)))).toMatchObject({
			status: 409
		});
		// The link survives a refused visit: once the evaluation runs, it works.
		await db().update(evaluation).set({ status: 'execution' }).where(eq(evaluation.id, prep.id));
		await submitQuestionnaire(db(), early.token, await fullAnswer(prep.id));
		expect(await countRows(db(), rating, eq(rating.evaluationId, e.id))).toBe(0);
	});

	it('names missing standards, unknown levels and capacities per field, and keeps the link unused', async () => {
		const e = await build();
		const link = await oneLink(e.id);
		const answer = await fullAnswer(e.id);
		const bad: QuestionnaireAnswer = {
			...answer,
			ratings: [{ ...answer.ratings[0]!, levelKey: 'heel-goed' }, ...answer.ratings.slice(2)],
			capacities: [{ capacityKey: 'charisma', effect: 'helps' }]
		};
		const error = await failure(submitQuestionnaire(db(), link.token, bad));
		expect(error.status).toBe(422);
		expect(error.fieldErrors.map((f) => f.field)).toEqual([
			'ratings.0.levelKey',
			'ratings',
			'capacities.0.capacityKey'
		]);
		expect(error.fieldErrors[1]!.message).toMatch(/^Beantwoord elke standaard/);
		const unchosen = await failure(
			submitQuestionnaire(db(), link.token, {
				...answer,
				ratings: answer.ratings.map((r, i) => (i === 0 ? { ...r, levelKey: undefined as never } : r))
			})
		);
		expect(unchosen.fieldErrors).toEqual([
			{ field: 'ratings.0.levelKey', message: "Kies een niveau of 'niet beoordeeld'." }
		]);
		const [row] = await db().select().from(questionnaireLink).where(eq(questionnaireLink.id, link.id));
		expect(row!.answeredAt).toBeNull();
		expect(await countRows(db(), rating, eq(rating.evaluationId, e.id))).toBe(0);
	});

	it('revokes: one link (not once answered), or all open links of a perspective', async () => {
		const e = await build();
		const lead = world.people.leadA1.actor;
		const links = await createQuestionnaireLinks(db(), lead, e.id, { perspective: 'student', count: 3 });
		await submitQuestionnaire(db(), links[0]!.token, await fullAnswer(e.id));
		expect(await failure(revokeQuestionnaireLink(db(), lead, e.id, links[0]!.id))).toMatchObject({
			status: 409
		});
		const other = await build();
		expect(await failure(revokeQuestionnaireLink(db(), lead, other.id, links[1]!.id))).toMatchObject({
			status: 404
		});
		expect(
			await failure(revokeQuestionnaireLink(db(), world.people.qoB.actor, e.id, links[1]!.id))
		).toMatchObject({
			status: 404
		});
		expect(await revokeOpenLinks(db(), lead, e.id, { perspective: 'student' })).toBe(2);
		const list = await listQuestionnaireLinks(db(), lead, e.id);
		expect(list.counts).toEqual([{ perspective: 'student', total: 3, answered: 1, revoked: 2, open: 0 }]);
	});
});
