import type { Operation } from './operation.ts';
import { auditOperations } from '../audit/audit.api.ts';
import { organisationOperations } from '../organisation/organisation.api.ts';
import { peopleOperations } from '../people/people.api.ts';
import { authOperations } from '../auth/auth.api.ts';
import { modelOperations } from '../model/model.api.ts';
import { ambitionOperations } from '../ambitions/ambition.api.ts';
import { agendaOperations } from '../agenda/agenda.api.ts';
import { ratingOperations } from '../evaluations/rating.api.ts';
import { questionnaireOperations } from '../evaluations/questionnaire.api.ts';
import { evidenceOperations } from '../evaluations/evidence.api.ts';
import { evaluationOperations } from '../evaluations/evaluation.api.ts';
import { reportsOperations } from '../reports/reports.api.ts';

/** Every module's API operations, for the OpenAPI document. */
export const allOperations: Operation[] = [
	...auditOperations,
	...organisationOperations,
	...peopleOperations,
	...authOperations,
	...modelOperations,
	...ambitionOperations,
	...agendaOperations,
	...ratingOperations,
	...questionnaireOperations,
	...evidenceOperations,
	...evaluationOperations,
	...reportsOperations
];
