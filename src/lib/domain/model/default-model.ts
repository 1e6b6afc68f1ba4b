import raw from './default-model.nl.json' with { type: 'json' };
import { formatModelErrors, parseModelDocument, type ModelDocument } from './model-document.ts';

// Validated at import so a broken edit of the shipped example fails at start-up and in tests, not in a page.
const parsed = parseModelDocument(raw);
if (!parsed.ok) {
	throw new Error(`default-model.nl.json is ongeldig:\n${formatModelErrors(parsed.errors)}`);
}

// Shared by every caller, so freeze it: a new model version must start from a copy (structuredClone).
function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object') {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}

/** The example model shipped with the product (`exampleContent: true`), to be replaced by the network's official text. */
export const defaultModelDocument: ModelDocument = deepFreeze(parsed.document);
