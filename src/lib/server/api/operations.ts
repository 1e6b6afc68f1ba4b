import type { Operation } from './operation.ts';
import { auditOperations } from '../audit/audit.api.ts';

/** Every module's API operations, for the OpenAPI document. */
export const allOperations: Operation[] = [...auditOperations];
