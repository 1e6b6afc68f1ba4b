import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { finding } from '../evaluations/evaluation.table.ts';
import { job } from '../jobs/job.table.ts';
import { ensureDefaultModel } from '../model/model.service.ts';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { can } from '../policy/policy.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';
import { buildPerson } from '../testing/factories.ts';
import { loadActor } from '../auth/actor.ts';
import { roleAssignment } from '../people/people.table.ts';
import {
	actionScope,
	addProgressNote,
	createAction,
	getAction,
	listActions,
	listOpenActionsForSubject,
	ownerCandidates,
	updateAction
} from './action.service.ts';
import { agendaPolicy } from './agenda.policy.ts';
import { actionNote, improvementAction } from './agenda.table.ts';
import { addDays, today } from '../../domain/dates.ts';

const { db, world } = useWorld();

beforeAll(async () => {
	await ensureDefaultModel(db());
});

const inDays = (n: number) => addDays(today(), n);

const teamAction = (overrides: Record<string, unknown> = {}) => ({
	institutionId: world.a.id,
	teamId: world.a1.id,
	title: 'Studenten structureel betrekken bij de evaluatie van het curriculum',
	reason: 'Aandachtspunt uit de zelfevaluatie',
	valueKey: 'dialoog',
	standardKey: 'team-student',
	capacityKey: 'collaborative',
	ownerId: world.people.memberA1.id,
	dueOn: inDays(30),
	...overrides
});

const list = { page: 1, pageSize: 200 };

describe('createAction', () => {
	it('puts an action on the team agenda, audited, with the owner reminders scheduled', async () => {
		const row = await createAction(db(), world.people.leadA1.actor, teamAction());
		expect(row).toMatchObject({
			teamId: world.a1.id,
			status: 'open',
			progress: 0,
			version: 1,
			valueKey: 'dialoog',
			closedAt: null,
			createdBy: world.people.leadA1.id
		});
		expect(row.modelVersionId).toBeTruthy();
		expect(await countRows(db(), auditEvent, eq(auditEvent.entityId, row.id))).toBe(1);
		const jobs = await db().select().from(job).where(eq(job.status, 'pending'));
		expect(jobs.filter((j) => (j.payload as { actionId: string }).actionId === row.id).length).toBe(2);
	});

	it('refuses bad input with Dutch messages per field, and writes nothing', async () => {
		const lead = world.people.leadA1.actor;
		const before = await countRows(db(), improvementAction);
		const e = await failure(
			createAction(
				db(),
				lead,
				teamAction({
					title: 'x'.repeat(301),
					valueKey: 'geluk',
					standardKey: 'instelling-koers',
					capacityKey: 'magic',
					dueOn: '31-12-2026',
					status: 'klaar'
				})
			)
		);
		expect(e.status).toBe(422);
		expect(e.fieldErrors.map((f) => f.field).sort()).toEqual(['dueOn', 'status', 'title']);
		expect(e.fieldErrors.find((f) => f.field === 'title')?.message).toBe(
			'titel mag hoogstens 300 tekens hebben'
		);
		// Shape first; model keys once the shape is right.
		const keys = await failure(
			createAction(
				db(),
				lead,
				teamAction({ valueKey: 'geluk', standardKey: 'instelling-koers', capacityKey: 'magic' })
			)
		);
		expect(keys.fieldErrors.map((f) => f.field)).toEqual(['valueKey', 'standardKey', 'capacityKey']);
		expect(keys.fieldErrors[0]?.message).toContain("onbekende referentiewaarde 'geluk'");
		const missing = await failure(
			createAction(db(), lead, { institutionId: world.a.id, teamId: world.a1.id })
		);
		expect(missing.fieldErrors).toEqual([{ field: 'title', message: 'titel is verplicht' }]);
		const types = await failure(
			createAction(db(), lead, teamAction({ title: 12, progress: 'veel', ownerId: ['x'] }))
		);
		expect(types.fieldErrors.map((f) => f.field).sort()).toEqual(['ownerId', 'progress', 'title']);
		expect(await countRows(db(), improvementAction)).toBe(before);
	});

	it('takes as owner only someone with a role in this team or the institution', async () => {
		const lead = world.people.leadA1.actor;
		for (const person of [
			world.people.memberA2,
			world.people.memberB1,
			world.people.qoB,
			world.people.nobody
		]) {
			const e = await failure(createAction(db(), lead, teamAction({ ownerId: person.id })));
			expect(e.fieldErrors, person.actor.name).toEqual([
				{ field: 'ownerId', message: 'kies als eigenaar iemand met een rol in dit team of deze instelling' }
			]);
		}
		const unknown = await failure(createAction(db(), lead, teamAction({ ownerId: 'no-such-user' })));
		expect(unknown.fieldErrors[0]?.field).toBe('ownerId');
		// Institution staff may own a team's action.
		await expect(
			createAction(db(), lead, teamAction({ ownerId: world.people.execA.id }))
		).resolves.toBeTruthy();
		const candidates = await ownerCandidates(db(), { institutionId: world.a.id, teamId: world.a1.id });
		expect(candidates.map((c) => c.name).sort()).toEqual(
			['Bestuur Alfa', 'Begeleider Alfa', 'Kwaliteit Alfa', 'Leider Zorg A', 'Lid Zorg A'].sort()
		);
	});

	it('lets the team lead and the quality officer create; others 403, other teams and institutions 404', async () => {
		const before = await countRows(db(), improvementAction);
		for (const [key, status] of [
			['memberA1', 403],
			['execA', 403],
			['facA', 403],
			['memberA2', 404],
			['qoB', 404],
			['memberB1', 404],
			['admin', 404],
			['nobody', 404]
		] as const) {
			const e = await failure(createAction(db(), world.people[key].actor, teamAction()));
			expect(e.status, key).toBe(status);
		}
		expect((await failure(createAction(db(), null, teamAction()))).status).toBe(401);
		// The institution's agenda is the quality officer's: a team lead does not even see it
		// (read like evaluations), an executive sees it but may not add to it.
		const institutionInput = teamAction({ teamId: undefined, standardKey: 'instelling-koers' });
		expect((await failure(createAction(db(), world.people.leadA1.actor, institutionInput))).status).toBe(404);
		expect((await failure(createAction(db(), world.people.execA.actor, institutionInput))).status).toBe(403);
		expect(await countRows(db(), improvementAction)).toBe(before);
		await expect(createAction(db(), world.people.qoA.actor, institutionInput)).resolves.toMatchObject({
			teamId: null
		});
	});

	it('links an evaluation and finding of the same subject only', async () => {
		const lead = world.people.leadA1.actor;
		const own = await buildEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			status: 'reporting'
		});
		const [f] = await db()
			.insert(finding)
			.values({
				evaluationId: own.id,
				kind: 'concern',
				text: 'Studenten worden weinig gehoord',
				valueKey: 'dialoog'
			})
			.returning();
		const linked = await createAction(db(), lead, teamAction({ evaluationId: own.id, findingId: f!.id }));
		expect(linked).toMatchObject({
			evaluationId: own.id,
			findingId: f!.id,
			modelVersionId: own.modelVersionId
		});
		const detail = await getAction(db(), lead, linked.id);
		expect(detail.evaluationTitle).toBe(own.title);
		expect(detail.findingText).toBe('Studenten worden weinig gehoord');

		const otherTeam = await buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a2.id });
		const otherInstitution = await buildEvaluation(db(), { institutionId: world.b.id, teamId: world.b1.id });
		for (const evaluationId of [otherTeam.id, otherInstitution.id, '00000000-0000-4000-8000-000000000000']) {
			const e = await failure(createAction(db(), lead, teamAction({ evaluationId })));
			expect(e.fieldErrors).toEqual([{ field: 'evaluationId', message: 'kies een evaluatie van dit team' }]);
		}
		const [foreign] = await db()
			.insert(finding)
			.values({ evaluationId: otherTeam.id, kind: 'risk', text: 'Elders' })
			.returning();
		const wrongFinding = await failure(
			createAction(db(), world.people.qoA.actor, teamAction({ evaluationId: own.id, findingId: foreign!.id }))
		);
		expect(wrongFinding.fieldErrors).toEqual([
			{ field: 'findingId', message: 'kies een bevinding van deze evaluatie' }
		]);
		const findingAlone = await failure(createAction(db(), lead, teamAction({ findingId: f!.id })));
		expect(findingAlone.fieldErrors[0]?.field).toBe('findingId');
	});

	it('makes one action of a double submit with the same form token (two without a token)', async () => {
		const lead = world.people.leadA1.actor;
		const input = teamAction({ title: 'Dubbel verstuurd', clientToken: 'form-123' });
		const [a, b] = await Promise.all([createAction(db(), lead, input), createAction(db(), lead, input)]);
		const again = await createAction(db(), lead, input);
		expect(b.id).toBe(a.id);
		expect(again.id).toBe(a.id);
		expect(await countRows(db(), improvementAction, eq(improvementAction.title, 'Dubbel verstuurd'))).toBe(1);
		// The same token from another person is their own form.
		const other = await createAction(db(), world.people.qoA.actor, input);
		expect(other.id).not.toBe(a.id);
		// A token already used for another subject is not silently answered with that action.
		const reused = await failure(
			createAction(db(), world.people.qoA.actor, { ...input, teamId: undefined, standardKey: null })
		);
		expect(reused.status).toBe(409);
		// Without a token the service cannot tell a double submit from two equal actions.
		const plain = teamAction({ title: 'Zonder token' });
		await createAction(db(), lead, plain);
		await createAction(db(), lead, plain);
		expect(await countRows(db(), improvementAction, eq(improvementAction.title, 'Zonder token'))).toBe(2);
	});
});

describe('updateAction', () => {
	it('saves a change from the current version and bumps the version', async () => {
		const lead = world.people.leadA1.actor;
		const row = await createAction(db(), lead, teamAction());
		const updated = await updateAction(db(), lead, row.id, {
			version: 1,
			title: 'Nieuwe titel',
			status: 'in_progress'
		});
		expect(updated).toMatchObject({
			title: 'Nieuwe titel',
			status: 'in_progress',
			version: 2,
			reason: row.reason
		});
		const same = await updateAction(db(), lead, row.id, { version: 2, title: 'Nieuwe titel' });
		expect(same.version).toBe(2);
		const closed = await updateAction(db(), world.people.qoA.actor, row.id, { version: 2, status: 'done' });
		expect(closed.closedAt).toBeInstanceOf(Date);
		const reopened = await updateAction(db(), lead, row.id, { version: 3, status: 'open', dueOn: '' });
		expect(reopened).toMatchObject({ closedAt: null, dueOn: null });
	});

	it('answers a stale version with 409 and the current values, writing nothing', async () => {
		const lead = world.people.leadA1.actor;
		const row = await createAction(db(), lead, teamAction({ title: 'Origineel' }));
		await updateAction(db(), world.people.qoA.actor, row.id, {
			version: 1,
			title: 'Door kwaliteitszorg',
			ownerId: world.people.execA.id
		});
		const e = await failure(
			updateAction(db(), lead, row.id, { version: 1, title: 'Door teamleider', status: 'open' })
		);
		expect(e.status).toBe(409);
		expect(e.message).toContain("titel: 'Door kwaliteitszorg'");
		expect(e.message).toContain('eigenaar: Bestuur Alfa');
		expect(e.message).toContain('nu versie 2');
		expect(e.fieldErrors).toEqual([
			{ field: 'title', message: "opgeslagen waarde is nu: 'Door kwaliteitszorg'" }
		]);
		const [stored] = await db().select().from(improvementAction).where(eq(improvementAction.id, row.id));
		expect(stored).toMatchObject({ title: 'Door kwaliteitszorg', version: 2 });
	});

	it('lets only planners change; a team member 403, another team or institution 404', async () => {
		const row = await createAction(db(), world.people.leadA1.actor, teamAction());
		const change = { version: 1, title: 'Gekaapt' };
		expect((await failure(updateAction(db(), world.people.memberA1.actor, row.id, change))).status).toBe(403);
		for (const key of ['memberA2', 'qoB', 'memberB1', 'admin', 'nobody'] as const) {
			expect((await failure(updateAction(db(), world.people[key].actor, row.id, change))).status, key).toBe(
				404
			);
		}
		expect((await failure(updateAction(db(), world.people.leadA1.actor, 'not-an-id', change))).status).toBe(
			404
		);
		const noVersion = await failure(updateAction(db(), world.people.leadA1.actor, row.id, { title: 'x y' }));
		expect(noVersion.fieldErrors[0]).toMatchObject({ field: 'version' });
		const badOwner = await failure(
			updateAction(db(), world.people.leadA1.actor, row.id, { version: 1, ownerId: world.people.memberB1.id })
		);
		expect(badOwner.fieldErrors[0]?.field).toBe('ownerId');
	});
});

describe('addProgressNote', () => {
	it('records notes by the team and the owner; done closes the action', async () => {
		const row = await createAction(
			db(),
			world.people.leadA1.actor,
			teamAction({ ownerId: world.people.execA.id })
		);
		const first = await addProgressNote(db(), world.people.memberA1.actor, row.id, {
			text: 'Gestart',
			progress: '20',
			status: 'in_progress'
		});
		expect(first.action).toMatchObject({ status: 'in_progress', progress: 20, version: 2 });
		const done = await addProgressNote(db(), world.people.execA.actor, row.id, {
			text: 'Klaar',
			status: 'done'
		});
		expect(done.action).toMatchObject({ status: 'done', progress: 100 });
		expect(done.action.closedAt).toBeInstanceOf(Date);
		const detail = await getAction(db(), world.people.memberA1.actor, row.id);
		expect(detail.notes.map((n) => [n.text, n.authorName])).toEqual([
			['Gestart', 'Lid Zorg A'],
			['Klaar', 'Bestuur Alfa']
		]);
		expect(detail.can).toEqual({ update: false, addNote: true });
	});

	it('stores a double submit of the same note form once', async () => {
		const row = await createAction(db(), world.people.leadA1.actor, teamAction());
		const note = { text: 'Eén keer', progress: 40, clientToken: 'note-token-1' };
		const [a, b] = await Promise.all([
			addProgressNote(db(), world.people.memberA1.actor, row.id, note),
			addProgressNote(db(), world.people.memberA1.actor, row.id, note)
		]);
		expect(b.note.id).toBe(a.note.id);
		expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
		expect(await countRows(db(), actionNote, eq(actionNote.actionId, row.id))).toBe(1);
		const [stored] = await db().select().from(improvementAction).where(eq(improvementAction.id, row.id));
		expect(stored).toMatchObject({ progress: 40, version: 2 });
	});

	it('refuses other teams and institutions (404) and bad input (422)', async () => {
		const row = await createAction(db(), world.people.leadA1.actor, teamAction());
		for (const key of ['memberA2', 'qoB', 'memberB1', 'nobody'] as const) {
			const e = await failure(addProgressNote(db(), world.people[key].actor, row.id, { text: 'Hallo' }));
			expect(e.status, key).toBe(404);
		}
		const bad = await failure(
			addProgressNote(db(), world.people.memberA1.actor, row.id, { text: '', progress: 101, status: 'x' })
		);
		expect(bad.fieldErrors.map((f) => f.field).sort()).toEqual(['progress', 'status', 'text']);
		expect(await countRows(db(), actionNote, eq(actionNote.actionId, row.id))).toBe(0);
	});

	it('lets the owner of an institution action read it and report progress, though their role is in a team', async () => {
		const row = await createAction(
			db(),
			world.people.qoA.actor,
			teamAction({ teamId: undefined, standardKey: null, ownerId: world.people.memberA2.id })
		);
		const detail = await getAction(db(), world.people.memberA2.actor, row.id);
		expect(detail.can).toEqual({ update: false, addNote: true });
		await addProgressNote(db(), world.people.memberA2.actor, row.id, { text: 'Bezig' });
		expect((await failure(getAction(db(), world.people.memberA1.actor, row.id))).status).toBe(404);
		const mine = await listActions(db(), world.people.memberA2.actor, { ...list, mine: true });
		expect(mine.items.map((i) => i.id)).toContain(row.id);
	});
});

describe('an owner who left', () => {
	it('loses access to their actions once they hold no role in the institution', async () => {
		const leaver = await buildPerson(db(), [
			{ role: 'team_member', institutionId: world.a.id, teamId: world.a1.id }
		]);
		const row = await createAction(db(), world.people.leadA1.actor, teamAction({ ownerId: leaver.id }));
		expect((await getAction(db(), leaver.actor, row.id)).id).toBe(row.id);
		// They moved to institution B: the same person, with only a role there.
		await db().delete(roleAssignment).where(eq(roleAssignment.userId, leaver.id));
		await db().insert(roleAssignment).values({
			userId: leaver.id,
			role: 'team_member',
			institutionId: world.b.id,
			teamId: world.b1.id
		});
		const moved = (await loadActor(db(), leaver.id))!;
		expect((await failure(getAction(db(), moved, row.id))).status).toBe(404);
		expect(
			(await failure(addProgressNote(db(), moved, row.id, { text: 'Klaar', status: 'done' }))).status
		).toBe(404);
		const mine = await listActions(db(), moved, { ...list, mine: true });
		expect(mine.items.map((i) => i.id)).not.toContain(row.id);
	});

	it("shows an owner outside the evaluation's readers the action, not the evaluation and finding text", async () => {
		const ev = await buildEvaluation(db(), {
			institutionId: world.a.id,
			level: 'institution',
			status: 'execution'
		});
		const [f] = await db()
			.insert(finding)
			.values({ evaluationId: ev.id, kind: 'concern', text: 'Vertrouwelijk aandachtspunt' })
			.returning();
		const row = await createAction(
			db(),
			world.people.qoA.actor,
			teamAction({
				teamId: undefined,
				standardKey: null,
				evaluationId: ev.id,
				findingId: f!.id,
				ownerId: world.people.memberA2.id
			})
		);
		const asOwner = await getAction(db(), world.people.memberA2.actor, row.id);
		expect(asOwner.findingText).toBeNull();
		expect(asOwner.evaluationTitle).toBeNull();
		expect((await getAction(db(), world.people.qoA.actor, row.id)).findingText).toBe(
			'Vertrouwelijk aandachtspunt'
		);
	});
});

describe('listing actions', () => {
	it('lists exactly what can() allows, for every person', async () => {
		const all = await db().select().from(improvementAction);
		for (const [key, person] of Object.entries(world.people)) {
			const allowed = all
				.filter((r) => can(person.actor, agendaPolicy, 'action.read', actionScope(r)))
				.map((r) => r.id);
			const listed = await listActions(db(), person.actor, list);
			expect(listed.items.map((i) => i.id).sort(), key).toEqual(allowed.sort());
			expect(listed.total, key).toBe(allowed.length);
		}
	});

	it('filters by team, status, overdue and owner, and paginates', async () => {
		const qo = world.people.qoA.actor;
		const late = await createAction(db(), qo, teamAction({ title: 'Te laat', dueOn: inDays(-3) }));
		await createAction(
			db(),
			qo,
			teamAction({ title: 'Te laat maar klaar', dueOn: inDays(-3), status: 'done' })
		);
		const overdue = await listActions(db(), qo, { ...list, overdue: true });
		expect(overdue.items.map((i) => i.title)).toContain('Te laat');
		expect(overdue.items.map((i) => i.title)).not.toContain('Te laat maar klaar');
		expect(overdue.items.every((i) => i.overdue)).toBe(true);
		const done = await listActions(db(), qo, { ...list, status: 'done' });
		expect(done.items.every((i) => i.status === 'done')).toBe(true);
		const a2 = await listActions(db(), qo, { ...list, teamId: world.a2.id });
		expect(a2.items).toEqual([]);
		const mine = await listActions(db(), world.people.memberA1.actor, { ...list, mine: true });
		expect(mine.items.length).toBeGreaterThan(0);
		expect(mine.items.every((i) => i.ownerId === world.people.memberA1.id)).toBe(true);
		expect(mine.items.find((i) => i.id === late.id)?.ownerName).toBe('Lid Zorg A');
		const page = await listActions(db(), qo, { page: 2, pageSize: 2 });
		expect(page.items).toHaveLength(2);
		expect(page.total).toBeGreaterThan(4);
	});

	it('gives the evaluation page the open actions of one subject', async () => {
		const t = { institutionId: world.a.id, teamId: world.a1.id };
		const open = await listOpenActionsForSubject(db(), world.people.memberA1.actor, t);
		expect(open.length).toBeGreaterThan(0);
		expect(open.every((a) => a.teamId === world.a1.id && ['open', 'in_progress'].includes(a.status))).toBe(
			true
		);
		const inst = await listOpenActionsForSubject(db(), world.people.qoA.actor, { institutionId: world.a.id });
		expect(inst.every((a) => a.teamId === null)).toBe(true);
		expect((await failure(listOpenActionsForSubject(db(), world.people.qoB.actor, t))).status).toBe(404);
		expect((await failure(listOpenActionsForSubject(db(), world.people.memberA2.actor, t))).status).toBe(404);
	});

	it('keeps a stranger out of a single action', async () => {
		const outsider = await buildPerson(db(), [
			{ role: 'team_lead', institutionId: world.b.id, teamId: world.b1.id }
		]);
		const [row] = await db()
			.select()
			.from(improvementAction)
			.where(and(eq(improvementAction.teamId, world.a1.id)));
		expect((await failure(getAction(db(), outsider.actor, row!.id))).status).toBe(404);
	});
});
