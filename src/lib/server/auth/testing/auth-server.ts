import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from 'better-auth/node';
import type { Database } from '../../db/database.ts';
import { createAuth, type Auth, type AuthOptions } from '../auth.ts';

export interface AuthServer {
	auth: Auth;
	baseURL: string;
	/** URL of a better-auth endpoint, e.g. `api('/sign-in/email')`. */
	api(path: string): string;
	close(): Promise<void>;
}

const noOidc = {
	surfconext: { clientId: '', clientSecret: '' },
	eduid: { clientId: '', clientSecret: '' }
};

/**
 * The app's better-auth instance served over real HTTP on a random local port, the
 * way hooks.server.ts serves it under /api/auth, without SvelteKit around it.
 */
export async function startAuthServer(
	db: Database,
	options: Partial<Omit<AuthOptions, 'db' | 'baseURL'>> & { port?: number } = {}
): Promise<AuthServer> {
	const { port: wantedPort = 0, ...authOptions } = options;
	let handler: ReturnType<typeof toNodeHandler> | null = null;
	const server: Server = createServer((req, res) => {
		if (!handler) {
			res.statusCode = 503;
			res.end();
			return;
		}
		void handler(req, res);
	});
	await new Promise<void>((resolve) => server.listen(wantedPort, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const baseURL = `http://localhost:${port}`;
	const auth = createAuth({
		db,
		baseURL,
		secret: 'test-secret-test-secret-test-secret-0123',
		rateLimit: true,
		oidc: noOidc,
		mail: { smtpUrl: undefined },
		...authOptions
	});
	handler = toNodeHandler(auth);
	return {
		auth,
		baseURL,
		api: (path) => `${baseURL}/api/auth${path}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
