import type { Operation } from './operation.ts';
import { auditOperations } from '../audit/audit.api.ts';
import { organisationOperations } from '../organisation/organisation.api.ts';
import { peopleOperations } from '../people/people.api.ts';
import { authOperations } from '../auth/auth.api.ts';
import { modelOperations } from '../model/model.api.ts';

/** Every module's API operations, for the OpenAPI document. */
export const allOperations: Operation[] = [
	...auditOperations,
	...organisationOperations,
	...peopleOperations,
	...authOperations,
	...modelOperations
];
