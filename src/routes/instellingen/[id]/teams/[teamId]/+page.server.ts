import { formValues } from '#lib/server/http/forms.ts';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { notFound } from '#lib/server/http/errors.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import {
	addLearningRoute,
	setLearningRouteArchived
} from '#lib/server/organisation/learning-route.service.ts';
import { listLocations } from '#lib/server/organisation/location.service.ts';
import { organisationPolicy } from '#lib/server/organisation/organisation.policy.ts';
import {
	getTeam,
	setTeamArchived,
	teamPermissions,
	updateTeam
} from '#lib/server/organisation/team.service.ts';
import { addPerson, listPeople } from '#lib/server/people/person.service.ts';
import { assignableRolesIn, mayRevoke, revokeRole } from '#lib/server/people/role.service.ts';
import { can } from '#lib/server/policy/policy.ts';
import type { Actions, PageServerLoad } from './$types';

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { page } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	const team = await orPageError(getTeam(db, actor, event.params.teamId));
	// The team must sit in the institution of the URL; anything else is not this page.
	if (team.institutionId !== event.params.id) error(404, notFound('Het team').message);
	const scope = { institutionId: team.institutionId, teamId: team.id };
	const permissions = teamPermissions(actor, scope);
	const members = await listPeople(db, actor, team.institutionId, { page, pageSize: 50, teamId: team.id });
	return {
		team,
		can: {
			...permissions,
			readInstitution: can(actor, organisationPolicy, 'institution.read', {
				institutionId: team.institutionId
			})
		},
		locations: permissions.update ? await listLocations(db, actor, team.institutionId) : [],
		members: {
			...members,
			items: members.items.map((p) => ({
				...p,
				// On the team page only the roles in this team matter.
				roles: p.roles
					.filter((r) => r.teamId === team.id)
					.map((r) => ({ ...r, revocable: mayRevoke(actor, r) }))
			}))
		},
		assignable: assignableRolesIn(actor, team.institutionId, team.id)
	};
};

const idOf = (data: FormData, name: string) => String(data.get(name) ?? '');

export const actions: Actions = {
	update: (event) =>
		formAction(event, 'update', (db, actor, data) =>
			updateTeam(db, actor, event.params.teamId, formValues(data))
		),
	archive: (event) =>
		formAction(event, 'archive', (db, actor) => setTeamArchived(db, actor, event.params.teamId, true)),
	restore: (event) =>
		formAction(event, 'archive', (db, actor) => setTeamArchived(db, actor, event.params.teamId, false)),
	addRoute: (event) =>
		formAction(event, 'addRoute', (db, actor, data) =>
			addLearningRoute(db, actor, event.params.teamId, formValues(data))
		),
	archiveRoute: (event) =>
		formAction(event, 'routes', (db, actor, data) =>
			setLearningRouteArchived(db, actor, idOf(data, 'routeId'), true)
		),
	restoreRoute: (event) =>
		formAction(event, 'routes', (db, actor, data) =>
			setLearningRouteArchived(db, actor, idOf(data, 'routeId'), false)
		),
	addMember: (event) =>
		formAction(event, 'addMember', (db, actor, data) =>
			addPerson(db, actor, event.params.id, { ...formValues(data), teamId: event.params.teamId })
		),
	revokeRole: (event) =>
		formAction(event, 'members', (db, actor, data) =>
			revokeRole(db, actor, idOf(data, 'personId'), idOf(data, 'roleId'))
		)
};
