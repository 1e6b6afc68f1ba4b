import type { ModelDocument } from '../model/model-document.ts';
import type { SubjectLevel } from './evaluation-input.ts';

// Which standards an evaluation looks at. "All values" means every standard of the
// subject's level; otherwise the chosen values bring in their standards of that level, and
// chosen standards are added one by one. The model's levels are keyed 'team' (kwaliteit
// leerroute) and 'institution'.

export interface ScopeChoice {
	scopeAll: boolean;
	scopeValueKeys: string[];
	scopeStandardKeys: string[];
}

export type ScopeResult =
	| { ok: true; scopeAll: boolean; scopeValueKeys: string[]; scopeStandardKeys: string[] }
	| { ok: false; errors: { field: string; message: string }[] };

/** Resolves a scope choice against a model version for a subject level. */
export function resolveScope(document: ModelDocument, level: SubjectLevel, choice: ScopeChoice): ScopeResult {
	const ofLevel = document.standards.filter((s) => s.levelKey === level);
	if (choice.scopeAll) {
		if (ofLevel.length === 0)
			return {
				ok: false,
				errors: [{ field: 'scopeAll', message: 'deze modelversie heeft geen standaarden voor dit niveau' }]
			};
		return {
			ok: true,
			scopeAll: true,
			scopeValueKeys: document.values.map((v) => v.key),
			scopeStandardKeys: ofLevel.map((s) => s.key)
		};
	}
	const errors: { field: string; message: string }[] = [];
	const valueKeys = new Set(document.values.map((v) => v.key));
	for (const key of choice.scopeValueKeys)
		if (!valueKeys.has(key))
			errors.push({ field: 'scopeValueKeys', message: `onbekende referentiewaarde '${key}'` });
	const byKey = new Map(document.standards.map((s) => [s.key, s]));
	for (const key of choice.scopeStandardKeys) {
		const standard = byKey.get(key);
		if (!standard) errors.push({ field: 'scopeStandardKeys', message: `onbekende standaard '${key}'` });
		else if (standard.levelKey !== level)
			errors.push({
				field: 'scopeStandardKeys',
				message: `standaard '${key}' hoort niet bij het niveau ${level === 'team' ? 'team' : 'instelling'}`
			});
	}
	if (errors.length) return { ok: false, errors };
	const chosenValues = new Set(choice.scopeValueKeys);
	const chosenStandards = new Set(choice.scopeStandardKeys);
	// Keep the model's order, so forms and reports list standards as the model does.
	const standards = ofLevel.filter(
		(s) => chosenStandards.has(s.key) || s.valueKeys.some((v) => chosenValues.has(v))
	);
	if (standards.length === 0)
		return {
			ok: false,
			errors: [
				{
					field: 'scopeValueKeys',
					message: 'de gekozen referentiewaarden hebben geen standaarden op dit niveau'
				}
			]
		};
	const values = new Set([...chosenValues, ...standards.flatMap((s) => s.valueKeys)]);
	return {
		ok: true,
		scopeAll: false,
		scopeValueKeys: document.values.map((v) => v.key).filter((k) => values.has(k)),
		scopeStandardKeys: standards.map((s) => s.key)
	};
}
