import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultModel } from '../model/model.service.ts';
import type { z } from 'zod';
import { auditEvent } from '../audit/audit.table.ts';
import * as api from './evaluation.api.ts';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';
import { listCapacities, saveCapacity } from './capacity.service.ts';
import {
	evaluationPermissions,
	getEvaluation,
	listEvaluations,
	planEvaluation,
	plannableTeams,
	updateEvaluationPlan
} from './evaluation.service.ts';
import {
	capacityAssessment,
	evaluation,
	evaluationParticipant,
	evidence,
	evidenceRevision,
	finding,
	instrumentType,
	rating
} from './evaluation.table.ts';
import { createFinding, deleteFinding, listFindings, updateFinding } from './finding.service.ts';
import {
	createInstrumentType,
	listInstrumentTypes,
	setInstrumentTypeArchived
} from './instrument.service.ts';
import {
	addParticipant,
	listParticipants,
	participantCandidates,
	removeParticipant
} from './participant.service.ts';
import { evaluationHistory, reviseEvaluation } from './revision.service.ts';
import { advanceEvaluation, finaliseEvaluation } from './workflow.service.ts';

const { db, world } = useWorld();
// Planning takes the latest published model version; install the shipped one.
beforeAll(async () => {
	await ensureDefaultModel(db());
});

async function instrumentId(key: string) {
	const [row] = await db().select().from(instrumentType).where(eq(instrumentType.key, key));
	return row!.id;
}

async function teamPlan(overrides: Record<string, unknown> = {}) {
	return {
		instrumentTypeId: await instrumentId('zelfevaluatie_team'),
		subjectLevel: 'team',
		teamId: world.a1.id,
		scopeAll: true,
		title: 'Zelfevaluatie Zorg 2026',
		startsOn: '2026-09-01',
		endsOn: '2026-11-30',
		perspectives: ['teacher', 'student'],
		plan: 'Twee bijeenkomsten en een vragenlijst.',
		...overrides
	};
}

describe('planEvaluation', () => {
	it('lets the team lead plan a self-evaluation of their team with all standards of the team level', async () => {
		const row = await planEvaluation(db(), world.people.leadA1.actor, await teamPlan());
		expect(row).toMatchObject({ status: 'planned', teamId: world.a1.id, institutionId: world.a.id, lock: 0 });
		expect(row.scopeStandardKeys.every((k) => k.startsWith('team-'))).toBe(true);
		expect(row.scopeStandardKeys).toHaveLength(6);
		expect(row.scopeValueKeys).toHaveLength(5);
		expect(await countRows(db(), auditEvent, eq(auditEvent.entityId, row.id))).toBe(1);
	});

	it('resolves chosen values and standards to the standards of the subject level', async () => {
		const row = await planEvaluation(
			db(),
			world.people.qoA.actor,
			await teamPlan({ scopeAll: false, scopeValueKeys: ['vertrouwen'], scopeStandardKeys: ['team-actueel'] })
		);
		expect(row.scopeAll).toBe(false);
		expect(row.scopeStandardKeys).toEqual(['team-actueel', 'team-student', 'team-cultuur']);
		expect(row.scopeValueKeys).toEqual(expect.arrayContaining(['vertrouwen', 'wendbaarheid', 'dialoog']));
	});

	it('plans an institution self-evaluation on the institution standards', async () => {
		const row = await planEvaluation(db(), world.people.qoA.actor, {
			...(await teamPlan()),
			instrumentTypeId: await instrumentId('zelfevaluatie_instelling'),
			subjectLevel: 'institution',
			institutionId: world.a.id,
			teamId: ''
		});
		expect(row.teamId).toBeNull();
		expect(row.scopeStandardKeys.every((k) => k.startsWith('instelling-'))).toBe(true);
	});

	it('refuses bad input with Dutch messages per field', async () => {
		const lead = world.people.leadA1.actor;
		const cases: [Record<string, unknown>, string][] = [
			[{ endsOn: '2026-08-01' }, 'endsOn'],
			[{ perspectives: [] }, 'perspectives'],
			[{ perspectives: ['alien'] }, 'perspectives.0'],
			[{ title: '' }, 'title'],
			[{ title: 'x'.repeat(201) }, 'title'],
			[{ startsOn: 'morgen' }, 'startsOn'],
			[{ scopeAll: false }, 'scopeValueKeys'],
			[{ scopeAll: false, scopeStandardKeys: ['instelling-koers'] }, 'scopeStandardKeys'],
			[{ scopeAll: false, scopeValueKeys: ['bestaat-niet'] }, 'scopeValueKeys'],
			[{ instrumentTypeId: await instrumentId('instellingsaudit') }, 'instrumentTypeId'],
			[{ instrumentTypeId: 'geen-id' }, 'instrumentTypeId'],
			[{ teamId: undefined }, 'teamId']
		];
		for (const [overrides, field] of cases) {
			const error = await failure(planEvaluation(db(), lead, await teamPlan(overrides)));
			expect(error.status, JSON.stringify(overrides)).toBe(422);
			expect(error.fieldErrors.map((e) => e.field)).toContain(field);
		}
		const wrongType = await failure(planEvaluation(db(), lead, { ...(await teamPlan()), perspectives: 7 }));
		expect(wrongType.status).toBe(422);
	});

	it('refuses people who may not plan there: 403 when they see the team, 404 when they do not', async () => {
		expect((await failure(planEvaluation(db(), world.people.memberA1.actor, await teamPlan()))).status).toBe(
			403
		);
		expect((await failure(planEvaluation(db(), world.people.execA.actor, await teamPlan()))).status).toBe(
			403
		);
		expect((await failure(planEvaluation(db(), world.people.memberA2.actor, await teamPlan()))).status).toBe(
			404
		);
		expect((await failure(planEvaluation(db(), world.people.qoB.actor, await teamPlan()))).status).toBe(404);
		expect((await failure(planEvaluation(db(), null, await teamPlan()))).status).toBe(401);
	});

	it('offers only the teams the actor may plan for', async () => {
		const lead = (await plannableTeams(db(), world.people.leadA1.actor)).map((t) => t.id);
		expect(lead).toEqual([world.a1.id]);
		const qo = (await plannableTeams(db(), world.people.qoA.actor)).map((t) => t.id);
		expect(qo.sort()).toEqual([world.a1.id, world.a2.id].sort());
		expect(await plannableTeams(db(), world.people.memberA1.actor)).toEqual([]);
	});
});

describe('double submit', () => {
	it('plans one evaluation when the same plan form is submitted twice, also at the same moment', async () => {
		const lead = world.people.leadA1.actor;
		const plan = await teamPlan({ title: 'Dubbel verstuurd', clientToken: 'plan-form-1' });
		const [first, second] = await Promise.all([
			planEvaluation(db(), lead, plan),
			planEvaluation(db(), lead, plan)
		]);
		const third = await planEvaluation(db(), lead, plan);
		expect(second.id).toBe(first.id);
		expect(third.id).toBe(first.id);
		expect(await countRows(db(), evaluation, eq(evaluation.title, 'Dubbel verstuurd'))).toBe(1);
		// Another form (another token) is another evaluation.
		const other = await planEvaluation(db(), lead, { ...plan, clientToken: 'plan-form-2' });
		expect(other.id).not.toBe(first.id);
	});

	it('stores one finding when the same add form is submitted twice', async () => {
		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'execution'
		});
		const member = world.people.memberA1.actor;
		const input = { kind: 'concern', text: 'Twee keer op verzenden gedrukt', clientToken: 'finding-form-1' };
		const [first, second] = await Promise.all([
			createFinding(db(), member, row.id, input),
			createFinding(db(), member, row.id, input)
		]);
		expect(second.id).toBe(first.id);
		expect(await countRows(db(), finding, eq(finding.evaluationId, row.id))).toBe(1);
		// The same token from someone else is their own finding.
		await createFinding(db(), world.people.leadA1.actor, row.id, input);
		expect(await countRows(db(), finding, eq(finding.evaluationId, row.id))).toBe(2);
	});
});

describe('reading evaluations', () => {
	it('hides another institution’s evaluation (404) and filters lists in SQL', async () => {
		const mine = await buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id });
		const other = await buildEvaluation(db(), { institutionId: world.b.id, teamId: world.b1.id });
		expect((await failure(getEvaluation(db(), world.people.qoB.actor, mine.id))).status).toBe(404);
		expect((await failure(getEvaluation(db(), world.people.memberA2.actor, mine.id))).status).toBe(404);
		expect((await failure(getEvaluation(db(), world.people.admin.actor, mine.id))).status).toBe(404);
		expect((await failure(getEvaluation(db(), world.people.leadA1.actor, 'not-a-uuid'))).status).toBe(404);
		const detail = await getEvaluation(db(), world.people.memberA1.actor, mine.id);
		expect(detail).toMatchObject({ teamName: 'Zorg A', institutionName: 'ROC Alfa' });
		expect(detail.modelVersion.document.standards.length).toBeGreaterThan(0);
		expect(detail.instrument.key).toBe('zelfevaluatie_team');

		const ids = async (actor: typeof world.people.qoB.actor, query = {}) =>
			(await listEvaluations(db(), actor, { pageSize: 200, ...query })).items.map((i) => i.id);
		expect(await ids(world.people.qoB.actor)).toContain(other.id);
		expect(await ids(world.people.qoB.actor)).not.toContain(mine.id);
		expect(await ids(world.people.memberA2.actor)).not.toContain(mine.id);
		expect(await ids(world.people.memberA1.actor)).toContain(mine.id);
		expect(await ids(world.people.admin.actor)).toEqual([]);
		expect(await ids(world.people.qoA.actor, { status: 'finalised' })).not.toContain(mine.id);
		expect(await ids(world.people.qoA.actor, { teamId: world.a2.id })).not.toContain(mine.id);
		const page = await listEvaluations(db(), world.people.qoA.actor, { pageSize: 1, page: 1 });
		expect(page.items).toHaveLength(1);
		expect(page.total).toBeGreaterThan(1);
		expect(
			(await failure(listEvaluations(db(), world.people.qoA.actor, { status: 'klaar' as never }))).status
		).toBe(422);
	});
});

describe('workflow rules', () => {
	const lead = () => world.people.leadA1.actor;
	const build = (status: 'planned' | 'execution' | 'reporting' | 'finalised' = 'planned') =>
		buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id, status });

	it('refuses a stale lock with a Dutch 409 that names the current status', async () => {
		const row = await build();
		await advanceEvaluation(db(), lead(), row.id, { to: 'preparation', lock: 0 });
		const error = await failure(advanceEvaluation(db(), lead(), row.id, { to: 'execution', lock: 0 }));
		expect(error.status).toBe(409);
		expect(error.message).toMatch(/intussen door iemand anders gewijzigd.*voorbereiding/);
	});

	it('moves once on a double submit of the same transition', async () => {
		const row = await build();
		const results = await Promise.allSettled([
			advanceEvaluation(db(), lead(), row.id, { to: 'preparation', lock: 0 }),
			advanceEvaluation(db(), lead(), row.id, { to: 'preparation', lock: 0 })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason.status).toBe(409);
		const [after] = await db().select().from(evaluation).where(eq(evaluation.id, row.id));
		expect(after).toMatchObject({ status: 'preparation', lock: 1 });
		expect(
			await countRows(
				db(),
				auditEvent,
				and(eq(auditEvent.entityId, row.id), eq(auditEvent.action, 'evaluation.advanced'))
			)
		).toBe(1);
	});

	it('allows only the next step (and reopening from reporting), with the options in the message', async () => {
		const row = await build();
		const skip = await failure(advanceEvaluation(db(), lead(), row.id, { to: 'execution', lock: 0 }));
		expect(skip.status).toBe(409);
		expect(skip.message).toMatch(/wel naar 'voorbereiding'/);
		const back = await failure(advanceEvaluation(db(), lead(), row.id, { to: 'planned', lock: 0 }));
		expect(back.status).toBe(409);
		const execution = await build('execution');
		expect((await failure(finaliseEvaluation(db(), lead(), execution.id, {}))).status).toBe(409);
		expect((await failure(advanceEvaluation(db(), lead(), row.id, { to: 'klaar', lock: 0 }))).status).toBe(
			422
		);
		expect((await failure(advanceEvaluation(db(), lead(), row.id, { to: 'preparation' }))).status).toBe(422);
		expect(
			(await failure(advanceEvaluation(db(), lead(), row.id, { to: 'preparation', lock: 'nul' }))).status
		).toBe(422);
	});

	it('shows each role the steps it may take', async () => {
		const row = await build('reporting');
		expect(evaluationPermissions(world.people.leadA1.actor, row).transitions).toEqual([
			'finalised',
			'execution'
		]);
		expect(evaluationPermissions(world.people.facA.actor, row).transitions).toEqual(['execution']);
		expect(evaluationPermissions(world.people.execA.actor, row).transitions).toEqual(['finalised']);
		expect(evaluationPermissions(world.people.memberA1.actor, row).transitions).toEqual([]);
	});

	it('changes the plan with the lock and refuses a stale one, showing the current title', async () => {
		const row = await build();
		const updated = await updateEvaluationPlan(db(), lead(), row.id, {
			lock: 0,
			title: 'Nieuwe titel',
			plan: 'Eerst lezen'
		});
		expect(updated).toMatchObject({ title: 'Nieuwe titel', plan: 'Eerst lezen', lock: 1 });
		const stale = await failure(
			updateEvaluationPlan(db(), lead(), row.id, { lock: 0, title: 'Andere titel' })
		);
		expect(stale.status).toBe(409);
		expect(stale.message).toContain('Nieuwe titel');
		const dates = await failure(
			updateEvaluationPlan(db(), lead(), row.id, { lock: 1, endsOn: '2020-01-01' })
		);
		expect(dates.status).toBe(422);
		expect(
			(
				await failure(
					updateEvaluationPlan(db(), world.people.memberA1.actor, row.id, { lock: 1, title: 'Mag niet' })
				)
			).status
		).toBe(403);
		expect(
			(
				await failure(
					updateEvaluationPlan(db(), world.people.qoB.actor, row.id, { lock: 1, title: 'Mag niet' })
				)
			).status
		).toBe(404);
	});
});

describe('participants', () => {
	it('adds people with a role in the team or institution, by a perspective of the plan', async () => {
		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			perspectives: ['teacher', 'management']
		});
		const lead = world.people.leadA1.actor;
		const added = await addParticipant(db(), lead, row.id, {
			userId: world.people.memberA1.id,
			perspective: 'teacher'
		});
		expect(added).toMatchObject({ name: 'Lid Zorg A', perspective: 'teacher' });
		await addParticipant(db(), lead, row.id, { userId: world.people.execA.id, perspective: 'management' });
		// Adding again moves the person to another perspective, it does not add them twice.
		await addParticipant(db(), lead, row.id, { userId: world.people.memberA1.id, perspective: 'management' });
		const list = await listParticipants(db(), world.people.memberA1.actor, row.id);
		expect(list.map((p) => [p.name, p.perspective])).toEqual([
			['Bestuur Alfa', 'management'],
			['Lid Zorg A', 'management']
		]);
		const candidates = (await participantCandidates(db(), lead, row.id)).map((c) => c.id);
		expect(candidates).toContain(world.people.qoA.id);
		expect(candidates).not.toContain(world.people.memberA2.id);
		expect(candidates).not.toContain(world.people.qoB.id);

		const otherTeam = await failure(
			addParticipant(db(), lead, row.id, { userId: world.people.memberA2.id, perspective: 'teacher' })
		);
		expect(otherTeam.status).toBe(422);
		expect(otherTeam.fieldErrors[0]!.field).toBe('userId');
		const notInPlan = await failure(
			addParticipant(db(), lead, row.id, { userId: world.people.qoA.id, perspective: 'student' })
		);
		expect(notInPlan.fieldErrors[0]!.field).toBe('perspective');
		expect(
			(
				await failure(
					addParticipant(db(), world.people.memberA1.actor, row.id, {
						userId: world.people.qoA.id,
						perspective: 'teacher'
					})
				)
			).status
		).toBe(403);

		await removeParticipant(db(), lead, row.id, added.id);
		expect((await listParticipants(db(), lead, row.id)).map((p) => p.name)).toEqual(['Bestuur Alfa']);
		expect((await failure(removeParticipant(db(), lead, row.id, added.id))).status).toBe(404);
	});
});

describe('findings', () => {
	const lead = () => world.people.leadA1.actor;
	const member = () => world.people.memberA1.actor;

	it('are recorded in execution and reporting only, within the scope, at most 5000 characters', async () => {
		const planned = await buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id });
		const closed = await failure(
			createFinding(db(), member(), planned.id, { kind: 'strength', text: 'Te vroeg' })
		);
		expect(closed.status).toBe(409);
		expect(closed.message).toMatch(/uitvoering of de rapportage/);

		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'execution'
		});
		const saved = await createFinding(db(), member(), row.id, {
			kind: 'good_practice',
			valueKey: 'dialoog',
			standardKey: 'team-student',
			perspective: 'student',
			text: 'Studenten zitten aan tafel bij elke teamvergadering.'
		});
		expect(saved).toMatchObject({ version: 1, authorId: world.people.memberA1.id });
		const bad: [Record<string, unknown>, string][] = [
			[{ kind: 'compliment', text: 'x' }, 'kind'],
			[{ kind: 'risk', text: '' }, 'text'],
			[{ kind: 'risk', text: 'x'.repeat(5001) }, 'text'],
			[{ kind: 'risk', text: 12 }, 'text'],
			[{ kind: 'risk', text: 'x', valueKey: 'bestaat-niet' }, 'valueKey'],
			[{ kind: 'risk', text: 'x', standardKey: 'instelling-koers' }, 'standardKey'],
			[{ kind: 'risk', text: 'x', perspective: 'ouder' }, 'perspective']
		];
		for (const [input, field] of bad) {
			const error = await failure(createFinding(db(), member(), row.id, input));
			expect(error.status, JSON.stringify(input).slice(0, 60)).toBe(422);
			expect(error.fieldErrors[0]!.field).toBe(field);
		}
		expect(
			(await failure(createFinding(db(), world.people.memberA2.actor, row.id, { kind: 'risk', text: 'x' })))
				.status
		).toBe(404);
		expect(
			(await failure(createFinding(db(), world.people.qoB.actor, row.id, { kind: 'risk', text: 'x' }))).status
		).toBe(404);
		const items = await listFindings(db(), lead(), row.id);
		expect(items).toHaveLength(1);
		expect(items[0]!.authorName).toBe('Lid Zorg A');
	});

	it('keep both texts visible on a conflicting edit (409), and delete at the version seen', async () => {
		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'reporting'
		});
		const f = await createFinding(db(), member(), row.id, { kind: 'concern', text: 'Eerste versie' });
		const first = await updateFinding(db(), lead(), row.id, f.id, {
			kind: 'concern',
			text: 'Tekst van de teamleider',
			version: 1
		});
		expect(first.version).toBe(2);
		const conflict = await failure(
			updateFinding(db(), member(), row.id, f.id, {
				kind: 'concern',
				text: 'Tekst van het teamlid',
				version: 1
			})
		);
		expect(conflict.status).toBe(409);
		expect(conflict.message).toContain('Tekst van de teamleider');
		expect(conflict.fieldErrors[0]).toMatchObject({ field: 'text' });
		expect(conflict.fieldErrors[0]!.message).toContain('Tekst van de teamleider');
		const [stored] = await db().select().from(finding).where(eq(finding.id, f.id));
		expect(stored!.text).toBe('Tekst van de teamleider');

		expect((await failure(deleteFinding(db(), member(), row.id, f.id, { version: 1 }))).status).toBe(409);
		// A finding of another evaluation is not found under this one.
		const other = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'reporting'
		});
		expect(
			(await failure(updateFinding(db(), lead(), other.id, f.id, { kind: 'risk', text: 'x', version: 2 })))
				.status
		).toBe(404);
		await deleteFinding(db(), member(), row.id, f.id, { version: 2 });
		expect(await countRows(db(), finding, eq(finding.id, f.id))).toBe(0);
	});
});

describe('capacities', () => {
	it('keeps one answer per person per capacity, with a version, and withdraws with "none"', async () => {
		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'execution'
		});
		const member = world.people.memberA1.actor;
		const first = await saveCapacity(db(), member, row.id, {
			capacityKey: 'learning',
			effect: 'helps',
			note: 'We leren van elkaar'
		});
		expect(first).toMatchObject({ version: 1, perspective: 'teacher', effect: 'helps' });
		const again = await failure(
			saveCapacity(db(), member, row.id, { capacityKey: 'learning', effect: 'hinders' })
		);
		expect(again.status).toBe(409);
		expect(again.message).toContain('helpt');
		const second = await saveCapacity(db(), member, row.id, {
			capacityKey: 'learning',
			effect: 'hinders',
			note: 'Geen tijd',
			version: 1
		});
		expect(second).toMatchObject({ version: 2, effect: 'hinders' });
		await saveCapacity(db(), world.people.leadA1.actor, row.id, {
			capacityKey: 'learning',
			effect: 'helps',
			perspective: 'management'
		});
		const { mine, summary } = await listCapacities(db(), member, row.id);
		expect(mine.map((c) => c.effect)).toEqual(['hinders']);
		expect(summary).toEqual([
			{ capacityKey: 'learning', helps: 1, hinders: 1, notes: [{ effect: 'hinders', note: 'Geen tijd' }] }
		]);
		expect(
			(await failure(saveCapacity(db(), member, row.id, { capacityKey: 'vliegen', effect: 'helps' }))).status
		).toBe(422);
		expect(
			(await failure(saveCapacity(db(), member, row.id, { capacityKey: 'learning', effect: 'misschien' })))
				.status
		).toBe(422);
		expect(
			await saveCapacity(db(), member, row.id, { capacityKey: 'learning', effect: 'none', version: 2 })
		).toBeNull();
		expect(
			await countRows(
				db(),
				capacityAssessment,
				and(
					eq(capacityAssessment.evaluationId, row.id),
					eq(capacityAssessment.respondent, world.people.memberA1.id)
				)
			)
		).toBe(0);
	});
});

describe('finalise, immutability and revisions', () => {
	const lead = () => world.people.leadA1.actor;

	async function reportingWithContent() {
		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'reporting'
		});
		const standard = row.scopeStandardKeys[0]!;
		await db()
			.insert(rating)
			.values([
				{
					evaluationId: row.id,
					standardKey: standard,
					perspective: 'teacher',
					respondent: 'r1',
					levelKey: 'below-standard',
					rank: 1
				},
				{
					evaluationId: row.id,
					standardKey: standard,
					perspective: 'teacher',
					respondent: 'r2',
					levelKey: 'at-standard',
					rank: 2
				}
			]);
		const f = await createFinding(db(), lead(), row.id, {
			kind: 'strength',
			valueKey: 'dialoog',
			text: 'Open gesprekken'
		});
		await saveCapacity(db(), lead(), row.id, { capacityKey: 'steering', effect: 'hinders' });
		await addParticipant(db(), lead(), row.id, { userId: world.people.memberA1.id, perspective: 'teacher' });
		const [ev] = await db()
			.insert(evidence)
			.values({ evaluationId: row.id, kind: 'link', title: 'Teamplan' })
			.returning();
		await db().insert(evidenceRevision).values({
			evidenceId: ev!.id,
			revision: 1,
			evidenceDate: '2026-03-01',
			url: 'https://example.nl/plan'
		});
		return { row, findingId: f.id };
	}

	it('finalises from reporting only, once, and then refuses every change with a clear message', async () => {
		const { row, findingId } = await reportingWithContent();
		const done = await finaliseEvaluation(db(), world.people.execA.actor, row.id, { lock: row.lock });
		expect(done).toMatchObject({ status: 'finalised', finalisedBy: world.people.execA.id });
		expect(done.finalisedAt).toBeInstanceOf(Date);
		expect((await failure(finaliseEvaluation(db(), lead(), row.id))).message).toMatch(/al vastgesteld/);

		const refusals = [
			() => createFinding(db(), lead(), row.id, { kind: 'risk', text: 'Te laat' }),
			() => updateFinding(db(), lead(), row.id, findingId, { kind: 'risk', text: 'Anders', version: 1 }),
			() => deleteFinding(db(), lead(), row.id, findingId, { version: 1 }),
			() => saveCapacity(db(), lead(), row.id, { capacityKey: 'steering', effect: 'helps', version: 1 }),
			() => updateEvaluationPlan(db(), lead(), row.id, { lock: done.lock, title: 'Herschreven' }),
			() => advanceEvaluation(db(), lead(), row.id, { to: 'execution', lock: done.lock }),
			() => addParticipant(db(), lead(), row.id, { userId: world.people.qoA.id, perspective: 'teacher' })
		];
		for (const attempt of refusals) {
			const error = await failure(attempt());
			expect(error.status).toBe(409);
			expect(error.message).toMatch(/vastgesteld/);
		}
		// And the database itself, should any code skip the service check.
		await expect(
			db().execute(sql`update finding set text = 'Stiekem' where id = ${findingId}`)
		).rejects.toThrow();
		await expect(
			db().execute(sql`update evaluation set title = 'Stiekem' where id = ${row.id}`)
		).rejects.toThrow();
		const [stored] = await db().select().from(finding).where(eq(finding.id, findingId));
		expect(stored!.text).toBe('Open gesprekken');
	});

	it('corrects a finalised evaluation with a revision that copies everything and supersedes it when finalised', async () => {
		const { row, findingId } = await reportingWithContent();
		await finaliseEvaluation(db(), lead(), row.id);
		expect((await failure(reviseEvaluation(db(), lead(), row.id, { reason: '' }))).status).toBe(422);
		expect(
			(
				await failure(
					reviseEvaluation(db(), world.people.memberA1.actor, row.id, { reason: 'Een telfout hersteld' })
				)
			).status
		).toBe(403);
		expect(
			(
				await failure(
					reviseEvaluation(db(), world.people.qoB.actor, row.id, { reason: 'Een telfout hersteld' })
				)
			).status
		).toBe(404);

		const next = await reviseEvaluation(db(), lead(), row.id, {
			reason: 'Een beoordeling was verkeerd ingevoerd'
		});
		expect(next).toMatchObject({ status: 'reporting', revision: 2, revisionOf: row.id, title: row.title });
		const countIn = async (
			table:
				| typeof rating
				| typeof finding
				| typeof capacityAssessment
				| typeof evaluationParticipant
				| typeof evidence,
			id: string
		) => countRows(db(), table, eq(table.evaluationId, id));
		for (const table of [rating, finding, capacityAssessment, evaluationParticipant, evidence] as const) {
			expect(await countIn(table, next.id)).toBe(await countIn(table, row.id));
			expect(await countIn(table, next.id)).toBeGreaterThan(0);
		}
		const [copiedEvidence] = await db().select().from(evidence).where(eq(evidence.evaluationId, next.id));
		expect(await countRows(db(), evidenceRevision, eq(evidenceRevision.evidenceId, copiedEvidence!.id))).toBe(
			1
		);
		expect((await failure(reviseEvaluation(db(), lead(), row.id, { reason: 'Nog een keer' }))).status).toBe(
			409
		);

		// Correct one rating and one finding, add a finding, then finalise the revision.
		await db()
			.update(rating)
			.set({ levelKey: 'at-standard', rank: 2 })
			.where(and(eq(rating.evaluationId, next.id), eq(rating.respondent, 'r1')));
		const [copy] = await db().select().from(finding).where(eq(finding.evaluationId, next.id));
		expect(copy!.copiedFromId).toBe(findingId);
		await updateFinding(db(), lead(), next.id, copy!.id, {
			kind: 'strength',
			valueKey: 'dialoog',
			text: 'Open en eerlijke gesprekken',
			version: copy!.version
		});
		await createFinding(db(), lead(), next.id, { kind: 'risk', text: 'Werkdruk' });
		await finaliseEvaluation(db(), lead(), next.id);
		const [previous] = await db().select().from(evaluation).where(eq(evaluation.id, row.id));
		expect(previous!.supersededBy).toBe(next.id);
		expect(
			(await failure(reviseEvaluation(db(), lead(), row.id, { reason: 'Oude revisie' }))).message
		).toMatch(/nieuwere/);

		const history = await evaluationHistory(db(), world.people.memberA1.actor, row.id);
		expect(history.chain.map((c) => c.revision)).toEqual([1, 2]);
		expect(history.chain[1]!.revisionReason).toBe('Een beoordeling was verkeerd ingevoerd');
		const diff = history.changes[0]!.diff;
		expect(diff.ratings).toEqual([
			{
				standardKey: row.scopeStandardKeys[0],
				perspective: 'teacher',
				before: { 'below-standard': 1, 'at-standard': 1 },
				after: { 'at-standard': 2 }
			}
		]);
		expect(diff.findings.changed.map((c) => c.after.text)).toEqual(['Open en eerlijke gesprekken']);
		expect(diff.findings.added.map((f) => f.text)).toEqual(['Werkdruk']);
		expect(diff.findings.removed).toEqual([]);
		expect((await evaluationHistory(db(), lead(), next.id)).chain).toHaveLength(2);
		expect((await failure(evaluationHistory(db(), world.people.qoB.actor, row.id))).status).toBe(404);
	});

	it('refuses to revise an evaluation that is not finalised', async () => {
		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'reporting'
		});
		expect(
			(await failure(reviseEvaluation(db(), lead(), row.id, { reason: 'Te vroeg gecorrigeerd' }))).status
		).toBe(409);
	});
});

describe('instrument types', () => {
	it('lists built-ins and the own institution’s instruments; the quality officer adds and archives them', async () => {
		const qo = world.people.qoA.actor;
		const own = await createInstrumentType(db(), qo, world.a.id, {
			name: 'Studentpanel',
			description: 'Een panel van studenten bespreekt de leerroute.',
			level: 'team'
		});
		expect(own).toMatchObject({ institutionId: world.a.id, key: null, selfEvaluation: false });
		const names = async (actor: typeof qo) => (await listInstrumentTypes(db(), actor)).map((i) => i.name);
		expect(await names(world.people.memberA1.actor)).toContain('Studentpanel');
		expect(await names(world.people.qoB.actor)).not.toContain('Studentpanel');
		expect((await names(world.people.qoB.actor)).length).toBe(9);
		expect((await listInstrumentTypes(db(), qo))[0]!.selfEvaluation).toBe(true);

		const duplicate = await failure(
			createInstrumentType(db(), qo, world.a.id, { name: 'studentpanel', level: 'team' })
		);
		expect(duplicate.fieldErrors[0]!.field).toBe('name');
		expect(
			(await failure(createInstrumentType(db(), qo, world.a.id, { name: 'Iets', level: 'klas' }))).status
		).toBe(422);
		expect(
			(
				await failure(
					createInstrumentType(db(), world.people.leadA1.actor, world.a.id, { name: 'Eigen', level: 'team' })
				)
			).status
		).toBe(403);
		expect(
			(
				await failure(
					createInstrumentType(db(), world.people.qoB.actor, world.a.id, { name: 'Eigen', level: 'team' })
				)
			).status
		).toBe(404);

		// Another institution cannot plan with it; its own team lead can.
		const planB = await failure(
			planEvaluation(db(), world.people.qoB.actor, {
				...(await teamPlan()),
				teamId: world.b1.id,
				instrumentTypeId: own.id
			})
		);
		expect(planB.fieldErrors[0]!.field).toBe('instrumentTypeId');
		const planned = await planEvaluation(db(), world.people.leadA1.actor, {
			...(await teamPlan()),
			instrumentTypeId: own.id
		});
		expect(planned.instrumentTypeId).toBe(own.id);

		expect(
			(await failure(setInstrumentTypeArchived(db(), world.people.qoB.actor, own.id, true))).status
		).toBe(404);
		const builtIn = await instrumentId('peer_review');
		expect((await failure(setInstrumentTypeArchived(db(), qo, builtIn, true))).status).toBe(404);
		await setInstrumentTypeArchived(db(), qo, own.id, true);
		expect(await names(world.people.memberA1.actor)).not.toContain('Studentpanel');
		expect(
			(
				await failure(
					planEvaluation(db(), world.people.leadA1.actor, { ...(await teamPlan()), instrumentTypeId: own.id })
				)
			).status
		).toBe(422);
	});
});

describe('API description', () => {
	it('describes what the services return (after JSON encoding)', async () => {
		const lead = world.people.leadA1.actor;
		const row = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'execution'
		});
		const roundTrip = <T>(value: T) => JSON.parse(JSON.stringify(value)) as unknown;
		const checks: [z.ZodType, unknown][] = [
			[api.evaluationSchema, row],
			[api.evaluationDetailSchema, await getEvaluation(db(), lead, row.id)],
			[api.findingSchema, await createFinding(db(), lead, row.id, { kind: 'risk', text: 'Werkdruk' })],
			[
				api.capacitySchema,
				await saveCapacity(db(), lead, row.id, { capacityKey: 'learning', effect: 'helps' })
			],
			[api.capacitiesSchema, await listCapacities(db(), lead, row.id)],
			[
				api.participantResponse,
				await addParticipant(db(), lead, row.id, { userId: world.people.memberA1.id, perspective: 'teacher' })
			],
			[api.historySchema, await evaluationHistory(db(), lead, row.id)],
			[api.instrumentTypeSchema, (await listInstrumentTypes(db(), lead))[0]]
		];
		for (const [schema, value] of checks) {
			const result = schema.safeParse(roundTrip(value));
			expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
		}
		const list = await listEvaluations(db(), lead, {});
		expect(api.evaluationListItemSchema.safeParse(roundTrip(list.items[0])).success).toBe(true);
		expect(api.patchPlanBody.safeParse({ title: 'Alleen de titel' }).success).toBe(false);
		expect(api.patchPlanBody.safeParse({ lock: 2, title: 'Alleen de titel' }).success).toBe(true);
	});
});
