import { json } from '@sveltejs/kit';
import { openApiDocument } from '#lib/server/api/openapi.ts';
import { allOperations } from '#lib/server/api/operations.ts';
import { config } from '#lib/server/config.ts';

let document: ReturnType<typeof openApiDocument> | null = null;

/** The OpenAPI 3.1 document, generated from the zod schemas the handlers validate with. */
export const GET = () => {
	document ??= openApiDocument(allOperations, config.origin);
	return json(document, { headers: { 'cache-control': 'public, max-age=300' } });
};
