import { allow, type Policy } from '../policy/policy.ts';

export type MailAction = 'mail.read';

// The outbox holds every message the system sent (and, without SMTP, sign-in links):
// only the network office reads it.
export const mailPolicy: Policy<MailAction> = {
	'mail.read': [allow('network_admin')]
};
