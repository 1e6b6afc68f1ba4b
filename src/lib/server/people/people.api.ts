import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import { pageSchema } from '../api/problem.ts';
import { listQuerySchema } from '../organisation/organisation.api.ts';
import { roles } from '../policy/policy.ts';
import {
	addPersonInputSchema,
	assignableRoles,
	roleAssignmentInputSchema
} from '../../domain/organisation/people-input.ts';

const timestamp = z.string().describe('ISO 8601');

export const personIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const roleParamsSchema = personIdParamsSchema.extend({ roleId: z.uuid() });

export const peopleListQuerySchema = listQuerySchema.extend({
	teamId: z.uuid().optional(),
	role: z.enum(assignableRoles).optional()
});

export const personRoleSchema = z.object({
	id: z.uuid(),
	role: z.enum(roles),
	institutionId: z.uuid().nullable(),
	institutionName: z.string().nullable(),
	teamId: z.uuid().nullable(),
	teamName: z.string().nullable(),
	createdAt: timestamp
});

export const personSchema = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string(),
	archivedAt: timestamp.nullable(),
	createdAt: timestamp,
	roles: z.array(personRoleSchema)
});

export const addPersonResultSchema = z.object({
	person: personSchema.omit({ roles: true }),
	created: z.boolean().describe('false: het e-mailadres bestond al en die persoon kreeg de rol'),
	assignmentId: z.uuid()
});

const tag = 'personen';
const institutionParams = z.object({ id: z.uuid() });

export const peopleOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/institutions/{id}/people',
		summary: 'Personen met een rol in de instelling die u mag zien, met die rollen',
		tag,
		params: institutionParams,
		query: peopleListQuerySchema,
		response: pageSchema(personSchema)
	}),
	operation({
		method: 'post',
		path: '/api/v1/institutions/{id}/people',
		summary:
			'Persoon toevoegen met een rol (zonder wachtwoord: inloggen met e-maillink of SSO). Een bekend e-mailadres krijgt de rol erbij.',
		tag,
		params: institutionParams,
		body: addPersonInputSchema,
		response: addPersonResultSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/people/{id}',
		summary: 'Eén persoon met de rollen die u mag zien',
		tag,
		params: personIdParamsSchema,
		response: personSchema
	}),
	operation({
		method: 'get',
		path: '/api/v1/people/{id}/roles',
		summary: 'Rollen van een persoon die u mag zien',
		tag,
		params: personIdParamsSchema,
		response: z.object({ items: z.array(personRoleSchema) })
	}),
	operation({
		method: 'post',
		path: '/api/v1/people/{id}/roles',
		summary: 'Rol toekennen (teamrollen hebben een team nodig, instellingsrollen een instelling)',
		tag,
		params: personIdParamsSchema,
		body: roleAssignmentInputSchema,
		response: personRoleSchema,
		responseStatus: 201
	}),
	operation({
		method: 'delete',
		path: '/api/v1/people/{id}/roles/{roleId}',
		summary: 'Rol intrekken',
		tag,
		params: roleParamsSchema,
		responseStatus: 204
	})
];
