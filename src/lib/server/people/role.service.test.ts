import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { buildPerson } from '../testing/factories.ts';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { roleAssignment } from './people.table.ts';
import { assignRole, listRoles, revokeRole } from './role.service.ts';

const { db, world } = useWorld();

const auditsFor = (personId: string, action: string) =>
	db()
		.select()
		.from(auditEvent)
		.where(and(eq(auditEvent.entityId, personId), eq(auditEvent.action, action)));

describe('assignRole', () => {
	it('lets a quality officer make someone team lead of a team of their institution, audited', async () => {
		const role = await assignRole(db(), world.people.qoA.actor, world.people.memberA1.id, {
			role: 'team_lead',
			teamId: world.a2.id
		});
		expect(role).toMatchObject({
			role: 'team_lead',
			institutionId: world.a.id,
			teamId: world.a2.id,
			teamName: 'Techniek A'
		});
		const audits = await auditsFor(world.people.memberA1.id, 'role.assigned');
		expect(audits).toHaveLength(1);
		expect(audits[0]).toMatchObject({
			actorUserId: world.people.qoA.id,
			institutionId: world.a.id,
			details: { assignmentId: role.id, role: 'team_lead', teamId: world.a2.id }
		});
	});

	it('keeps quality officers and executives for the network bureau', async () => {
		const before = await countRows(db(), roleAssignment);
		for (const role of ['quality_officer', 'executive', 'network_admin'] as const) {
			const error = await failure(
				assignRole(db(), world.people.qoA.actor, world.people.execA.id, { role, institutionId: world.a.id })
			);
			expect(error.status, role).toBe(403);
		}
		expect(await countRows(db(), roleAssignment)).toBe(before);
		const ok = await assignRole(db(), world.people.admin.actor, world.people.execA.id, {
			role: 'quality_officer',
			institutionId: world.a.id
		});
		expect(ok.role).toBe('quality_officer');
	});

	it("refuses another institution's people (404) and teams (422), writing nothing", async () => {
		const before = await countRows(db(), roleAssignment);
		const person = await failure(
			assignRole(db(), world.people.qoA.actor, world.people.memberB1.id, {
				role: 'team_member',
				teamId: world.a1.id
			})
		);
		expect(person.status).toBe(404);
		const team = await failure(
			assignRole(db(), world.people.qoA.actor, world.people.memberA1.id, {
				role: 'team_member',
				teamId: world.b1.id
			})
		);
		expect(team.fieldErrors).toEqual([{ field: 'teamId', message: 'kies een team van deze instelling' }]);
		const mismatch = await failure(
			assignRole(db(), world.people.admin.actor, world.people.memberA1.id, {
				role: 'team_member',
				institutionId: world.b.id,
				teamId: world.a1.id
			})
		);
		expect(mismatch.status).toBe(422);
		expect(await countRows(db(), roleAssignment)).toBe(before);
	});

	it('checks the scope a role needs, in Dutch', async () => {
		const noTeam = await failure(
			assignRole(db(), world.people.qoA.actor, world.people.memberA1.id, { role: 'team_member' })
		);
		expect(noTeam.fieldErrors).toEqual([
			{ field: 'teamId', message: 'team is verplicht voor de rol teamlid' }
		]);
		const noInstitution = await failure(
			assignRole(db(), world.people.admin.actor, world.people.memberA1.id, { role: 'executive' })
		);
		expect(noInstitution.fieldErrors).toEqual([
			{ field: 'institutionId', message: 'instelling is verplicht voor de rol bestuurder' }
		]);
		const teamForInstitutionRole = await failure(
			assignRole(db(), world.people.admin.actor, world.people.memberA1.id, {
				role: 'executive',
				teamId: world.a1.id
			})
		);
		expect(teamForInstitutionRole.fieldErrors[0]?.field).toBe('teamId');
		const unknown = await failure(
			assignRole(db(), world.people.admin.actor, world.people.memberA1.id, { role: 'reviewer' })
		);
		expect(unknown.fieldErrors[0]?.field).toBe('role');
	});

	it('lets a team lead add team members to their own team only', async () => {
		const newcomer = await buildPerson(db(), [
			{ role: 'team_member', institutionId: world.a.id, teamId: world.a1.id }
		]);
		const lead = await failure(
			assignRole(db(), world.people.leadA1.actor, newcomer.id, { role: 'team_lead', teamId: world.a1.id })
		);
		expect(lead.status).toBe(403);
		const elsewhere = await failure(
			assignRole(db(), world.people.leadA1.actor, newcomer.id, { role: 'team_member', teamId: world.a2.id })
		);
		expect(elsewhere.status).toBe(422);
		expect(
			(
				await failure(
					assignRole(db(), world.people.memberA1.actor, newcomer.id, {
						role: 'team_member',
						teamId: world.a1.id
					})
				)
			).status
		).toBe(403);
	});

	it('refuses a role held already', async () => {
		const error = await failure(
			assignRole(db(), world.people.qoA.actor, world.people.memberA2.id, {
				role: 'team_member',
				teamId: world.a2.id
			})
		);
		expect(error.fieldErrors).toEqual([
			{ field: 'role', message: 'deze persoon heeft de rol teamlid hier al' }
		]);
	});
});

describe('revokeRole', () => {
	it('lets a quality officer take back a team role in their institution, audited', async () => {
		const person = await buildPerson(db(), [
			{ role: 'team_member', institutionId: world.a.id, teamId: world.a2.id }
		]);
		const [role] = await listRoles(db(), world.people.qoA.actor, person.id);
		await revokeRole(db(), world.people.qoA.actor, person.id, role!.id);
		expect(await countRows(db(), roleAssignment, eq(roleAssignment.userId, person.id))).toBe(0);
		const audits = await auditsFor(person.id, 'role.revoked');
		expect(audits[0]?.details).toEqual({ assignmentId: role!.id, role: 'team_member', teamId: world.a2.id });
	});

	it("refuses another institution's roles (404) and roles above one's own (403)", async () => {
		const [foreign] = await listRoles(db(), world.people.admin.actor, world.people.memberB1.id);
		expect(
			(await failure(revokeRole(db(), world.people.qoA.actor, world.people.memberB1.id, foreign!.id))).status
		).toBe(404);
		const [officer] = await listRoles(db(), world.people.qoB.actor, world.people.qoB.id);
		expect(
			(await failure(revokeRole(db(), world.people.qoB.actor, world.people.qoB.id, officer!.id))).status
		).toBe(403);
		const [member] = await listRoles(db(), world.people.memberA1.actor, world.people.memberA1.id);
		expect(
			(await failure(revokeRole(db(), world.people.memberA1.actor, world.people.memberA1.id, member!.id)))
				.status
		).toBe(403);
		expect(await countRows(db(), roleAssignment, eq(roleAssignment.userId, world.people.memberB1.id))).toBe(
			1
		);
	});

	it('keeps the last network admin', async () => {
		const [admin] = await listRoles(db(), world.people.admin.actor, world.people.admin.id);
		const error = await failure(revokeRole(db(), world.people.admin.actor, world.people.admin.id, admin!.id));
		expect(error.status).toBe(409);
	});

	it('answers 404 for an assignment of someone else', async () => {
		const [lead] = await listRoles(db(), world.people.admin.actor, world.people.leadA1.id);
		expect(
			(await failure(revokeRole(db(), world.people.admin.actor, world.people.memberA1.id, lead!.id))).status
		).toBe(404);
	});
});

describe('the database', () => {
	it('still refuses a team role without a team (check constraint)', async () => {
		await expect(
			db()
				.insert(roleAssignment)
				.values({ userId: world.people.nobody.id, role: 'team_member', institutionId: world.a.id })
		).rejects.toThrow();
	});
});
