import type { z } from 'zod';
import '../../domain/zod-nl.ts';
import { fieldErrorsOf, invalid, notFound, type FieldError } from './errors.ts';

/** Parses service input; a failure becomes a 422 with a Dutch message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	throw invalid(fieldErrorsOf(result.error));
}

/**
 * Parses a partial update: only the fields present in `input` are returned, so defaults
 * do not overwrite stored values, and a present-but-blank field (undefined) means "clear".
 */
export function parsePatch<S extends z.ZodObject>(schema: S, input: unknown): Partial<z.output<S>> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw invalid([{ field: '_form', message: 'De invoer moet een object zijn.' }]);
	}
	const present = Object.keys(input).filter((key) => key in schema.shape);
	const parsed = parseInput(schema.partial(), input) as Record<string, unknown>;
	return Object.fromEntries(present.map((key) => [key, parsed[key]])) as Partial<z.output<S>>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs; a malformed one is simply "not found" rather than a database error. */
export function requireId(id: string, what?: string): string {
	if (!uuidPattern.test(id)) throw notFound(what);
	return id;
}

export const isUuid = (id: string): boolean => uuidPattern.test(id);

/** The name of the unique index a write ran into, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
	for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
		const { code, constraint, message } = e as { code?: string; constraint?: string; message?: string };
		if (code === '23505') {
			return constraint ?? message?.match(/constraint "([^"]+)"/)?.[1] ?? 'unknown';
		}
	}
	return null;
}

/** Rethrows a unique violation on `constraint` as a Dutch field error; anything else as is. */
export function rethrowUnique(error: unknown, map: Record<string, FieldError>): never {
	const constraint = uniqueViolation(error);
	const fieldError = constraint ? map[constraint] : undefined;
	if (fieldError) throw invalid([fieldError]);
	throw error;
}
