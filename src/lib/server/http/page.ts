import { error } from '@sveltejs/kit';
import { AppError } from './errors.ts';

/**
 * Runs a service call for a page load: a service error (403, 404, …) becomes the
 * matching error page with its Dutch message instead of a 500.
 */
export async function orPageError<T>(work: Promise<T> | (() => Promise<T>)): Promise<T> {
	try {
		return await (typeof work === 'function' ? work() : work);
	} catch (e) {
		if (e instanceof AppError) error(e.status, e.message);
		throw e;
	}
}
