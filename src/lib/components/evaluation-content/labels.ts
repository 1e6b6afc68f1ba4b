import { m } from '#lib/paraglide/messages.js';
import type { Perspective } from '#lib/domain/evaluations/evaluation-input.ts';

// Interface names of perspectives (the service layer has Dutch ones for its messages).
const labels: Record<Perspective, () => string> = {
	student: m.evaluations_rating_perspective_student,
	teacher: m.evaluations_rating_perspective_teacher,
	work_field: m.evaluations_rating_perspective_work_field,
	management: m.evaluations_rating_perspective_management,
	board: m.evaluations_rating_perspective_board,
	support: m.evaluations_rating_perspective_support,
	external: m.evaluations_rating_perspective_external
};

export const perspectiveLabel = (p: Perspective): string => labels[p]();

/** A summary group's name: one perspective, or the small ones together. */
export function groupLabel(group: { key: string; perspectives: Perspective[] }): string {
	return group.key === 'combined'
		? m.evaluations_rating_group_combined({
				perspectives: group.perspectives.map(perspectiveLabel).join(', ')
			})
		: perspectiveLabel(group.key as Perspective);
}
