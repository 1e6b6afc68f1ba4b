import { app } from '#lib/server/app.ts';
import { getMessage } from '#lib/server/mail/outbox.service.ts';
import { orPageError } from '#lib/server/http/page.ts';
import { requireActor } from '#lib/server/http/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	return { message: await orPageError(getMessage(db, actor, event.params.id)) };
};
