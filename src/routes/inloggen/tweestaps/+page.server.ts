import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { app } from '#lib/server/app.ts';
import { callAuth, type AuthEvent } from '#lib/server/auth/auth-request.ts';
import { safeRedirectPath } from '#lib/server/auth/redirect.ts';
import { parseForm } from '#lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const totpInput = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/, 'Vul de 6 cijfers uit de app in.')
});
const backupInput = z.object({ backupCode: z.string().trim().min(4).max(64) });

// The pending second step lives in better-auth's signed `two_factor` cookie (10 minutes).
const hasChallenge = (cookies: { getAll(): { name: string }[] }) =>
	cookies.getAll().some((c) => c.name.endsWith('.two_factor'));
const expired = () => redirect(303, '/inloggen?error=two_factor_expired');

export const load: PageServerLoad = ({ locals, url, cookies }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.actor) redirect(303, redirectTo);
	if (!hasChallenge(cookies)) expired();
	return { redirectTo };
};

/** Sends a code to better-auth; on success the session cookie is set and we move on. */
async function verify(
	event: AuthEvent,
	step: {
		path: string;
		code: string;
		form: 'totp' | 'backup';
		field: string;
		wrong: string;
		redirectTo: string;
	}
) {
	const { auth } = await app();
	const answer = await callAuth(auth, event, step.path, { code: step.code });
	if (answer.ok) redirect(303, step.redirectTo);
	const form = step.form;
	if (answer.rateLimited) return fail(429, { form, message: m.auth_rate_limited(), errors: {} });
	if (answer.code === 'INVALID_CODE' || answer.code === 'INVALID_BACKUP_CODE') {
		return fail(400, { form, message: step.wrong, errors: { [step.field]: step.wrong } });
	}
	// An expired challenge, too many tries or a locked account: start again from the top.
	expired();
}

export const actions: Actions = {
	totp: async (event) => {
		const data = await event.request.formData();
		const parsed = parseForm(totpInput, data);
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, form: 'totp' });
		const redirectTo = safeRedirectPath(event.url.searchParams.get('redirectTo'));
		const wrong = m.auth_totp_invalid();
		const step = {
			path: '/two-factor/verify-totp',
			code: parsed.data.code,
			form: 'totp',
			field: 'code',
			wrong,
			redirectTo
		} as const;
		return verify(event, step);
	},
	backup: async (event) => {
		const data = await event.request.formData();
		const parsed = parseForm(backupInput, data);
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, form: 'backup' });
		const redirectTo = safeRedirectPath(event.url.searchParams.get('redirectTo'));
		const wrong = m.auth_backup_invalid();
		const code = parsed.data.backupCode;
		const step = {
			path: '/two-factor/verify-backup-code',
			code,
			form: 'backup',
			field: 'backupCode',
			wrong,
			redirectTo
		} as const;
		return verify(event, step);
	}
};
