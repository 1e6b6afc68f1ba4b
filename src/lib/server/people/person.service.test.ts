import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { account, user } from '../auth/auth.table.ts';
import { can } from '../policy/policy.ts';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { addPerson, getPerson, listPeople } from './person.service.ts';
import { peoplePolicy } from './people.policy.ts';
import { roleAssignment } from './people.table.ts';

const { db, world } = useWorld();

const page = { page: 1, pageSize: 200 };

describe('listPeople', () => {
	it('returns exactly the people (and roles) can() allows, per actor and institution', async () => {
		const assignments = await db().select().from(roleAssignment);
		for (const [key, person] of Object.entries(world.people)) {
			for (const owner of [world.a, world.b]) {
				const visible = assignments.filter(
					(a) =>
						a.institutionId === owner.id &&
						can(person.actor, peoplePolicy, 'person.read', {
							institutionId: a.institutionId,
							teamId: a.teamId,
							userId: a.userId
						})
				);
				const result = await listPeople(db(), person.actor, owner.id, page).then(
					(r) => r,
					(e: { status: number }) => e.status
				);
				if (typeof result === 'number') {
					// Only people who see nothing of the institution get a 404.
					expect(visible, `${key} in ${owner.name}`).toEqual([]);
					continue;
				}
				expect(result.items.map((p) => p.id).sort(), `${key} in ${owner.name}`).toEqual(
					[...new Set(visible.map((a) => a.userId))].sort()
				);
				expect(result.items.flatMap((p) => p.roles.map((r) => r.id)).sort()).toEqual(
					visible.map((a) => a.id).sort()
				);
			}
		}
	});

	it('lets a team member see their team mates but not other teams', async () => {
		const result = await listPeople(db(), world.people.memberA1.actor, world.a.id, page);
		expect(result.items.map((p) => p.name).sort()).toEqual(['Leider Zorg A', 'Lid Zorg A']);
	});

	it('filters by team, role and search text, and paginates', async () => {
		const team = await listPeople(db(), world.people.qoA.actor, world.a.id, { ...page, teamId: world.a1.id });
		expect(team.items.map((p) => p.name).sort()).toEqual(['Leider Zorg A', 'Lid Zorg A']);
		const leads = await listPeople(db(), world.people.qoA.actor, world.a.id, { ...page, role: 'team_lead' });
		expect(leads.items.map((p) => p.name)).toEqual(['Leider Zorg A']);
		const search = await listPeople(db(), world.people.qoA.actor, world.a.id, { ...page, q: 'bestuur' });
		expect(search.items.map((p) => p.name)).toEqual(['Bestuur Alfa']);
		const first = await listPeople(db(), world.people.qoA.actor, world.a.id, { page: 1, pageSize: 2 });
		expect(first.items).toHaveLength(2);
		expect(first.total).toBe(6);
	});
});

describe('getPerson', () => {
	it('shows a person to staff of an institution where they hold a role, with only those roles', async () => {
		const both = await addPerson(db(), world.people.admin.actor, world.b.id, {
			name: 'Twee Banen',
			email: 'twee@example.test',
			role: 'executive'
		});
		await addPerson(db(), world.people.qoA.actor, world.a.id, {
			name: 'Twee Banen',
			email: 'twee@example.test',
			role: 'team_member',
			teamId: world.a1.id
		});
		const seenByA = await getPerson(db(), world.people.qoA.actor, both.person.id);
		expect(seenByA.roles.map((r) => [r.role, r.institutionName, r.teamName])).toEqual([
			['team_member', 'ROC Alfa', 'Zorg A']
		]);
		const seenByAdmin = await getPerson(db(), world.people.admin.actor, both.person.id);
		expect(seenByAdmin.roles).toHaveLength(2);
		expect((await getPerson(db(), world.people.memberA1.actor, world.people.memberA1.id)).roles).toHaveLength(
			1
		);
	});

	it('hides people of another institution (404)', async () => {
		for (const key of ['qoA', 'memberA1', 'nobody'] as const) {
			expect(
				(await failure(getPerson(db(), world.people[key].actor, world.people.memberB1.id))).status,
				key
			).toBe(404);
		}
		expect(
			(await failure(getPerson(db(), world.people.memberA2.actor, world.people.memberA1.id))).status
		).toBe(404);
		expect((await failure(getPerson(db(), world.people.admin.actor, 'no such id!'))).status).toBe(404);
	});
});

describe('addPerson', () => {
	it('creates a person without a password, lowercasing the e-mail, and audits person and role', async () => {
		const result = await addPerson(db(), world.people.qoA.actor, world.a.id, {
			name: 'Nieuwe Docent',
			email: ' Nieuwe.Docent@ROC-Alfa.nl ',
			role: 'team_lead',
			teamId: world.a2.id
		});
		expect(result.created).toBe(true);
		expect(result.person.email).toBe('nieuwe.docent@roc-alfa.nl');
		expect(await countRows(db(), account, eq(account.userId, result.person.id))).toBe(0);
		const audits = await db().select().from(auditEvent).where(eq(auditEvent.entityId, result.person.id));
		expect(audits.map((a) => a.action).sort()).toEqual(['person.created', 'role.assigned']);
		expect(audits.find((a) => a.action === 'role.assigned')?.details).toMatchObject({
			role: 'team_lead',
			teamId: world.a2.id
		});
	});

	it('gives an existing e-mail address the role instead of a second account', async () => {
		const result = await addPerson(db(), world.people.qoA.actor, world.a.id, {
			name: 'Andere Naam',
			email: world.people.memberA2.email.toUpperCase(),
			role: 'facilitator'
		});
		expect(result).toMatchObject({
			created: false,
			person: { id: world.people.memberA2.id, name: 'Lid Techniek A' }
		});
		const again = await failure(
			addPerson(db(), world.people.qoA.actor, world.a.id, {
				name: 'Lid Techniek A',
				email: world.people.memberA2.email,
				role: 'facilitator'
			})
		);
		expect(again.status).toBe(422);
		expect(again.fieldErrors).toEqual([
			{ field: 'role', message: 'deze persoon heeft de rol procesbegeleider hier al' }
		]);
	});

	it('lets a team lead add members to their own team only', async () => {
		const ok = await addPerson(db(), world.people.leadA1.actor, world.a.id, {
			name: 'Stagiair',
			email: 'stagiair@example.test',
			role: 'team_member',
			teamId: world.a1.id
		});
		expect(ok.created).toBe(true);
		const people = await countRows(db(), user);
		const otherTeam = await failure(
			addPerson(db(), world.people.leadA1.actor, world.a.id, {
				name: 'X Y',
				email: 'x@example.test',
				role: 'team_member',
				teamId: world.a2.id
			})
		);
		expect(otherTeam.status).toBe(422);
		const lead = await failure(
			addPerson(db(), world.people.leadA1.actor, world.a.id, {
				name: 'X Y',
				email: 'x@example.test',
				role: 'team_lead',
				teamId: world.a1.id
			})
		);
		expect(lead.status).toBe(403);
		expect(await countRows(db(), user)).toBe(people);
	});

	it('refuses roles only the network bureau assigns, and other institutions', async () => {
		const before = await countRows(db(), roleAssignment);
		const people = await countRows(db(), user);
		for (const role of ['quality_officer', 'executive'] as const) {
			const error = await failure(
				addPerson(db(), world.people.qoA.actor, world.a.id, {
					name: 'Baas',
					email: 'baas@example.test',
					role
				})
			);
			expect(error.status, role).toBe(403);
		}
		const elsewhere = await failure(
			addPerson(db(), world.people.qoA.actor, world.b.id, {
				name: 'Spion',
				email: 'spion@example.test',
				role: 'facilitator'
			})
		);
		expect(elsewhere.status).toBe(404);
		const foreignTeam = await failure(
			addPerson(db(), world.people.qoA.actor, world.a.id, {
				name: 'Spion',
				email: 'spion@example.test',
				role: 'team_member',
				teamId: world.b1.id
			})
		);
		expect(foreignTeam.fieldErrors).toEqual([
			{ field: 'teamId', message: 'kies een team van deze instelling' }
		]);
		for (const key of ['execA', 'memberA1', 'facA'] as const) {
			const error = await failure(
				addPerson(db(), world.people[key].actor, world.a.id, {
					name: 'X Y',
					email: 'xy@example.test',
					role: 'team_member',
					teamId: world.a1.id
				})
			);
			expect(error.status, key).toBe(403);
		}
		expect(await countRows(db(), roleAssignment)).toBe(before);
		expect(await countRows(db(), user)).toBe(people);
	});

	it('lets a network admin appoint a quality officer', async () => {
		const result = await addPerson(db(), world.people.admin.actor, world.b.id, {
			name: 'Nieuwe KZM',
			email: 'kzm@beta.nl',
			role: 'quality_officer'
		});
		expect(
			await countRows(
				db(),
				roleAssignment,
				and(eq(roleAssignment.userId, result.person.id), eq(roleAssignment.role, 'quality_officer'))
			)
		).toBe(1);
	});

	it('explains bad input per field in Dutch', async () => {
		const error = await failure(
			addPerson(db(), world.people.qoA.actor, world.a.id, { name: '', email: 'geen', role: 'baas' })
		);
		expect(error.status).toBe(422);
		expect(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]))).toMatchObject({
			name: 'naam is verplicht',
			email: "e-mailadres 'geen' is geen geldig e-mailadres"
		});
	});
});
