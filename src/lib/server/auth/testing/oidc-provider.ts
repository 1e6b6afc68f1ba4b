import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { TestBrowser } from './browser.ts';

export type IdpAccount = { sub: string } & Record<string, unknown>;

/**
 * A real OpenID Provider (the `oidc-provider` package) on a random local port, with
 * one confidential client for our redirect URI, PKCE required, and the claims SURF
 * releases. Claims are released in userinfo, not in the ID token, as at SURFconext.
 * It records every authorization request so tests can check what we asked for.
 */
export async function startOidcProvider(options: { redirectUri: (issuer: string) => string }) {
	const accounts = new Map<string, IdpAccount>();
	const authorizationRequests: URLSearchParams[] = [];
	let handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
	const server = createServer((req, res) => handle?.(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
	const client = {
		clientId: 'kwaliteitsspiegel-test',
		clientSecret: 'a-client-secret-of-enough-length-0123456789'
	};
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: client.clientId,
				client_secret: client.clientSecret,
				redirect_uris: [options.redirectUri(issuer)],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		pkce: { required: () => true },
		cookies: { keys: ['oidc-provider-test-cookie-key'] },
		claims: {
			openid: ['sub'],
			email: ['email', 'email_verified'],
			profile: [
				'name',
				'schac_home_organization',
				'schac_home_organisation',
				'eduperson_affiliation',
				'eduperson_scoped_affiliation'
			]
		},
		features: { devInteractions: { enabled: true } },
		findAccount: (_ctx, sub) => {
			const account = accounts.get(sub);
			return account ? { accountId: sub, claims: () => account } : undefined;
		}
	});
	provider.use(async (ctx, next) => {
		if (ctx.path === '/auth') authorizationRequests.push(new URLSearchParams(ctx.querystring));
		await next();
	});
	handle = provider.callback();
	return {
		issuer,
		client,
		accounts,
		authorizationRequests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

function formOf(html: string) {
	const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
	if (!action) throw new Error(`no form in provider page: ${html.slice(0, 300)}`);
	const fields: Record<string, string> = {};
	for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
		fields[input[1]!] = input[2]!;
	}
	return { action: action.replaceAll('&amp;', '&'), fields };
}

/**
 * Plays the person at the provider: from the authorization URL through the login
 * and consent pages (oidc-provider's development interactions) and back along every
 * redirect, until a page outside the provider answers. Returns that final response.
 */
export async function signInAtProvider(
	browser: TestBrowser,
	issuer: string,
	authorizationUrl: string,
	login: string
) {
	let { response, url } = await browser.navigate(authorizationUrl);
	for (let step = 0; step < 4 && url.origin === issuer; step++) {
		if (response.status !== 200)
			throw new Error(`provider answered ${response.status} at ${url}: ${await response.text()}`);
		const { action, fields } = formOf(await response.text());
		const form = fields.prompt === 'login' ? { ...fields, login, password: 'any' } : fields;
		({ response, url } = await browser.navigate(new URL(action, url), { method: 'POST', form }));
	}
	return { response, url };
}
