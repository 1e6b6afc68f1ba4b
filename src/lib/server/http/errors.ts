import type { z } from 'zod';

/** A field-level problem, in Dutch, for a form or a problem document. */
export interface FieldError {
	field: string;
	message: string;
}

/** Errors a service throws; routes turn them into a page message or an RFC 9457 document. */
export class AppError extends Error {
	readonly status: number;
	readonly code: string;
	readonly fieldErrors: FieldError[];
	constructor(status: number, code: string, message: string, fieldErrors: FieldError[] = []) {
		super(message);
		this.status = status;
		this.code = code;
		this.fieldErrors = fieldErrors;
	}
}

export const unauthenticated = () =>
	new AppError(401, 'unauthenticated', 'U moet ingelogd zijn om dit te doen.');
export const forbidden = () =>
	new AppError(403, 'forbidden', 'U heeft geen toegang tot deze gegevens of handeling.');
export const notFound = (what = 'Het gevraagde item') =>
	new AppError(404, 'not_found', `${what} bestaat niet of is niet zichtbaar voor u.`);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const invalid = (fieldErrors: FieldError[], message = 'Controleer de invoer.') =>
	new AppError(422, 'validation', message, fieldErrors);

/** zod's issues as field errors; `root` names an issue about the input as a whole. */
export function fieldErrorsOf(error: z.ZodError, root = '_form'): FieldError[] {
	return error.issues.map((issue) => ({ field: issue.path.join('.') || root, message: issue.message }));
}
