import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { network } from '../organisation/organisation.table.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';
import { evaluationParticipant, rating } from './evaluation.table.ts';
import { listMyRatings, ratingForm, ratingSummary, saveRatings } from './rating.service.ts';

const { db, world } = useWorld();

const inExecution = (status: 'execution' | 'preparation' | 'reporting' = 'execution') =>
	buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id, status });

const ratingsOf = (evaluationId: string, respondent: string) =>
	db()
		.select()
		.from(rating)
		.where(and(eq(rating.evaluationId, evaluationId), eq(rating.respondent, respondent)));

describe('saveRatings', () => {
	it('stores a level with its rank, and "niet beoordeeld" as null, from the role\'s perspective', async () => {
		const e = await inExecution();
		const result = await saveRatings(db(), world.people.memberA1.actor, e.id, [
			{ standardKey: 'team-visie', levelKey: 'above-standard', motivation: '  Goed op orde. ' },
			{ standardKey: 'team-actueel', levelKey: null, motivation: '' }
		]);
		expect(result.conflicts).toEqual([]);
		expect(result.perspective).toBe('teacher');
		const rows = await ratingsOf(e.id, world.people.memberA1.id);
		const visie = rows.find((r) => r.standardKey === 'team-visie')!;
		expect(visie).toMatchObject({
			levelKey: 'above-standard',
			rank: 3,
			motivation: 'Goed op orde.',
			version: 1
		});
		expect(rows.find((r) => r.standardKey === 'team-actueel')).toMatchObject({ levelKey: null, rank: null });
	});

	it('uses the perspective the plan gave a participant, else the role (quality officer → ondersteuning)', async () => {
		const e = await inExecution();
		await db()
			.insert(evaluationParticipant)
			.values({ evaluationId: e.id, userId: world.people.leadA1.id, perspective: 'work_field' });
		const lead = await saveRatings(db(), world.people.leadA1.actor, e.id, [
			{ standardKey: 'team-visie', levelKey: 'at-standard' }
		]);
		expect(lead.perspective).toBe('work_field');
		const qo = await saveRatings(db(), world.people.qoA.actor, e.id, [
			{ standardKey: 'team-visie', levelKey: 'at-standard' }
		]);
		expect(qo.perspective).toBe('support');
		expect((await ratingsOf(e.id, world.people.qoA.id))[0]!.perspective).toBe('support');
	});

	it.each(['preparation', 'reporting'] as const)('refuses while the evaluation is in %s', async (status) => {
		const e = await inExecution(status);
		const error = await failure(
			saveRatings(db(), world.people.memberA1.actor, e.id, [
				{ standardKey: 'team-visie', levelKey: 'at-standard' }
			])
		);
		expect(error.status).toBe(409);
		expect(error.message).toMatch(/alleen in de fase uitvoering/);
		expect(await countRows(db(), rating, eq(rating.evaluationId, e.id))).toBe(0);
	});

	it('names a standard outside the scope, an unknown level and a long motivation per field, and writes nothing', async () => {
		const e = await inExecution();
		const error = await failure(
			saveRatings(db(), world.people.memberA1.actor, e.id, [
				{ standardKey: 'instelling-koers', levelKey: 'at-standard' },
				{ standardKey: 'team-visie', levelKey: 'voldoende' },
				{ standardKey: 'team-actueel', levelKey: 'at-standard' }
			])
		);
		expect(error.status).toBe(422);
		expect(error.fieldErrors).toEqual([
			{
				field: 'ratings.0.standardKey',
				message: "De standaard 'instelling-koers' hoort niet bij deze evaluatie."
			},
			{
				field: 'ratings.1.levelKey',
				message:
					"'voldoende' is geen niveau van de beoordelingsschaal; kies uit 'onder de standaard', 'op de standaard', 'boven de standaard', 'op ambitieniveau', 'niet beoordeeld'."
			}
		]);
		const long = await failure(
			saveRatings(db(), world.people.memberA1.actor, e.id, [
				{ standardKey: 'team-visie', levelKey: 'at-standard', motivation: 'x'.repeat(2001) }
			])
		);
		expect(long.fieldErrors).toEqual([
			{ field: 'ratings.0.motivation', message: 'De toelichting mag hoogstens 2000 tekens hebben.' }
		]);
		const twice = await failure(
			saveRatings(db(), world.people.memberA1.actor, e.id, [
				{ standardKey: 'team-visie', levelKey: 'at-standard' },
				{ standardKey: 'team-visie', levelKey: 'ambition' }
			])
		);
		expect(twice.fieldErrors[0]!.field).toBe('ratings.1.standardKey');
		// A missing level and an unknown one are reported together, so a form can mark both.
		const both = await failure(
			saveRatings(db(), world.people.memberA1.actor, e.id, [
				{ standardKey: 'team-visie', levelKey: undefined as never },
				{ standardKey: 'team-cultuur', levelKey: 'heel-goed' }
			])
		);
		expect(both.fieldErrors.map((f) => [f.field, f.message.slice(0, 20)])).toEqual([
			['ratings.0.levelKey', "Kies een niveau of '"],
			['ratings.1.levelKey', "'heel-goed' is geen "]
		]);
		expect(await countRows(db(), rating, eq(rating.evaluationId, e.id))).toBe(0);
	});

	it('in two tabs: a save from an older version is a conflict that keeps both values; other entries are saved', async () => {
		const e = await inExecution();
		const me = world.people.memberA1.actor;
		// Both tabs open the empty form. Tab 1 saves first.
		await saveRatings(db(), me, e.id, [
			{ standardKey: 'team-visie', levelKey: 'at-standard', motivation: 'tab 1' }
		]);
		// Tab 2 still thinks there is nothing: its first save of team-visie must not overwrite.
		const tab2 = await saveRatings(db(), me, e.id, [
			{ standardKey: 'team-visie', levelKey: 'below-standard', motivation: 'tab 2' },
			{ standardKey: 'team-student', levelKey: 'ambition', motivation: 'alleen in tab 2' }
		]);
		expect(tab2.saved.map((r) => r.standardKey)).toEqual(['team-student']);
		expect(tab2.conflicts).toEqual([
			{
				standardKey: 'team-visie',
				submitted: { levelKey: 'below-standard', motivation: 'tab 2', version: null },
				stored: expect.objectContaining({ levelKey: 'at-standard', motivation: 'tab 1', version: 1 })
			}
		]);
		// Tab 1 edits from version 1 (→ 2); tab 2, having reloaded at version 1, then saves too late.
		const tab1 = await saveRatings(db(), me, e.id, [
			{ standardKey: 'team-visie', levelKey: 'above-standard', motivation: 'tab 1, later', version: 1 }
		]);
		expect(tab1.saved[0]).toMatchObject({ version: 2, levelKey: 'above-standard' });
		const late = await saveRatings(db(), me, e.id, [
			{ standardKey: 'team-visie', levelKey: 'below-standard', motivation: 'tab 2', version: 1 }
		]);
		expect(late.conflicts[0]!.stored).toMatchObject({ levelKey: 'above-standard', version: 2 });
		const rows = await ratingsOf(e.id, world.people.memberA1.id);
		expect(rows.find((r) => r.standardKey === 'team-visie')).toMatchObject({
			levelKey: 'above-standard',
			motivation: 'tab 1, later',
			version: 2
		});
		expect(rows).toHaveLength(2);
		// Saving from the current version works, and an unchanged resubmit is not a conflict.
		const again = await saveRatings(db(), me, e.id, [
			{ standardKey: 'team-visie', levelKey: 'above-standard', motivation: 'tab 1, later', version: 2 },
			{ standardKey: 'team-student', levelKey: 'ambition', motivation: 'alleen in tab 2' }
		]);
		expect(again).toMatchObject({ saved: [], conflicts: [], unchanged: ['team-visie', 'team-student'] });
	});

	it('lets exactly one of two simultaneous first saves win', async () => {
		const e = await inExecution();
		const me = world.people.memberA1.actor;
		const [a, b] = await Promise.all([
			saveRatings(db(), me, e.id, [{ standardKey: 'team-cultuur', levelKey: 'at-standard' }]),
			saveRatings(db(), me, e.id, [{ standardKey: 'team-cultuur', levelKey: 'ambition' }])
		]);
		expect(a.saved.length + b.saved.length).toBe(1);
		expect(a.conflicts.length + b.conflicts.length).toBe(1);
		const [row] = await ratingsOf(e.id, world.people.memberA1.id);
		expect(row!.version).toBe(1);
		const winner = a.saved.length ? 'at-standard' : 'ambition';
		expect(row!.levelKey).toBe(winner);
	});

	it('is a 404 for a person of another institution or another team, a 403 for nobody with a role', async () => {
		const e = await inExecution();
		const entry = [{ standardKey: 'team-visie', levelKey: 'at-standard' }];
		expect((await failure(saveRatings(db(), world.people.qoB.actor, e.id, entry))).status).toBe(404);
		expect((await failure(saveRatings(db(), world.people.memberA2.actor, e.id, entry))).status).toBe(404);
		expect((await failure(saveRatings(db(), world.people.admin.actor, e.id, entry))).status).toBe(404);
		expect((await failure(listMyRatings(db(), world.people.memberB1.actor, e.id))).status).toBe(404);
		expect((await failure(ratingSummary(db(), world.people.qoB.actor, e.id))).status).toBe(404);
		expect((await failure(saveRatings(db(), null, e.id, entry))).status).toBe(401);
		expect(await countRows(db(), rating, eq(rating.evaluationId, e.id))).toBe(0);
	});
});

describe('ratingSummary', () => {
	async function respondents(
		evaluationId: string,
		perspective: 'student' | 'teacher' | 'work_field' | 'management',
		n: number,
		levelKey: string | null = 'at-standard'
	) {
		for (let i = 0; i < n; i++) {
			await db()
				.insert(rating)
				.values({
					evaluationId,
					standardKey: 'team-visie',
					perspective,
					respondent: `q:${perspective}-${i}-${evaluationId.slice(0, 4)}`,
					levelKey,
					rank: levelKey ? 2 : null
				});
		}
	}

	it('hides perspectives under the threshold, and shows them together once the group is large enough', async () => {
		const e = await inExecution();
		await respondents(e.id, 'student', 5);
		await respondents(e.id, 'teacher', 2, 'ambition');
		await respondents(e.id, 'management', 1, null);
		let summary = await ratingSummary(db(), world.people.memberA1.actor, e.id);
		expect(summary.threshold).toBe(5);
		expect(summary.groups).toEqual([{ key: 'student', perspectives: ['student'], respondents: 5 }]);
		expect(summary.hiddenRespondents).toBe(3);
		const visie = summary.standards.find((s) => s.standardKey === 'team-visie')!;
		expect(visie.groups).toEqual([
			{
				key: 'student',
				counts: { 'below-standard': 0, 'at-standard': 5, 'above-standard': 0, ambition: 0 },
				notRated: 0,
				total: 5
			}
		]);
		// Two more from the work field: teachers, management and work field together reach 5.
		await respondents(e.id, 'work_field', 2);
		summary = await ratingSummary(db(), world.people.memberA1.actor, e.id);
		expect(summary.hiddenRespondents).toBe(0);
		expect(summary.groups.map((g) => g.key)).toEqual(['student', 'combined']);
		expect(summary.groups[1]!.perspectives).toEqual(['teacher', 'work_field', 'management']);
		const combined = summary.standards.find((s) => s.standardKey === 'team-visie')!.groups[1]!;
		expect(combined).toMatchObject({ notRated: 1, total: 5 });
		expect(combined.counts).toMatchObject({ ambition: 2, 'at-standard': 2 });
	});

	it("follows the network's threshold", async () => {
		const e = await inExecution();
		await respondents(e.id, 'teacher', 2);
		const [existing] = await db().select().from(network);
		if (existing) await db().update(network).set({ anonymityThreshold: 2 });
		else await db().insert(network).values({ name: 'Testnetwerk', anonymityThreshold: 2 });
		try {
			const summary = await ratingSummary(db(), world.people.memberA1.actor, e.id);
			expect(summary.groups.map((g) => g.key)).toEqual(['teacher']);
		} finally {
			await db().update(network).set({ anonymityThreshold: 5 });
		}
	});

	it('gives the rating page the standards grouped by their first value, and whether the actor may rate', async () => {
		const e = await inExecution();
		const form = await ratingForm(db(), world.people.memberA1.actor, e.id);
		expect(form.mayRate).toBe(true);
		expect(form.groups.map((g) => g.value.key)).toEqual([
			'eigenaarschap',
			'wendbaarheid',
			'dialoog',
			'vertrouwen',
			'rekenschap'
		]);
		expect(form.groups.flatMap((g) => g.standards).length).toBe(form.model.standards.length);
		const prep = await inExecution('preparation');
		expect((await ratingForm(db(), world.people.memberA1.actor, prep.id)).mayRate).toBe(false);
	});
});
