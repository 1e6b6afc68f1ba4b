import type { FieldError } from '../http/errors.ts';
import type { RatingEntry } from './rating.service.ts';

// The rating forms (the rating page and the public questionnaire) name their fields per
// standard: `level:<standardKey>` (a level key, or '' for "niet beoordeeld"),
// `motivation:<standardKey>` and `version:<standardKey>`. These helpers turn such a form
// into service entries and the service's `ratings.<i>.<field>` errors back into form fields.

export const levelField = (standardKey: string) => `level:${standardKey}`;
export const motivationField = (standardKey: string) => `motivation:${standardKey}`;
export const versionField = (standardKey: string) => `version:${standardKey}`;

const text = (data: FormData, name: string) => {
	const value = data.get(name);
	return typeof value === 'string' ? value : undefined;
};

/**
 * Entries for the standards the person touched: a chosen level (or "niet beoordeeld"), a
 * stored rating (a version), or a motivation typed without a level (the service then asks
 * for the level). `all` makes every listed standard an entry (the questionnaire needs each).
 */
export function ratingEntriesFromForm(data: FormData, standardKeys: string[], all = false): RatingEntry[] {
	const entries: RatingEntry[] = [];
	for (const standardKey of standardKeys) {
		const level = text(data, levelField(standardKey));
		const motivation = text(data, motivationField(standardKey)) ?? '';
		const version = Number(text(data, versionField(standardKey)) || NaN);
		if (!all && level === undefined && !motivation.trim() && !Number.isInteger(version)) continue;
		entries.push({
			standardKey,
			levelKey: level === undefined ? (undefined as never) : level === '' ? null : level,
			motivation,
			...(Number.isInteger(version) && version > 0 ? { version } : {})
		});
	}
	return entries;
}

/** The service's field errors (`ratings.<i>.levelKey`) as the form's field names (`level:<key>`). */
export function ratingFormErrors(entries: RatingEntry[], errors: FieldError[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const e of errors) {
		const m = e.field.match(/^ratings\.(\d+)\.(\w+)$/);
		const entry = m ? entries[Number(m[1])] : undefined;
		const name = !entry
			? e.field
			: m![2] === 'motivation'
				? motivationField(entry.standardKey)
				: levelField(entry.standardKey);
		out[name] ??= e.message;
	}
	return out;
}

/** The public questionnaire's form as service input: every standard listed, capacities chosen, an optional finding. */
export function questionnaireAnswerFromForm(data: FormData, standardKeys: string[]) {
	const capacities: { capacityKey: string; effect: string }[] = [];
	for (const [name, value] of data) {
		if (name.startsWith('capacity:') && typeof value === 'string' && value) {
			capacities.push({ capacityKey: name.slice('capacity:'.length), effect: value });
		}
	}
	const findingText = text(data, 'findingText') ?? '';
	return {
		ratings: ratingEntriesFromForm(data, standardKeys, true).map(({ version: _v, ...entry }) => entry),
		capacities,
		finding: findingText.trim() ? { kind: text(data, 'findingKind') ?? '', text: findingText } : null
	};
}

/** The questionnaire service's field errors as the form's field names. */
export function questionnaireFormErrors(
	answer: ReturnType<typeof questionnaireAnswerFromForm>,
	errors: FieldError[]
): Record<string, string> {
	const other = (e: FieldError) => e.field.startsWith('capacities.') || e.field.startsWith('finding.');
	const out = ratingFormErrors(
		answer.ratings,
		errors.filter((e) => !other(e))
	);
	for (const e of errors.filter(other)) {
		const capacity = e.field.match(/^capacities\.(\d+)\./);
		if (capacity) out[`capacity:${answer.capacities[Number(capacity[1])]?.capacityKey}`] ??= e.message;
		else if (e.field === 'finding.kind') out.findingKind ??= e.message;
		else if (e.field === 'finding.text') out.findingText ??= e.message;
	}
	return out;
}
