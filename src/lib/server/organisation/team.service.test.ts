import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { can } from '../policy/policy.ts';
import { buildLocation, buildTeam } from '../testing/factories.ts';
import { addLearningRoute, setLearningRouteArchived } from './learning-route.service.ts';
import { createLocation, listLocations, setLocationArchived, updateLocation } from './location.service.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { learningRoute, location, team } from './organisation.table.ts';
import { createTeam, getTeam, listMyTeams, listTeams, setTeamArchived, updateTeam } from './team.service.ts';
import { countRows, failure, useWorld } from './test-world.ts';

const { db, world } = useWorld();

const page = { page: 1, pageSize: 200 };

describe('listTeams', () => {
	it('returns exactly the teams can() allows, per actor and institution', async () => {
		const teams = await db().select().from(team);
		for (const [key, person] of Object.entries(world.people)) {
			for (const owner of [world.a, world.b]) {
				const allowed = teams
					.filter(
						(t) =>
							t.institutionId === owner.id &&
							!t.archivedAt &&
							can(person.actor, organisationPolicy, 'team.read', {
								institutionId: t.institutionId,
								teamId: t.id
							})
					)
					.map((t) => t.id)
					.sort();
				const listed = await listTeams(db(), person.actor, owner.id, page).then(
					(r) => r.items.map((t) => t.id).sort(),
					(e: { status: number }) => e.status
				);
				// An institution the actor sees nothing of is a 404, not an empty list.
				expect(listed, `${key} in ${owner.name}`).toEqual(allowed.length ? allowed : 404);
			}
		}
	});

	it('gives a team member their own team with its learning routes', async () => {
		const result = await listTeams(db(), world.people.memberA1.actor, world.a.id, page);
		expect(result.items.map((t) => t.name)).toEqual(['Zorg A']);
		expect(result.items[0]?.routes.map((r) => r.qualificationCode)).toEqual(['25655']);
	});

	it('paginates, searches and filters by location', async () => {
		const where = await buildLocation(db(), world.b.id, 'Utrecht');
		await buildTeam(db(), world.b.id, { name: 'Zorg Utrecht', locationId: where.id });
		const result = await listTeams(db(), world.people.qoB.actor, world.b.id, { page: 1, pageSize: 1 });
		expect(result.items).toHaveLength(1);
		expect(result.total).toBeGreaterThanOrEqual(3);
		const search = await listTeams(db(), world.people.qoB.actor, world.b.id, { ...page, q: 'zorg' });
		expect(search.items.map((t) => t.name)).toEqual(['Zorg B', 'Zorg Utrecht']);
		const byLocation = await listTeams(db(), world.people.qoB.actor, world.b.id, {
			...page,
			locationId: where.id
		});
		expect(byLocation.items.map((t) => [t.name, t.locationName])).toEqual([['Zorg Utrecht', 'Utrecht']]);
	});
});

describe('getTeam', () => {
	it('lets the team and its institution staff read it; hides it from others (404)', async () => {
		for (const key of ['admin', 'qoA', 'execA', 'facA', 'leadA1', 'memberA1'] as const) {
			expect((await getTeam(db(), world.people[key].actor, world.a1.id)).institutionName, key).toBe(
				'ROC Alfa'
			);
		}
		for (const key of ['memberA2', 'qoB', 'memberB1', 'nobody'] as const) {
			expect((await failure(getTeam(db(), world.people[key].actor, world.a1.id))).status, key).toBe(404);
		}
	});
});

describe('createTeam', () => {
	it('lets a quality officer add a team to their own institution, audited', async () => {
		const where = await buildLocation(db(), world.a.id, 'Amsterdam');
		const row = await createTeam(db(), world.people.qoA.actor, world.a.id, {
			name: 'Economie A',
			locationId: where.id,
			sectorDomain: 'Economie'
		});
		expect(row).toMatchObject({ institutionId: world.a.id, locationId: where.id, sectorDomain: 'Economie' });
		expect(
			await countRows(
				db(),
				auditEvent,
				and(eq(auditEvent.entityId, row.id), eq(auditEvent.action, 'team.created'))
			)
		).toBe(1);
	});

	it('refuses a quality officer of another institution (404) and staff without the right (403)', async () => {
		const before = await countRows(db(), team);
		expect(
			(await failure(createTeam(db(), world.people.qoB.actor, world.a.id, { name: 'Indringer' }))).status
		).toBe(404);
		for (const key of ['execA', 'leadA1', 'facA'] as const) {
			expect(
				(await failure(createTeam(db(), world.people[key].actor, world.a.id, { name: 'Nieuw' }))).status,
				key
			).toBe(403);
		}
		expect(await countRows(db(), team)).toBe(before);
	});

	it('refuses a team name that exists (in any case) in Dutch, but allows it in another institution', async () => {
		const error = await failure(createTeam(db(), world.people.qoA.actor, world.a.id, { name: 'zorg a' }));
		expect(error.status).toBe(422);
		expect(error.fieldErrors).toEqual([
			{ field: 'name', message: "team 'zorg a' bestaat al bij deze instelling" }
		]);
		await expect(
			createTeam(db(), world.people.qoB.actor, world.b.id, { name: 'Zorg A' })
		).resolves.toBeTruthy();
	});

	it('refuses a location of another institution', async () => {
		const elsewhere = await buildLocation(db(), world.b.id, 'Rotterdam');
		const error = await failure(
			createTeam(db(), world.people.qoA.actor, world.a.id, { name: 'Logistiek', locationId: elsewhere.id })
		);
		expect(error.fieldErrors).toEqual([
			{ field: 'locationId', message: 'kies een locatie van deze instelling' }
		]);
	});
});

describe('updateTeam', () => {
	it('lets a team lead change their own team, not another team (404)', async () => {
		const row = await updateTeam(db(), world.people.leadA1.actor, world.a1.id, {
			sectorDomain: 'Zorg en welzijn'
		});
		expect(row.sectorDomain).toBe('Zorg en welzijn');
		expect(
			(await failure(updateTeam(db(), world.people.leadA1.actor, world.a2.id, { name: 'Gekaapt' }))).status
		).toBe(404);
		expect(
			(await failure(updateTeam(db(), world.people.memberA1.actor, world.a1.id, { name: 'Gekaapt' }))).status
		).toBe(403);
		expect(
			(await failure(updateTeam(db(), world.people.qoB.actor, world.a1.id, { name: 'Gekaapt' }))).status
		).toBe(404);
		expect((await getTeam(db(), world.people.admin.actor, world.a1.id)).name).toBe('Zorg A');
	});

	it('refuses renaming onto another team of the institution', async () => {
		const error = await failure(updateTeam(db(), world.people.qoA.actor, world.a2.id, { name: 'ZORG A' }));
		expect(error.fieldErrors).toEqual([
			{ field: 'name', message: "team 'ZORG A' bestaat al bij deze instelling" }
		]);
	});
});

describe('archiving teams', () => {
	it('hides an archived team by default, refuses changes to it, and restores it', async () => {
		const row = await createTeam(db(), world.people.qoA.actor, world.a.id, { name: 'Tijdelijk' });
		expect((await failure(setTeamArchived(db(), world.people.leadA1.actor, row.id, true))).status).toBe(404);
		await setTeamArchived(db(), world.people.qoA.actor, row.id, true);
		expect(
			(await listTeams(db(), world.people.qoA.actor, world.a.id, page)).items.map((t) => t.id)
		).not.toContain(row.id);
		expect(
			(
				await listTeams(db(), world.people.qoA.actor, world.a.id, { ...page, includeArchived: true })
			).items.map((t) => t.id)
		).toContain(row.id);
		expect((await failure(updateTeam(db(), world.people.qoA.actor, row.id, { name: 'Weer' }))).status).toBe(
			409
		);
		await setTeamArchived(db(), world.people.qoA.actor, row.id, false);
		expect((await getTeam(db(), world.people.qoA.actor, row.id)).archivedAt).toBeNull();
	});
});

describe('learning routes', () => {
	it('lets a team lead add a route to their team, and refuses the same route twice in Dutch', async () => {
		const route = await addLearningRoute(db(), world.people.leadA1.actor, world.a1.id, {
			name: 'Verzorgende IG',
			qualificationCode: '25491',
			level: '3',
			pathway: 'bbl'
		});
		expect(route).toMatchObject({ level: 3, pathway: 'BBL' });
		const again = await failure(
			addLearningRoute(db(), world.people.qoA.actor, world.a1.id, {
				name: 'Verzorgende',
				qualificationCode: '25491',
				level: 3,
				pathway: 'BBL'
			})
		);
		expect(again.fieldErrors).toEqual([
			{ field: 'qualificationCode', message: 'opleiding 25491 niveau 3 BBL staat al bij dit team' }
		]);
	});

	it('brings an archived route back instead of refusing it', async () => {
		const route = await addLearningRoute(db(), world.people.qoA.actor, world.a2.id, {
			name: 'Monteur',
			qualificationCode: '25000',
			level: 2,
			pathway: 'BOL'
		});
		await setLearningRouteArchived(db(), world.people.qoA.actor, route.id, true);
		const back = await addLearningRoute(db(), world.people.qoA.actor, world.a2.id, {
			name: 'Monteur mobiliteit',
			qualificationCode: '25000',
			level: 2,
			pathway: 'BOL'
		});
		expect(back).toMatchObject({ id: route.id, name: 'Monteur mobiliteit', archivedAt: null });
	});

	it("refuses another institution's team and a member of the team", async () => {
		const input = { name: 'X', qualificationCode: '12345', level: 1, pathway: 'BOL' };
		const before = await countRows(db(), learningRoute);
		expect((await failure(addLearningRoute(db(), world.people.qoB.actor, world.a1.id, input))).status).toBe(
			404
		);
		expect(
			(await failure(addLearningRoute(db(), world.people.memberA1.actor, world.a1.id, input))).status
		).toBe(403);
		expect(await countRows(db(), learningRoute)).toBe(before);
	});
});

describe('locations', () => {
	it('are managed by the quality officer of the institution only', async () => {
		const row = await createLocation(db(), world.people.qoA.actor, world.a.id, {
			name: 'Haarlem',
			city: 'Haarlem'
		});
		expect(
			(await failure(createLocation(db(), world.people.qoB.actor, world.a.id, { name: 'X-stad' }))).status
		).toBe(404);
		expect(
			(await failure(createLocation(db(), world.people.execA.actor, world.a.id, { name: 'X-stad' }))).status
		).toBe(403);
		const taken = await failure(
			createLocation(db(), world.people.qoA.actor, world.a.id, { name: 'haarlem' })
		);
		expect(taken.fieldErrors).toEqual([
			{ field: 'name', message: "locatie 'haarlem' bestaat al bij deze instelling" }
		]);
		expect((await updateLocation(db(), world.people.qoA.actor, row.id, { city: 'Haarlem-Noord' })).city).toBe(
			'Haarlem-Noord'
		);
		expect(
			(await failure(updateLocation(db(), world.people.qoB.actor, row.id, { city: 'Weg' }))).status
		).toBe(404);
		await setLocationArchived(db(), world.people.qoA.actor, row.id, true);
		expect(
			(await listLocations(db(), world.people.execA.actor, world.a.id)).map((l) => l.name)
		).not.toContain('Haarlem');
		expect(await countRows(db(), location, eq(location.id, row.id))).toBe(1);
	});
});

describe('listMyTeams', () => {
	it('lists the teams a person belongs to', async () => {
		expect((await listMyTeams(db(), world.people.memberA1.actor)).map((t) => t.name)).toEqual(['Zorg A']);
		expect(await listMyTeams(db(), world.people.qoA.actor)).toEqual([]);
	});
});
