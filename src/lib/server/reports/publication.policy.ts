import { allow, type Policy } from '../policy/policy.ts';

// Rekenschap: an institution chooses what it publishes. Its quality officer and its
// executives publish and withdraw; a summary for members is read by anyone signed in to
// the network's deployment, a public one by everyone (also without an account).

const stewards = [allow('quality_officer', 'institution'), allow('executive', 'institution')];

export const publicationPolicy = {
	'publication.publish': stewards,
	'publication.withdraw': stewards,
	// The institution's own list, withdrawn summaries included.
	'publication.manage': stewards,
	'publication.read_members': [allow('signed_in')]
} satisfies Policy<string>;

export type PublicationAction = keyof typeof publicationPolicy;
