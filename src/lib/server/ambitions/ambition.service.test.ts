import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { ensureDefaultModel } from '../model/model.service.ts';
import { team } from '../organisation/organisation.table.ts';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { can } from '../policy/policy.ts';
import { buildTeam } from '../testing/factories.ts';
import { ambitionPolicy } from './ambition.policy.ts';
import {
	ambitionHistory,
	ambitionOverview,
	currentAmbitions,
	listAmbitions,
	setAmbition
} from './ambition.service.ts';
import { ambition } from './ambition.table.ts';

const { db, world } = useWorld();

beforeAll(async () => {
	await ensureDefaultModel(db());
});

const teamAmbition = (overrides: Record<string, unknown> = {}) => ({
	institutionId: world.a.id,
	teamId: world.a1.id,
	targetKind: 'value',
	targetKey: 'eigenaarschap',
	levelKey: 'above-standard',
	text: 'Elk teamlid voelt zich eigenaar van de leerroute.',
	setOn: '2025-09-01',
	...overrides
});

describe('setAmbition', () => {
	it('stores a dated ambition with the rank and model version in force', async () => {
		const row = await setAmbition(db(), world.people.leadA1.actor, teamAmbition());
		expect(row).toMatchObject({
			teamId: world.a1.id,
			levelKey: 'above-standard',
			rank: 3,
			setOn: '2025-09-01'
		});
		expect(row.modelVersionId).toMatch(/^[0-9a-f-]{36}$/);
		expect(await countRows(db(), auditEvent, eq(auditEvent.entityId, row.id))).toBe(1);
	});

	it('keeps every ambition as history; the latest per target is current', async () => {
		const t = await buildTeam(db(), world.a.id);
		const qo = world.people.qoA.actor;
		const ref = { institutionId: world.a.id, teamId: t.id };
		await setAmbition(db(), qo, teamAmbition({ teamId: t.id, setOn: '2024-01-10', levelKey: 'at-standard' }));
		await setAmbition(
			db(),
			qo,
			teamAmbition({ teamId: t.id, setOn: '2025-02-01', levelKey: 'ambition', text: 'Hoger' })
		);
		// An older date entered later does not replace the newer ambition.
		await setAmbition(
			db(),
			qo,
			teamAmbition({ teamId: t.id, setOn: '2023-05-05', levelKey: 'below-standard' })
		);
		await setAmbition(
			db(),
			qo,
			teamAmbition({ teamId: t.id, targetKind: 'standard', targetKey: 'team-visie', levelKey: 'at-standard' })
		);
		const current = await currentAmbitions(db(), ref);
		expect(current.map((a) => [a.targetKind, a.targetKey, a.levelKey, a.rank])).toEqual([
			['value', 'eigenaarschap', 'ambition', 4],
			['standard', 'team-visie', 'at-standard', 2]
		]);
		const full = await listAmbitions(db(), qo, ref);
		expect(full.history.total).toBe(4);
		expect(full.history.items.map((a) => a.setOn)).toEqual([
			'2025-09-01',
			'2025-02-01',
			'2024-01-10',
			'2023-05-05'
		]);
		const paged = await ambitionHistory(db(), qo, ref, { page: 2, pageSize: 3 });
		expect(paged.items.map((a) => a.setOn)).toEqual(['2023-05-05']);
		expect(full.history.items[0]?.createdByName).toBe('Kwaliteit Alfa');
	});

	it('records one ambition when the same form is submitted twice, also at the same moment', async () => {
		const lead = world.people.leadA1.actor;
		const input = teamAmbition({ text: 'Eén keer bedoeld', clientToken: 'ambition-form-1' });
		const [first, second] = await Promise.all([
			setAmbition(db(), lead, input),
			setAmbition(db(), lead, input)
		]);
		expect(second.id).toBe(first.id);
		expect(await countRows(db(), ambition, eq(ambition.text, 'Eén keer bedoeld'))).toBe(1);
		await setAmbition(db(), lead, { ...input, clientToken: 'ambition-form-2' });
		expect(await countRows(db(), ambition, eq(ambition.text, 'Eén keer bedoeld'))).toBe(2);
	});

	it('keeps team and institution ambitions apart', async () => {
		await setAmbition(db(), world.people.execA.actor, {
			institutionId: world.a.id,
			targetKind: 'standard',
			targetKey: 'instelling-koers',
			levelKey: 'at-standard',
			text: 'Een gedeelde koers.'
		});
		const institutionCurrent = await currentAmbitions(db(), { institutionId: world.a.id });
		expect(institutionCurrent.map((a) => a.targetKey)).toEqual(['instelling-koers']);
		expect(institutionCurrent[0]?.setOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const teamCurrent = await currentAmbitions(db(), { institutionId: world.a.id, teamId: world.a1.id });
		expect(teamCurrent.some((a) => a.targetKey === 'instelling-koers')).toBe(false);
	});

	it('refuses unknown keys, a standard of the other level and a level off the scale, in Dutch per field', async () => {
		const lead = world.people.leadA1.actor;
		const unknownValue = await failure(setAmbition(db(), lead, teamAmbition({ targetKey: 'geluk' })));
		expect(unknownValue.status).toBe(422);
		expect(unknownValue.fieldErrors).toEqual([
			{ field: 'targetKey', message: expect.stringContaining("onbekende referentiewaarde 'geluk'") }
		]);
		const wrongLevel = await failure(
			setAmbition(db(), lead, teamAmbition({ targetKind: 'standard', targetKey: 'instelling-koers' }))
		);
		expect(wrongLevel.fieldErrors[0]).toMatchObject({
			field: 'targetKey',
			message: expect.stringContaining('hoort bij het niveau')
		});
		const badLevel = await failure(setAmbition(db(), lead, teamAmbition({ levelKey: 'perfect' })));
		expect(badLevel.fieldErrors[0]).toMatchObject({
			field: 'levelKey',
			message: expect.stringContaining("onbekend niveau 'perfect'")
		});
		const bad = await failure(
			setAmbition(
				db(),
				lead,
				teamAmbition({ targetKind: 'theme', text: 'x'.repeat(5001), setOn: '01-09-2025' })
			)
		);
		expect(bad.status).toBe(422);
		expect(bad.fieldErrors.map((e) => e.field).sort()).toEqual(['setOn', 'targetKind', 'text']);
		expect(bad.fieldErrors.find((e) => e.field === 'text')?.message).toBe(
			'ambitie mag hoogstens 5000 tekens hebben'
		);
		const missing = await failure(
			setAmbition(db(), lead, { institutionId: world.a.id, teamId: world.a1.id })
		);
		expect(missing.fieldErrors.map((e) => e.field).sort()).toEqual([
			'levelKey',
			'targetKey',
			'targetKind',
			'text'
		]);
		const future = await failure(setAmbition(db(), lead, teamAmbition({ setOn: '2999-01-01' })));
		expect(future.fieldErrors).toEqual([{ field: 'setOn', message: 'datum mag niet in de toekomst liggen' }]);
		const wrongType = await failure(setAmbition(db(), lead, teamAmbition({ text: 42, targetKey: ['x'] })));
		expect(wrongType.status).toBe(422);
	});

	it('lets only the team lead (team) and quality officer set a team ambition; others 403, outsiders 404', async () => {
		const before = await countRows(db(), ambition);
		const { people } = world;
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
			const e = await failure(setAmbition(db(), people[key].actor, teamAmbition()));
			expect(e.status, key).toBe(status);
		}
		const loggedOut = await failure(setAmbition(db(), null, teamAmbition()));
		expect(loggedOut.status).toBe(401);
		// A team of another institution named under this institution is simply not found.
		const mixed = await failure(setAmbition(db(), people.qoA.actor, teamAmbition({ teamId: world.b1.id })));
		expect(mixed.status).toBe(404);
		expect(await countRows(db(), ambition)).toBe(before);
	});

	it('lets the quality officer and executive set institution ambitions, not a team lead', async () => {
		const input = {
			institutionId: world.a.id,
			targetKind: 'value',
			targetKey: 'vertrouwen',
			levelKey: 'at-standard',
			text: 'Vertrouwen'
		};
		expect((await failure(setAmbition(db(), world.people.leadA1.actor, input))).status).toBe(403);
		expect((await failure(setAmbition(db(), world.people.qoB.actor, input))).status).toBe(404);
		await expect(setAmbition(db(), world.people.qoA.actor, input)).resolves.toMatchObject({ teamId: null });
	});

	it('refuses new ambitions on an archived team', async () => {
		const t = await buildTeam(db(), world.a.id);
		await db().update(team).set({ archivedAt: new Date() }).where(eq(team.id, t.id));
		const e = await failure(setAmbition(db(), world.people.qoA.actor, teamAmbition({ teamId: t.id })));
		expect(e.status).toBe(409);
	});
});

describe('reading ambitions', () => {
	it('follows the policy: team ambitions for the team and institution staff only', async () => {
		for (const [key, person] of Object.entries(world.people)) {
			const allowed = can(person.actor, ambitionPolicy, 'ambition.read_team', {
				institutionId: world.a.id,
				teamId: world.a1.id
			});
			const result = await listAmbitions(db(), person.actor, {
				institutionId: world.a.id,
				teamId: world.a1.id
			}).then(
				() => 200,
				(e: { status: number }) => e.status
			);
			expect(result, key).toBe(allowed ? 200 : 404);
		}
		expect(
			can(world.people.memberA2.actor, ambitionPolicy, 'ambition.read_team', {
				institutionId: world.a.id,
				teamId: world.a1.id
			})
		).toBe(false);
		expect(
			can(world.people.memberA2.actor, ambitionPolicy, 'ambition.read_institution', {
				institutionId: world.a.id
			})
		).toBe(true);
	});

	it('gives the page the model options of the subject level and whether the form shows', async () => {
		const overview = await ambitionOverview(db(), world.people.memberA1.actor, {
			institutionId: world.a.id,
			teamId: world.a1.id
		});
		expect(overview.canSet).toBe(false);
		expect(overview.model?.standards.every((s) => s.key.startsWith('team-'))).toBe(true);
		expect(overview.model?.levels.map((l) => l.key)).toContain('at-standard');
		const lead = await ambitionOverview(db(), world.people.leadA1.actor, {
			institutionId: world.a.id,
			teamId: world.a1.id
		});
		expect(lead.canSet).toBe(true);
		expect(lead.subject.teamName).toBe('Zorg A');
	});
});
