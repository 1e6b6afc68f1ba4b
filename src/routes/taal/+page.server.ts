import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions } from './$types';

const input = z.object({
	locale: z.enum(['nl', 'en']),
	// Only same-site paths, so the switch cannot be used as an open redirect.
	redirectTo: z
		.string()
		.regex(/^\/(?!\/)/)
		.max(2000)
		.catch('/')
});

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const parsed = input.safeParse(Object.fromEntries(await request.formData()));
		const { locale, redirectTo } = parsed.success ? parsed.data : { locale: 'nl', redirectTo: '/' };
		cookies.set('PARAGLIDE_LOCALE', locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: false,
			sameSite: 'lax'
		});
		redirect(303, redirectTo);
	}
};
