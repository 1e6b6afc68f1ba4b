import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { app } from '#lib/server/app.ts';
import { loadActor } from '#lib/server/auth/actor.ts';
import { userIdForApiToken } from '#lib/server/auth/api-token.service.ts';
import { log } from '#lib/server/http/log.ts';
import { config } from '#lib/server/config.ts';

const requestIdPattern = /^[A-Za-z0-9-]{8,64}$/;

const observe: Handle = async ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	event.locals.requestId = incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
	// Assigned together so TypeScript does not narrow `actor` to null for the rest of this hook.
	Object.assign(event.locals, { actor: null, sessionId: null });
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	setSecurityHeaders(response.headers, config.origin.startsWith('https:'));
	// A questionnaire link carries its secret token in the path: never send it on as a
	// referrer, never keep the page in a cache.
	if (event.url.pathname.startsWith('/vragenlijst/')) {
		response.headers.set('referrer-policy', 'same-origin');
		response.headers.set('cache-control', 'no-store');
	}
	log('info', 'request', {
		requestId: event.locals.requestId,
		method: event.request.method,
		path: loggedPath(event.url.pathname),
		status: response.status,
		ms: Math.round(performance.now() - started),
		userId: event.locals.actor?.userId
	});
	return response;
};

/** The path for the log, without a questionnaire token (a secret that works as a password). */
const loggedPath = (path: string) =>
	path.replace(/^\/vragenlijst\/(?!bedankt$)[^/]+/, '/vragenlijst/[token]');

function setSecurityHeaders(headers: Headers, https: boolean) {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	headers.set('cross-origin-opener-policy', 'same-origin');
	if (https) headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

/**
 * better-auth rate-limits by `x-forwarded-for`. It gets the address SvelteKit trusts
 * (adapter-node's ADDRESS_HEADER / XFF_DEPTH), never what a client wrote in the header.
 */
function withClientAddress(request: Request, address: string): Request {
	const headers = new Headers(request.headers);
	headers.set('x-forwarded-for', address);
	return new Request(request, { headers });
}

const authenticate: Handle = async ({ event, resolve }) => {
	if (event.url.pathname === '/healthz') return resolve(event);
	const { db, auth } = await app();
	if (event.url.pathname.startsWith('/api/auth/')) {
		return auth.handler(withClientAddress(event.request, event.getClientAddress()));
	}
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
	let userId: string | null;
	if (bearer) {
		userId = await userIdForApiToken(db, bearer);
	} else {
		const session = await auth.api.getSession({ headers: event.request.headers });
		userId = session?.user.id ?? null;
		event.locals.sessionId = session?.session.id ?? null;
	}
	if (userId) event.locals.actor = await loadActor(db, userId);
	return resolve(event);
};

const localise: Handle = ({ event, resolve }) =>
	// The cookie strategy does not rewrite URLs, so the original request is used as is.
	paraglideMiddleware(event.request, ({ locale }) => {
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/** Opens and migrates the database before the first request arrives. */
export const init: ServerInit = async () => {
	await app();
};

export const handle = sequence(observe, authenticate, localise);

// SvelteKit 3 calls this for every error, also for error(404, '…') from a load: those
// ('app') keep their status and Dutch message; only unknown errors are logged and hidden.
export const handleError: HandleServerError = ({ kind, error, event }) => {
	const requestId = event.locals.requestId;
	if (kind === 'app') return { requestId };
	if (kind !== 'unknown') {
		return { ...(error.status === 404 ? { message: 'Pagina niet gevonden.' } : {}), requestId };
	}
	log('error', 'unhandled', {
		requestId,
		path: loggedPath(event.url.pathname),
		error: error instanceof Error ? error.stack : String(error)
	});
	return { message: 'Er ging iets mis. Probeer het later opnieuw.', requestId };
};
