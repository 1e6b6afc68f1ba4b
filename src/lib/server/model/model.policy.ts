import { allow, type Policy } from '../policy/policy.ts';

export const modelActions = [
	'model.read_published',
	'model.read_draft',
	'model.create_draft',
	'model.edit_draft',
	'model.publish',
	'model.retire',
	'model.import',
	'model.export',
	'model.export_published'
] as const;
export type ModelAction = (typeof modelActions)[number];

/**
 * Who may do what with the reference model. The model belongs to the whole network:
 * everyone signed in reads what is (or was) in force, only the network office works
 * on versions. "Published" here means no longer a draft: retired versions stay
 * readable, because old evaluations point at them.
 */
export const modelPolicy: Policy<ModelAction> = {
	'model.read_published': [allow('signed_in')],
	'model.read_draft': [allow('network_admin')],
	'model.create_draft': [allow('network_admin')],
	// Also covers discarding a draft: a draft is a work in progress of the same people.
	'model.edit_draft': [allow('network_admin')],
	'model.publish': [allow('network_admin')],
	'model.retire': [allow('network_admin')],
	'model.import': [allow('network_admin')],
	// Exporting any version, drafts included.
	'model.export': [allow('network_admin')],
	// A published or retired version is public within the network, so anyone may take it along.
	'model.export_published': [allow('signed_in')]
};
