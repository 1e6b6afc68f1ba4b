import { formValues } from '#lib/server/http/forms.ts';
import { z } from 'zod';
import { app } from '#lib/server/app.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import { formAction } from '#lib/server/organisation/form-action.ts';
import {
	getInstitution,
	institutionPermissions,
	setInstitutionArchived,
	updateInstitution
} from '#lib/server/organisation/institution.service.ts';
import {
	createLocation,
	listLocations,
	setLocationArchived
} from '#lib/server/organisation/location.service.ts';
import { createTeam, listTeamOptions, listTeams } from '#lib/server/organisation/team.service.ts';
import { addPerson, listPeople } from '#lib/server/people/person.service.ts';
import { assignableRolesIn, mayRevoke, revokeRole } from '#lib/server/people/role.service.ts';
import { can } from '#lib/server/policy/policy.ts';
import { dashboardPolicy } from '#lib/server/dashboards/dashboard.policy.ts';
import { ambitionPolicy } from '#lib/server/ambitions/ambition.policy.ts';
import { evaluationPolicy } from '#lib/server/evaluations/evaluation.policy.ts';
import { publicationPolicy } from '#lib/server/reports/publication.policy.ts';
import type { Actions, PageServerLoad } from './$types';

const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);
const query = z.object({
	teamsPage: pageNumber,
	peoplePage: pageNumber,
	q: z.string().trim().max(200).optional().catch(undefined),
	archived: z.literal('1').optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { teamsPage, peoplePage, q, archived } = query.parse(Object.fromEntries(event.url.searchParams));
	const { db } = await app();
	const id = event.params.id;
	const institution = await orPageError(getInstitution(db, actor, id));
	const includeArchived = !!archived;
	const [locations, teams, people] = await Promise.all([
		listLocations(db, actor, id, { includeArchived }),
		listTeams(db, actor, id, { page: teamsPage, pageSize: 25, q, includeArchived }),
		listPeople(db, actor, id, { page: peoplePage, pageSize: 25 })
	]);
	const assignable = assignableRolesIn(actor, id);
	return {
		institution,
		can: institutionPermissions(actor, id),
		// Links to the institution's quality work, shown only to those who may open them.
		links: {
			dashboard: can(actor, dashboardPolicy, 'dashboard.institution', { institutionId: id }),
			ambitions: can(actor, ambitionPolicy, 'ambition.read_institution', { institutionId: id }),
			instruments: can(actor, evaluationPolicy, 'instrument.manage', { institutionId: id }),
			publications: can(actor, publicationPolicy, 'publication.manage', { institutionId: id })
		},
		locations,
		teams,
		people: {
			...people,
			items: people.items.map((p) => ({
				...p,
				roles: p.roles.map((r) => ({ ...r, revocable: mayRevoke(actor, r) }))
			}))
		},
		assignable,
		teamOptions: assignable.length ? await listTeamOptions(db, actor, id) : [],
		filter: { q: q ?? '', archived: includeArchived }
	};
};

const idOf = (data: FormData, name: string) => String(data.get(name) ?? '');

export const actions: Actions = {
	update: (event) =>
		formAction(event, 'update', (db, actor, data) =>
			updateInstitution(db, actor, event.params.id, formValues(data))
		),
	archive: (event) =>
		formAction(event, 'archive', (db, actor) => setInstitutionArchived(db, actor, event.params.id, true)),
	restore: (event) =>
		formAction(event, 'restore', (db, actor) => setInstitutionArchived(db, actor, event.params.id, false)),
	addLocation: (event) =>
		formAction(event, 'addLocation', (db, actor, data) =>
			createLocation(db, actor, event.params.id, formValues(data))
		),
	archiveLocation: (event) =>
		formAction(event, 'locations', (db, actor, data) =>
			setLocationArchived(db, actor, idOf(data, 'locationId'), true)
		),
	restoreLocation: (event) =>
		formAction(event, 'locations', (db, actor, data) =>
			setLocationArchived(db, actor, idOf(data, 'locationId'), false)
		),
	addTeam: (event) =>
		formAction(event, 'addTeam', (db, actor, data) =>
			createTeam(db, actor, event.params.id, formValues(data))
		),
	addPerson: (event) =>
		formAction(event, 'addPerson', (db, actor, data) =>
			addPerson(db, actor, event.params.id, formValues(data))
		),
	revokeRole: (event) =>
		formAction(event, 'people', (db, actor, data) =>
			revokeRole(db, actor, idOf(data, 'personId'), idOf(data, 'roleId'))
		)
};
