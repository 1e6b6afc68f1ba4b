import { redirect } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	// Logout is local: the session ends here, not at the identity provider.
	default: async ({ request }) => {
		const { auth } = await app();
		await auth.api.signOut({ headers: request.headers });
		redirect(303, '/inloggen?uitgelogd=1');
	}
};
