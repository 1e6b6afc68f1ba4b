import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import '#lib/domain/zod-nl.ts';
import { m } from '#lib/paraglide/messages.js';
import { app } from '#lib/server/app.ts';
import { accountOverview } from '#lib/server/auth/account.service.ts';
import { apiTokenInputSchema, createApiToken, revokeApiToken } from '#lib/server/auth/api-token.service.ts';
import { callAuth, type AuthAnswer } from '#lib/server/auth/auth-request.ts';
import { totpSetup } from '#lib/server/auth/totp-setup.ts';
import { actionError, parseForm } from '#lib/server/http/forms.ts';
import { requireActor } from '#lib/server/http/session.ts';
import type { Actions, PageServerLoad } from './$types';

const passwordChange = z.object({
	currentPassword: z.string().min(1).max(128),
	newPassword: z.string().min(10).max(128)
});
const passwordConfirm = z.object({ password: z.string().max(128).optional() });
const totpConfirm = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/, 'Vul de 6 cijfers uit de app in.')
});
const tokenId = z.object({ id: z.string() });

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = await app();
	return { account: await accountOverview(db, actor) };
};

/** A refusal from better-auth as a page failure for one form (no input is echoed back). */
function refused(form: string, answer: AuthAnswer, errors: Record<string, string> = {}) {
	const message = answer.rateLimited
		? m.auth_rate_limited()
		: (Object.values(errors)[0] ?? m.auth_error_generic());
	return fail(answer.rateLimited ? 429 : 400, { form, message, errors: answer.rateLimited ? {} : errors });
}

export const actions: Actions = {
	changePassword: async (event) => {
		requireActor(event);
		const parsed = parseForm(passwordChange, await event.request.formData());
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, values: {}, form: 'password' });
		const { auth } = await app();
		const answer = await callAuth(auth, event, '/change-password', {
			...parsed.data,
			revokeOtherSessions: true
		});
		if (answer.ok) return { form: 'password', message: m.account_password_changed() };
		if (answer.code === 'INVALID_PASSWORD')
			return refused('password', answer, { currentPassword: m.account_password_wrong() });
		return refused('password', answer, { newPassword: m.account_password_rejected() });
	},
	enableTotp: async (event) => {
		requireActor(event);
		const parsed = parseForm(passwordConfirm, await event.request.formData());
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, values: {}, form: 'totp' });
		const { auth } = await app();
		const answer = await callAuth(auth, event, '/two-factor/enable', parsed.data);
		const setup = totpSetup(answer.body?.totpURI);
		if (!answer.ok || !setup) return refused('totp', answer, { password: m.account_password_wrong() });
		return { form: 'totp', setup, backupCodes: (answer.body?.backupCodes ?? []) as string[] };
	},
	confirmTotp: async (event) => {
		requireActor(event);
		const data = await event.request.formData();
		// On a wrong code the setup is shown again, so the person need not start over.
		const setup = totpSetup(data.get('totpURI'));
		const parsed = parseForm(totpConfirm, data);
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, values: {}, form: 'totp', setup });
		const { auth } = await app();
		const answer = await callAuth(auth, event, '/two-factor/verify-totp', parsed.data);
		if (answer.ok) return { form: 'totp', message: m.account_totp_enabled() };
		return fail(answer.rateLimited ? 429 : 400, {
			form: 'totp',
			setup,
			message: answer.rateLimited ? m.auth_rate_limited() : m.account_totp_code_wrong(),
			errors: { code: m.account_totp_code_wrong() }
		});
	},
	disableTotp: async (event) => {
		requireActor(event);
		const parsed = parseForm(passwordConfirm, await event.request.formData());
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, values: {}, form: 'totpOff' });
		const { auth } = await app();
		const answer = await callAuth(auth, event, '/two-factor/disable', parsed.data);
		if (answer.ok) return { form: 'totp', message: m.account_totp_disabled() };
		return refused('totpOff', answer, { password: m.account_password_wrong() });
	},
	createToken: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const parsed = parseForm(apiTokenInputSchema, data);
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, form: 'token' });
		const { db } = await app();
		const created = await createApiToken(db, actor, parsed.data);
		return { form: 'token', created: { name: created.name, token: created.token } };
	},
	revokeToken: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const parsed = parseForm(tokenId, data);
		if (!parsed.ok) return fail(422, { ...parsed.failure.data, form: 'tokens' });
		const { db } = await app();
		try {
			await revokeApiToken(db, actor, parsed.data.id);
		} catch (error) {
			return actionError(error, data);
		}
		return { form: 'tokens', message: m.account_token_revoked() };
	}
};
