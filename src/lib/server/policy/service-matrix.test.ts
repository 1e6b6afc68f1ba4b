import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson } from '../testing/factories.ts';
import { buildWorld, type World } from '../organisation/test-world.ts';
import { can, type Actor, type Policy, type Scope } from './policy.ts';
import { organisationPolicy } from '../organisation/organisation.policy.ts';
import { peoplePolicy } from '../people/people.policy.ts';
import { modelPolicy } from '../model/model.policy.ts';
import { auditPolicy } from '../audit/audit.policy.ts';
import { mailPolicy } from '../mail/mail.policy.ts';
import * as institutions from '../organisation/institution.service.ts';
import * as teams from '../organisation/team.service.ts';
import * as locations from '../organisation/location.service.ts';
import * as routes from '../organisation/learning-route.service.ts';
import * as imports from '../organisation/import.service.ts';
import * as roles from '../people/role.service.ts';
import * as people from '../people/person.service.ts';
import * as model from '../model/model.service.ts';
import { listAuditEvents } from '../audit/audit.service.ts';
import { listOutbox } from '../mail/outbox.service.ts';
import { defaultModelDocument } from '../../domain/model/default-model.ts';

// The authorization matrix through the real services: for every person × action × scope
// (own team, another team of the same institution, another institution, the network),
// the service must allow exactly what the declarative policy table says. This catches a
// service that checks the wrong action, the wrong scope, or nothing at all.

let connection: Connection;
let db: Database;
let world: World;
let actors: Record<string, Actor | null>;
let versionId: string;

beforeAll(async () => {
	connection = await createTestDatabase();
	db = connection.db;
	world = await buildWorld(db);
	const reviewer = await buildPerson(db, [
		{ role: 'reviewer', reviewId: '00000000-0000-4000-8000-000000000001' }
	]);
	actors = {
		...Object.fromEntries(Object.entries(world.people).map(([key, p]) => [key, p.actor])),
		reviewer: reviewer.actor,
		loggedOut: null
	};
	versionId = (await model.ensureDefaultModel(db))!.id;
});
afterAll(() => connection.close());

interface Case {
	name: string;
	policy: Policy<string>;
	action: string;
	scope: () => Scope;
	run: (db: Database, actor: Actor | null) => Promise<unknown>;
	/** A second rule that must also admit the actor (e.g. seeing the person a role goes to). */
	alsoRequires?: () => [Policy<string>, string, Scope] | ((actor: Actor | null) => boolean);
	invalidMeansRefused?: boolean;
}

/** A person is visible when one of their role scopes (or they themselves) is readable. */
function personVisible(person: { id: string; actor: Actor }) {
	return (actor: Actor | null) =>
		person.actor.grants.some((g) =>
			can(actor, peoplePolicy, 'person.read', {
				institutionId: g.institutionId,
				teamId: g.teamId,
				userId: person.id
			})
		);
}

function expectedFor(c: Case, actor: Actor | null): 'allowed' | 'refused' {
	let ok = can(actor, c.policy, c.action, c.scope());
	const extra = c.alsoRequires?.();
	if (ok && extra) ok = typeof extra === 'function' ? extra(actor) : can(actor, ...extra);
	return ok ? 'allowed' : 'refused';
}

const teamCsv = new TextEncoder().encode(
	'team;opleiding;opleidingscode;niveau;leerweg\nNieuw team;Kok;25180;2;BOL\n'
);

function scopesOf(w: () => World) {
	return {
		ownTeam: () => ({ institutionId: w().a.id, teamId: w().a1.id }),
		otherTeam: () => ({ institutionId: w().a.id, teamId: w().a2.id }),
		otherInstitution: () => ({ institutionId: w().b.id, teamId: w().b1.id })
	};
}
const s = scopesOf(() => world);
const teamOf = { ownTeam: () => world.a1, otherTeam: () => world.a2, otherInstitution: () => world.b1 };
const instOf = { ownTeam: () => world.a, otherTeam: () => world.a, otherInstitution: () => world.b };
type Where = keyof typeof s;
// Someone not yet a member of the team in question, in the same institution as that team.
const memberTarget = {
	ownTeam: () => world.people.memberA2,
	otherTeam: () => world.people.memberA1,
	otherInstitution: () => world.people.qoB
};
const wheres: Where[] = ['ownTeam', 'otherTeam', 'otherInstitution'];

const cases: Case[] = [
	...wheres.flatMap((where): Case[] => [
		{
			name: `institution.read (${where})`,
			policy: organisationPolicy,
			action: 'institution.read',
			scope: () => ({ institutionId: instOf[where]().id }),
			run: (db, actor) => institutions.getInstitution(db, actor, instOf[where]().id)
		},
		{
			name: `institution.update (${where})`,
			policy: organisationPolicy,
			action: 'institution.update',
			scope: () => ({ institutionId: instOf[where]().id }),
			run: (db, actor) =>
				institutions.updateInstitution(db, actor, instOf[where]().id, { name: 'Gewijzigd College' })
		},
		{
			name: `location.manage (${where})`,
			policy: organisationPolicy,
			action: 'location.manage',
			scope: () => ({ institutionId: instOf[where]().id }),
			run: (db, actor) => locations.createLocation(db, actor, instOf[where]().id, { name: 'Nieuwe locatie' })
		},
		{
			name: `team.create (${where})`,
			policy: organisationPolicy,
			action: 'team.create',
			scope: () => ({ institutionId: instOf[where]().id }),
			run: (db, actor) => teams.createTeam(db, actor, instOf[where]().id, { name: 'Nieuw team' })
		},
		{
			name: `team.read (${where})`,
			policy: organisationPolicy,
			action: 'team.read',
			scope: s[where],
			run: (db, actor) => teams.getTeam(db, actor, teamOf[where]().id)
		},
		{
			name: `team.update (${where})`,
			policy: organisationPolicy,
			action: 'team.update',
			scope: s[where],
			run: (db, actor) => teams.updateTeam(db, actor, teamOf[where]().id, { name: 'Hernoemd team' })
		},
		{
			name: `team.archive (${where})`,
			policy: organisationPolicy,
			action: 'team.archive',
			scope: s[where],
			run: (db, actor) => teams.setTeamArchived(db, actor, teamOf[where]().id, true)
		},
		{
			name: `route.manage (${where})`,
			policy: organisationPolicy,
			action: 'route.manage',
			scope: s[where],
			run: (db, actor) =>
				routes.addLearningRoute(db, actor, teamOf[where]().id, {
					name: 'Kok',
					qualificationCode: '25180',
					level: 2,
					pathway: 'BBL'
				})
		},
		{
			name: `import.run (${where})`,
			policy: organisationPolicy,
			action: 'import.run',
			scope: () => ({ institutionId: instOf[where]().id }),
			run: (db, actor) => imports.previewImport(db, actor, instOf[where]().id, 'teams', teamCsv)
		},
		{
			// A team member role for someone already in the institution (another team).
			name: `role.assign.team_member (${where})`,
			policy: peoplePolicy,
			action: 'role.assign.team_member',
			scope: s[where],
			alsoRequires: () => personVisible(memberTarget[where]()),
			// A team the actor cannot see is an invalid choice (422 on the team field).
			invalidMeansRefused: true,
			run: (db, actor) =>
				roles.assignRole(db, actor, memberTarget[where]().id, {
					role: 'team_member',
					teamId: teamOf[where]().id
				})
		},
		{
			name: `role.assign.team_lead (${where})`,
			policy: peoplePolicy,
			action: 'role.assign.team_lead',
			scope: s[where],
			alsoRequires: () =>
				personVisible(where === 'otherInstitution' ? world.people.memberB1 : world.people.memberA1),
			run: (db, actor) =>
				roles.assignRole(
					db,
					actor,
					(where === 'otherInstitution' ? world.people.memberB1 : world.people.memberA1).id,
					{
						role: 'team_lead',
						teamId: teamOf[where]().id
					}
				)
		},
		{
			name: `role.assign.institution (${where})`,
			policy: peoplePolicy,
			action: 'role.assign.institution',
			scope: () => ({ institutionId: instOf[where]().id }),
			alsoRequires: () =>
				personVisible(where === 'otherInstitution' ? world.people.memberB1 : world.people.memberA1),
			run: (db, actor) =>
				roles.assignRole(
					db,
					actor,
					(where === 'otherInstitution' ? world.people.memberB1 : world.people.memberA1).id,
					{
						role: 'executive',
						institutionId: instOf[where]().id
					}
				)
		},
		{
			// Adding a new person with a team role; a team the actor cannot see is refused
			// as an invalid choice (422 on the team field), like the form that never offers it.
			name: `add person with team role (${where})`,
			policy: peoplePolicy,
			action: 'role.assign.team_member',
			scope: s[where],
			alsoRequires: () => [organisationPolicy, 'team.read', s[where]()],
			invalidMeansRefused: true,
			run: (db, actor) =>
				people.addPerson(db, actor, instOf[where]().id, {
					name: 'Nieuwe Docent',
					email: 'nieuw.docent@example.test',
					role: 'team_member',
					teamId: teamOf[where]().id
				})
		}
	]),
	{
		name: 'institution.create (network)',
		policy: organisationPolicy,
		action: 'institution.create',
		scope: () => ({}),
		run: (db, actor) =>
			institutions.createInstitution(db, actor, { name: 'Nieuw College', rioCode: '999Z999' })
	},
	{
		name: 'model.read_published (network)',
		policy: modelPolicy,
		action: 'model.read_published',
		scope: () => ({}),
		run: (db, actor) => model.getModelVersion(db, actor, versionId)
	},
	{
		name: 'model.create_draft (network)',
		policy: modelPolicy,
		action: 'model.create_draft',
		scope: () => ({}),
		run: (db, actor) => model.createDraft(db, actor)
	},
	{
		name: 'model.import (network)',
		policy: modelPolicy,
		action: 'model.import',
		scope: () => ({}),
		run: (db, actor) => model.importVersion(db, actor, JSON.stringify(defaultModelDocument))
	},
	{
		name: 'model.retire (network)',
		policy: modelPolicy,
		action: 'model.retire',
		scope: () => ({}),
		// The only published version may not be retired (409): publish a second one first.
		run: async (db, actor) => {
			const admin = world.people.admin.actor;
			const draft = await model.createDraft(db, admin);
			await model.publishVersion(db, admin, draft.id);
			return model.retireVersion(db, actor, versionId);
		}
	},
	{
		name: 'audit.read (network)',
		policy: auditPolicy,
		action: 'audit.read',
		scope: () => ({}),
		run: (db, actor) => listAuditEvents(db, actor, { page: 1, pageSize: 10 })
	},
	{
		name: 'mail.read (network)',
		policy: mailPolicy,
		action: 'mail.read',
		scope: () => ({}),
		run: (db, actor) => listOutbox(db, actor, 1)
	}
];

class Rollback extends Error {}

/** Runs the call in a transaction that is always rolled back, so cases stay independent. */
async function outcome(c: Case, actor: Actor | null): Promise<'allowed' | 'refused'> {
	const refusals = c.invalidMeansRefused ? [401, 403, 404, 422] : [401, 403, 404];
	let result: 'allowed' | 'refused' | undefined;
	try {
		await db.transaction(async (tx) => {
			try {
				await c.run(tx as unknown as Database, actor);
				result = 'allowed';
			} catch (error) {
				if (error instanceof AppError && refusals.includes(error.status)) result = 'refused';
				else throw error;
			}
			throw new Rollback();
		});
	} catch (error) {
		if (!(error instanceof Rollback)) throw error;
	}
	return result!;
}

describe('authorization matrix through the services', () => {
	for (const c of cases) {
		it(c.name, async () => {
			const rows: string[] = [];
			for (const [who, actor] of Object.entries(actors)) {
				const expected = expectedFor(c, actor);
				const got = await outcome(c, actor);
				if (got !== expected) rows.push(`${who}: expected ${expected}, got ${got}`);
			}
			expect(rows).toEqual([]);
		});
	}

	it('the matrix is not trivial: someone is allowed and someone refused for every case', async () => {
		for (const c of cases) {
			const verdicts = Object.values(actors).map((a) => expectedFor(c, a));
			expect(verdicts, c.name).toContain('refused');
			expect(verdicts, c.name).toContain('allowed');
		}
	});
});
