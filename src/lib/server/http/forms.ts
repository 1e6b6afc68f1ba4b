import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import '../../domain/zod-nl.ts';
import { AppError, fieldErrorsOf } from './errors.ts';

export type FieldErrors = Record<string, string>;

export interface FormFailure {
	message: string;
	errors: FieldErrors;
	values: Record<string, string>;
}

/** The form's text values, to refill the form after a refused submit. */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}

/** Field errors keyed by the first path segment (the form field's name). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const e of fieldErrorsOf(error)) errors[e.field] ??= e.message;
	return errors;
}

/** Validates form data with a schema; on failure returns a 422 for the page to show. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	data: FormData,
	shape: (d: FormData) => unknown = (d) => Object.fromEntries(d)
): { ok: true; data: z.output<S> } | { ok: false; failure: ActionFailure<FormFailure> } {
	const result = schema.safeParse(shape(data));
	if (result.success) return { ok: true, data: result.data };
	return {
		ok: false,
		failure: fail(422, {
			message: 'Niet alles is goed ingevuld. Controleer de gemarkeerde velden.',
			errors: zodFieldErrors(result.error),
			values: formValues(data)
		})
	};
}

/** Turns a service error into a page failure; anything else is rethrown as a 500. */
export function actionError(error: unknown, data?: FormData): ActionFailure<FormFailure> {
	if (error instanceof AppError) {
		const errors: FieldErrors = {};
		for (const e of error.fieldErrors) errors[e.field] ??= e.message;
		return fail(error.status, {
			message: error.message,
			errors,
			values: data ? formValues(data) : {}
		});
	}
	throw error;
}
