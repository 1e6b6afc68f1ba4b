import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import '#lib/domain/zod-nl.ts';
import { m } from '#lib/paraglide/messages.js';
import { app } from '#lib/server/app.ts';
import { callAuth } from '#lib/server/auth/auth-request.ts';
import { configuredSsoProviders, ssoProviderNames } from '#lib/server/auth/oidc.ts';
import { magicLinkMinutes } from '#lib/server/auth/magic-link-mail.ts';
import { safeRedirectPath } from '#lib/server/auth/redirect.ts';
import { config } from '#lib/server/config.ts';
import { parseForm } from '#lib/server/http/forms.ts';
import { signInNotice } from './notices.ts';
import type { Actions, PageServerLoad } from './$types';

const email = z.email().trim().toLowerCase().max(254);
const passwordInput = z.object({ email, password: z.string().min(1).max(128) });
// Its own field name: two inputs called `email` on one page would share an id.
const magicLinkInput = z.object({ magicEmail: email });

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.actor) redirect(303, redirectTo);
	return {
		redirectTo,
		notice: signInNotice(url.searchParams),
		magicLinkMinutes,
		providers: configuredSsoProviders(config.oidc).map((id) => ({ id, name: ssoProviderNames[id] }))
	};
};

/** Where errors of the magic link land: here, keeping where the person was going. */
const errorURL = (redirectTo: string) => `/inloggen?redirectTo=${encodeURIComponent(redirectTo)}`;

export const actions: Actions = {
	password: async (event) => {
		const data = await event.request.formData();
		const redirectTo = safeRedirectPath(event.url.searchParams.get('redirectTo'));
		const password = data.get('password');
		data.delete('password'); // never sent back to the page
		const parsed = parseForm(passwordInput, data, (d) => ({ email: d.get('email'), password }));
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, form: 'password' });
		const { auth } = await app();
		const answer = await callAuth(auth, event, '/sign-in/email', { ...parsed.data, rememberMe: true });
		const values = { email: parsed.data.email };
		if (answer.rateLimited)
			return fail(429, { form: 'password', message: m.auth_rate_limited(), errors: {}, values });
		if (answer.status >= 500) throw new Error(`password sign-in failed: ${answer.status}`);
		// One message for every refusal: it must not tell whether the address has an account.
		if (!answer.ok) return fail(400, { form: 'password', message: m.auth_failed(), errors: {}, values });
		if (answer.body?.twoFactorRedirect)
			redirect(303, `/inloggen/tweestaps?redirectTo=${encodeURIComponent(redirectTo)}`);
		redirect(303, redirectTo);
	},
	magicLink: async (event) => {
		const data = await event.request.formData();
		const redirectTo = safeRedirectPath(event.url.searchParams.get('redirectTo'));
		const parsed = parseForm(magicLinkInput, data);
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, form: 'magicLink' });
		const { auth } = await app();
		const answer = await callAuth(auth, event, '/sign-in/magic-link', {
			email: parsed.data.magicEmail,
			callbackURL: redirectTo,
			errorCallbackURL: errorURL(redirectTo)
		});
		if (answer.rateLimited) {
			return fail(429, {
				form: 'magicLink',
				message: m.auth_rate_limited(),
				errors: {},
				values: { magicEmail: parsed.data.magicEmail }
			});
		}
		if (answer.status >= 500) throw new Error(`magic link request failed: ${answer.status}`);
		// Known or not, the answer is the same: it must not tell who has an account.
		return { form: 'magicLink', sent: true, message: m.auth_magic_sent() };
	}
};
