import type { Tx } from '../db/database.ts';
import { conflict, type FieldError } from '../http/errors.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';
import * as versions from '../model/model.queries.ts';
import type { ModelVersionRow } from '../model/model.queries.ts';

// Ambitions and improvement actions name parts of the reference model by key (a value,
// a standard, a capacity, a level of the rating scale). These checks keep such keys
// pointing at something that exists, with Dutch messages tied to the form field.

/** A team subject uses the model's `team` level, an institution the `institution` level. */
export type SubjectLevel = 'team' | 'institution';
export const subjectLevelOf = (teamId: string | null | undefined): SubjectLevel =>
	teamId ? 'team' : 'institution';

/** The model version in force (newest published); 409 when none is published yet. */
export async function publishedModel(db: Tx): Promise<ModelVersionRow> {
	const row = await versions.latestPublished(db);
	if (!row)
		throw conflict(
			'Er is nog geen gepubliceerd referentiewaardenmodel; vraag het netwerkbureau een versie te publiceren.'
		);
	return row;
}

const listKeys = (items: readonly { key: string }[]) => items.map((i) => `'${i.key}'`).join(', ');

export function checkValueKey(doc: ModelDocument, key: string, field: string): FieldError | null {
	if (doc.values.some((v) => v.key === key)) return null;
	return { field, message: `onbekende referentiewaarde '${key}'; kies uit ${listKeys(doc.values)}` };
}

/** A standard must exist and belong to the subject's level (a team cannot aim at an institution standard). */
export function checkStandardKey(
	doc: ModelDocument,
	key: string,
	level: SubjectLevel,
	field: string
): FieldError | null {
	const standard = doc.standards.find((s) => s.key === key);
	if (!standard) return { field, message: `onbekende standaard '${key}'` };
	if (standard.levelKey !== level) {
		const levelName = doc.levels.find((l) => l.key === standard.levelKey)?.name ?? standard.levelKey;
		return {
			field,
			message: `standaard '${key}' hoort bij het niveau '${levelName}'; kies een standaard van ${level === 'team' ? 'het team' : 'de instelling'}`
		};
	}
	return null;
}

export function checkCapacityKey(doc: ModelDocument, key: string, field: string): FieldError | null {
	if (doc.capacities.some((c) => c.key === key)) return null;
	return { field, message: `onbekend vermogen '${key}'; kies uit ${listKeys(doc.capacities)}` };
}

/** The scale level with that key, or a field error. */
export function scaleLevel(
	doc: ModelDocument,
	key: string,
	field: string
): { rank: number; label: string } | FieldError {
	const level = doc.ratingScale.levels.find((l) => l.key === key);
	if (level) return { rank: level.rank, label: level.label };
	return {
		field,
		message: `onbekend niveau '${key}'; kies uit ${doc.ratingScale.levels.map((l) => `'${l.label}'`).join(', ')}`
	};
}

/** Display names of a model's values, standards, capacities and scale levels by key. */
export function modelLabels(doc: ModelDocument) {
	return {
		values: Object.fromEntries(doc.values.map((v) => [v.key, v.name])) as Record<string, string>,
		standards: Object.fromEntries(doc.standards.map((s) => [s.key, s.title])) as Record<string, string>,
		capacities: Object.fromEntries(doc.capacities.map((c) => [c.key, c.name])) as Record<string, string>,
		levels: Object.fromEntries(doc.ratingScale.levels.map((l) => [l.key, l.label])) as Record<string, string>
	};
}
export type ModelLabels = ReturnType<typeof modelLabels>;
