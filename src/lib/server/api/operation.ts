import type { z } from 'zod';

/** One API operation, described by the same zod schemas its handler validates with. */
export interface Operation {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	summary: string;
	tag: string;
	params?: z.ZodObject;
	query?: z.ZodObject;
	body?: z.ZodType;
	/** Media type of the body when it is not JSON (e.g. `text/csv` for an import). */
	bodyType?: string;
	response?: z.ZodType;
	responseStatus?: number;
	responseType?: string;
}

/** Declares an operation (identity; gives type checking at the declaration). */
export const operation = (op: Operation): Operation => op;
