import { m } from '#lib/paraglide/messages.js';

const fieldLabels: Record<string, () => string> = {
	key: m.model_field_key,
	name: m.model_field_name,
	title: m.model_field_title,
	description: m.model_field_description,
	exampleContent: m.model_field_example,
	'framing.goal': m.model_framing_goal,
	'framing.condition': m.model_framing_condition,
	'framing.means': m.model_framing_means,
	levelKey: m.model_field_level,
	valueKeys: m.model_field_values,
	indicators: m.model_field_indicators,
	guidingQuestions: m.model_field_questions,
	label: m.model_scale_label,
	rank: m.model_scale_rank,
	meetsStandard: m.model_scale_meets,
	'ratingScale.notRatedLabel': m.model_scale_not_rated_field,
	'ratingScale.standardLevelKey': m.model_scale_standard_level
};

/** A diff's field name as a person reads it; unknown fields keep their technical name. */
export const fieldLabel = (field: string): string => fieldLabels[field]?.() ?? field;

/** What to call an item of any model collection. */
export function itemLabel(item: { key: string; title?: string; name?: string; label?: string }): string {
	return item.title ?? item.name ?? item.label ?? item.key;
}
