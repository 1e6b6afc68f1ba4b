// oidc-provider 9 ships no type declarations; this covers the part the tests use.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	interface Context {
		path: string;
		querystring: string;
	}

	interface Account {
		accountId: string;
		claims: () => Record<string, unknown> | Promise<Record<string, unknown>>;
	}

	interface Configuration {
		clients?: Record<string, unknown>[];
		pkce?: { required?: (ctx: Context, client: unknown) => boolean };
		cookies?: { keys?: string[] };
		claims?: Record<string, string[]>;
		features?: Record<string, { enabled: boolean }>;
		findAccount?: (ctx: Context, sub: string) => Account | undefined | Promise<Account | undefined>;
	}

	export default class Provider {
		constructor(issuer: string, configuration?: Configuration);
		use(middleware: (ctx: Context, next: () => Promise<void>) => Promise<void>): void;
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
	}
}
