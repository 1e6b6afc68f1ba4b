import { m } from '#lib/paraglide/messages.js';
import type { EvaluationStatus, FindingKind, Perspective } from '#lib/domain/evaluations/evaluation-input.ts';

// Interface names of the evaluation enums, from the message catalogue (Dutch or English).

export const statusLabel = (status: EvaluationStatus): string =>
	({
		planned: m.evaluations_status_planned,
		preparation: m.evaluations_status_preparation,
		execution: m.evaluations_status_execution,
		reporting: m.evaluations_status_reporting,
		finalised: m.evaluations_status_finalised
	})[status]();

export const perspectiveLabel = (perspective: Perspective | string): string =>
	(
		({
			student: m.evaluations_perspective_student,
			teacher: m.evaluations_perspective_teacher,
			work_field: m.evaluations_perspective_work_field,
			management: m.evaluations_perspective_management,
			board: m.evaluations_perspective_board,
			support: m.evaluations_perspective_support,
			external: m.evaluations_perspective_external
		}) as Record<string, () => string>
	)[perspective]?.() ?? perspective;

export const findingKindLabel = (kind: FindingKind | string): string =>
	(
		({
			strength: m.evaluations_kind_strength,
			concern: m.evaluations_kind_concern,
			good_practice: m.evaluations_kind_good_practice,
			risk: m.evaluations_kind_risk
		}) as Record<string, () => string>
	)[kind]?.() ?? kind;

/** The button text of a workflow step to `to`. */
export const transitionLabel = (from: EvaluationStatus, to: EvaluationStatus): string =>
	from === 'reporting' && to === 'execution'
		? m.evaluations_reopen()
		: to === 'finalised'
			? m.evaluations_finalise()
			: m.evaluations_advance_to({ status: statusLabel(to) });

export const levelLabel = (level: 'team' | 'institution'): string =>
	level === 'team' ? m.evaluations_level_team() : m.evaluations_level_institution();
