import { allow, type Policy } from '../policy/policy.ts';

export type AuditAction = 'audit.read';

export const auditPolicy: Policy<AuditAction> = {
	'audit.read': [allow('network_admin')]
};
