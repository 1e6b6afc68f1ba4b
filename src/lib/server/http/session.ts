import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../policy/policy.ts';

/**
 * The signed-in person for a page, or a redirect to the sign-in page that brings them
 * back here afterwards. Pages only; the API answers 401 problem documents instead.
 */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = event.locals.actor;
	if (!actor)
		redirect(303, `/inloggen?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return actor;
}
