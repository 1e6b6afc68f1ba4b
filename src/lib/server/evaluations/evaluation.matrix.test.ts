import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { ensureDefaultModel } from '../model/model.service.ts';
import { failure, useWorld } from '../organisation/test-world.ts';
import { can, type Actor } from '../policy/policy.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';
import { buildPerson } from '../testing/factories.ts';
import { saveCapacity } from './capacity.service.ts';
import { evaluationPolicy, type EvaluationAction } from './evaluation.policy.ts';
import { getEvaluation, listEvaluations, updateEvaluationPlan } from './evaluation.service.ts';
import { evaluation } from './evaluation.table.ts';
import { createFinding, listFindings } from './finding.service.ts';
import { addParticipant, listParticipants } from './participant.service.ts';
import { evaluationHistory, reviseEvaluation } from './revision.service.ts';
import { advanceEvaluation } from './workflow.service.ts';

// The evaluations' authorization matrix through the real services. Every workflow
// transition by every role is written out by hand (so a policy change shows up here as a
// deliberate edit); the other actions are checked against the declarative policy, like
// policy/service-matrix.test.ts: allowed exactly when `can` says so, 404 when the person
// may not even read the evaluation, else 403.

const { db, world } = useWorld();
let leadA2: Actor;
beforeAll(async () => {
	await ensureDefaultModel(db());
	leadA2 = (await buildPerson(db(), [{ role: 'team_lead', institutionId: world.a.id, teamId: world.a2.id }]))
		.actor;
});

const people = ['leadA1', 'qoA', 'facA', 'execA', 'memberA1', 'leadA2', 'qoB', 'admin'] as const;
type Person = (typeof people)[number];
const actorOf = (who: Person): Actor =>
	who === 'leadA2' ? leadA2 : world.people[who as Exclude<Person, 'leadA2'>].actor;

// The workflow matrix: every transition by every role. "planner" is the team lead; the
// other team's lead, the other institution's quality officer and the network admin do not
// even see the evaluation (404).
const transitions = [
	['planned', 'preparation'],
	['preparation', 'execution'],
	['execution', 'reporting'],
	['reporting', 'execution'],
	['reporting', 'finalised']
] as const;

type Outcome = 'ok' | 403 | 404;
const matrix: Record<string, { advance: Outcome; finalise: Outcome }> = {
	leadA1: { advance: 'ok', finalise: 'ok' },
	qoA: { advance: 'ok', finalise: 'ok' },
	facA: { advance: 'ok', finalise: 403 },
	execA: { advance: 403, finalise: 'ok' },
	memberA1: { advance: 403, finalise: 403 },
	leadA2: { advance: 404, finalise: 404 },
	qoB: { advance: 404, finalise: 404 },
	admin: { advance: 404, finalise: 404 }
};

describe('workflow transitions by role', () => {
	for (const [who, expected] of Object.entries(matrix)) {
		for (const [from, to] of transitions) {
			const outcome = to === 'finalised' ? expected.finalise : expected.advance;
			it(`${who}: ${from} → ${to} is ${outcome === 'ok' ? 'allowed' : outcome}`, async () => {
				const actor = actorOf(who as Person);
				const row = await buildEvaluation(db(), {
					institutionId: world.a.id,
					teamId: world.a1.id,
					status: from
				});
				const run = advanceEvaluation(db(), actor, row.id, { to, lock: row.lock });
				if (outcome === 'ok') {
					const updated = await run;
					expect(updated.status).toBe(to);
					expect(updated.lock).toBe(row.lock + 1);
					const audits = await db().select().from(auditEvent).where(eq(auditEvent.entityId, row.id));
					expect(audits.map((a) => a.action)).toEqual([
						to === 'finalised'
							? 'evaluation.finalised'
							: from === 'reporting'
								? 'evaluation.reopened'
								: 'evaluation.advanced'
					]);
				} else {
					expect((await failure(run)).status).toBe(outcome);
					const [after] = await db().select().from(evaluation).where(eq(evaluation.id, row.id));
					expect(after!.status).toBe(from);
				}
			});
		}
	}
});

const scopeA1 = () => ({ institutionId: world.a.id, teamId: world.a1.id });

interface Case {
	name: string;
	action: EvaluationAction;
	status: 'planned' | 'execution' | 'finalised';
	run: (actor: Actor, row: typeof evaluation.$inferSelect) => Promise<unknown>;
}

const cases: Case[] = [
	{ name: 'get', action: 'evaluation.read', status: 'planned', run: (a, r) => getEvaluation(db(), a, r.id) },
	{
		name: 'participants',
		action: 'evaluation.read',
		status: 'planned',
		run: (a, r) => listParticipants(db(), a, r.id)
	},
	{
		name: 'findings',
		action: 'evaluation.read',
		status: 'planned',
		run: (a, r) => listFindings(db(), a, r.id)
	},
	{
		name: 'history',
		action: 'evaluation.read',
		status: 'planned',
		run: (a, r) => evaluationHistory(db(), a, r.id)
	},
	{
		name: 'update plan',
		action: 'evaluation.update_plan',
		status: 'planned',
		run: (a, r) => updateEvaluationPlan(db(), a, r.id, { lock: r.lock, title: 'Bijgewerkt plan' })
	},
	{
		name: 'add participant',
		action: 'evaluation.manage_participants',
		status: 'planned',
		run: (a, r) => addParticipant(db(), a, r.id, { userId: world.people.memberA1.id, perspective: 'teacher' })
	},
	{
		name: 'create finding',
		action: 'evaluation.write_findings',
		status: 'execution',
		run: (a, r) => createFinding(db(), a, r.id, { kind: 'strength', text: 'Iets goeds' })
	},
	{
		name: 'save capacity',
		action: 'evaluation.write_findings',
		status: 'execution',
		run: (a, r) =>
			saveCapacity(db(), a, r.id, { capacityKey: 'learning', effect: 'helps', perspective: 'teacher' })
	},
	{
		name: 'revise',
		action: 'evaluation.revise',
		status: 'finalised',
		run: (a, r) => reviseEvaluation(db(), a, r.id, { reason: 'Correctie voor de matrix' })
	}
];

describe('other evaluation actions by role, as the policy says', () => {
	for (const c of cases) {
		for (const who of people) {
			it(`${c.name} by ${who}`, async () => {
				const actor = actorOf(who);
				const row = await buildEvaluation(db(), {
					institutionId: world.a.id,
					teamId: world.a1.id,
					status: c.status
				});
				const expected = !can(actor, evaluationPolicy, 'evaluation.read', scopeA1())
					? 404
					: can(actor, evaluationPolicy, c.action, scopeA1())
						? 'ok'
						: 403;
				if (expected === 'ok') await c.run(actor, row);
				else expect((await failure(c.run(actor, row))).status).toBe(expected);
			});
		}
	}

	it('lists exactly the evaluations each person may read', async () => {
		const rows = [
			await buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id }),
			await buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a2.id }),
			await buildEvaluation(db(), { institutionId: world.a.id, level: 'institution' }),
			await buildEvaluation(db(), { institutionId: world.b.id, teamId: world.b1.id })
		];
		for (const who of people) {
			const actor = actorOf(who);
			const listed = new Set((await listEvaluations(db(), actor, { pageSize: 200 })).items.map((i) => i.id));
			for (const row of rows) {
				const scope = row.teamId
					? { institutionId: row.institutionId, teamId: row.teamId }
					: { institutionId: row.institutionId };
				expect(listed.has(row.id), `${who} → ${row.subjectLevel} ${row.teamId ?? ''}`).toBe(
					can(actor, evaluationPolicy, 'evaluation.read', scope)
				);
			}
		}
	});
});
