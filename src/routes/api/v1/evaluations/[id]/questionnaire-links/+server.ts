import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import { apiHandler, readJson, readQuery } from '#lib/server/api/problem.ts';
import {
	createLinksSchema,
	createQuestionnaireLinks,
	listLinksQuerySchema,
	listQuestionnaireLinks
} from '#lib/server/evaluations/questionnaire.service.ts';

export const GET = apiHandler(async ({ params, locals, url }) => {
	const query = readQuery(url, listLinksQuerySchema);
	const { db } = await app();
	return json(await listQuestionnaireLinks(db, locals.actor, params.id!, query));
});

// The tokens exist only in this answer; the database keeps their hashes.
export const POST = apiHandler(async ({ params, locals, request, url }) => {
	const input = await readJson(request, createLinksSchema);
	const { db } = await app();
	const links = await createQuestionnaireLinks(db, locals.actor, params.id!, input);
	const withUrl = links.map((l) => ({ ...l, url: new URL(`/vragenlijst/${l.token}`, url.origin).href }));
	return json({ links: withUrl }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
