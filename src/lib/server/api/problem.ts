import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import '../../domain/zod-nl.ts';
import { AppError, fieldErrorsOf, type FieldError } from '../http/errors.ts';
import { log } from '../http/log.ts';

/** An RFC 9457 problem document. */
export function problem(
	status: number,
	title: string,
	detail?: string,
	errors: FieldError[] = [],
	requestId?: string
): Response {
	return json(
		{
			type: `https://kwaliteitsspiegel.nl/problems/${status}`,
			title,
			status,
			...(detail ? { detail } : {}),
			...(errors.length
				? { errors: errors.map((e) => ({ pointer: `/${e.field.replaceAll('.', '/')}`, ...e })) }
				: {}),
			...(requestId ? { requestId } : {})
		},
		{ status, headers: { 'content-type': 'application/problem+json' } }
	);
}

const titles: Record<number, string> = {
	400: 'Ongeldig verzoek',
	401: 'Niet ingelogd',
	403: 'Geen toegang',
	404: 'Niet gevonden',
	409: 'Conflict',
	413: 'Te groot',
	415: 'Verkeerd inhoudstype',
	422: 'Ongeldige invoer'
};

/** Wraps an API handler: service and validation errors become problem documents. */
export function apiHandler(fn: (event: RequestEvent) => Promise<Response>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			return await fn(event);
		} catch (error) {
			const requestId = event.locals.requestId;
			if (error instanceof AppError) {
				return problem(
					error.status,
					titles[error.status] ?? 'Fout',
					error.message,
					error.fieldErrors,
					requestId
				);
			}
			// The server's own body limit (adapter-node's BODY_SIZE_LIMIT) fails the body read with 413.
			if (isBodyTooLarge(error)) {
				return problem(413, titles[413]!, 'Het verzoek is te groot.', [], requestId);
			}
			if (error instanceof z.ZodError) {
				return problem(
					422,
					titles[422]!,
					'De invoer voldoet niet aan het schema.',
					fieldErrorsOf(error, '(body)'),
					requestId
				);
			}
			log('error', 'api error', { requestId, error: error instanceof Error ? error.stack : String(error) });
			return problem(500, 'Serverfout', 'Er ging iets mis. Probeer het later opnieuw.', [], requestId);
		}
	};
}

/** SvelteKit's error for a request body over the server's limit (read with `request.text()` etc.). */
function isBodyTooLarge(error: unknown): boolean {
	return error instanceof Error && (error as { status?: unknown }).status === 413;
}

const maxJsonBytes = 1024 * 1024;

/** Reads and validates a JSON body; malformed, oversized or non-JSON bodies are refused. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		throw new AppError(415, 'unsupported_media_type', 'Stuur de gegevens als application/json.');
	}
	const text = await request.text();
	if (text.length > maxJsonBytes) throw new AppError(413, 'too_large', 'Het verzoek is groter dan 1 MB.');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new AppError(400, 'malformed_json', 'De inhoud is geen geldige JSON.');
	}
	const result = schema.safeParse(body);
	if (!result.success) {
		throw new AppError(
			422,
			'validation',
			'De invoer voldoet niet aan het schema.',
			fieldErrorsOf(result.error, '(body)')
		);
	}
	return result.data;
}

/** Validates query parameters against a schema. */
export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
	const result = schema.safeParse(Object.fromEntries(url.searchParams));
	if (!result.success) {
		throw new AppError(
			400,
			'invalid_query',
			'De zoekparameters zijn ongeldig.',
			fieldErrorsOf(result.error, '(body)')
		);
	}
	return result.data;
}

export const pageQuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(100_000).default(1),
	pageSize: z.coerce.number().int().min(1).max(200).default(50)
});
export type PageQuery = z.output<typeof pageQuerySchema>;

/** The list envelope every paginated endpoint returns. */
export function pageSchema<T extends z.ZodType>(item: T) {
	return z.object({
		items: z.array(item),
		page: z.number().int(),
		pageSize: z.number().int(),
		total: z.number().int()
	});
}
