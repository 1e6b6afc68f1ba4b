import { allow, type Policy } from '../policy/policy.ts';

// Who may do what with evaluations. The scope of an evaluation is its subject:
// { institutionId, teamId } for a team evaluation, { institutionId } for an institution
// evaluation (team grants then never match, because teamId is absent).
// The network bureau sees no unpublished work of an institution (DESIGN.md §1): it reads
// the anonymised network view and what institutions publish.

/** Institution staff and the team itself. */
const readers = [
	allow('quality_officer', 'institution'),
	allow('executive', 'institution'),
	allow('facilitator', 'institution'),
	allow('team_lead', 'team'),
	allow('team_member', 'team')
];

/** Who plans and steers: the team lead for the team, the quality officer for everything. */
const planners = [allow('quality_officer', 'institution'), allow('team_lead', 'team')];

/** Who takes part in the content: everyone who reads it. */
const contributors = readers;

export const evaluationPolicy = {
	'evaluation.read': readers,
	'evaluation.plan': planners,
	'evaluation.update_plan': [...planners, allow('facilitator', 'institution')],
	// gepland → voorbereiding → uitvoering → rapportage: planners and the process facilitator.
	'evaluation.advance': [...planners, allow('facilitator', 'institution')],
	// Vaststellen: the team lead for a team; quality officer or executive for an institution.
	'evaluation.finalise': [...planners, allow('executive', 'institution')],
	// A correction of a finalised evaluation, by the same people who finalise.
	'evaluation.revise': [...planners, allow('executive', 'institution')],
	'evaluation.manage_participants': [...planners, allow('facilitator', 'institution')],
	'evaluation.manage_questionnaires': [...planners, allow('facilitator', 'institution')],
	'evaluation.rate': contributors,
	'evaluation.write_findings': contributors,
	'evaluation.add_evidence': contributors,
	'evaluation.export': readers,
	// An institution's own instruments.
	'instrument.manage': [allow('quality_officer', 'institution')],
	'instrument.read': [allow('signed_in')]
} satisfies Policy<string>;

export type EvaluationAction = keyof typeof evaluationPolicy;
