// `npm start`: build when needed, then run the production server on the embedded
// database (PGlite in ./data/pglite) and print where it runs and how to sign in.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, portInUse, root, startServer, waitUntilReady } from './lib/app-build.ts';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
process.chdir(root);

const env = process.env;
const production = env.NODE_ENV === 'production';
const port = env.PORT || '3000';
const origin = env.ORIGIN || `http://localhost:${port}`;
const host = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : '127.0.0.1';
const local = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Outside production, a secret made once and kept in ./data, so sessions survive restarts. */
function authSecret(): string | undefined {
	if (env.AUTH_SECRET) return env.AUTH_SECRET;
	if (production) return undefined; // the app refuses to start; it says why
	const dir = join(root, 'data');
	const file = join(dir, 'auth-secret');
	mkdirSync(dir, { recursive: true });
	try {
		writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
		console.log('Made a session secret in data/auth-secret (kept for the next starts).');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return readFileSync(file, 'utf8').trim();
}

if (await portInUse(Number(port), host)) {
	console.error(
		`Port ${port} is already in use (is Kwaliteitsspiegel running already?). Choose another: PORT=3001 npm start`
	);
	process.exit(1);
}

try {
	await ensureBuild();
} catch (error) {
	console.error(String((error as Error).message));
	process.exit(1);
}

const secret = authSecret();
const { config } = await import('#lib/server/config.ts');
const { DEMO_PASSWORD, demoLoginTable } = await import('#lib/server/demo/demo-accounts.ts');

const server = startServer({ PORT: port, ORIGIN: origin, ...(secret ? { AUTH_SECRET: secret } : {}) });
// The server stops gracefully on the first signal (Ctrl+C); a second one ends it at once.
let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		server.kill(signalled ? 'SIGKILL' : signal === 'SIGHUP' ? 'SIGTERM' : signal);
		signalled = true;
	});
}
let failed = false;
server.on('exit', (code, signal) => process.exit(failed ? 1 : (code ?? (signal ? 1 : 0))));

try {
	await waitUntilReady(local, server);
	const home = await fetch(`${local}/`);
	if (!home.ok) throw new Error(`the home page answered ${home.status}`);
} catch (error) {
	console.error(`Kwaliteitsspiegel did not start: ${(error as Error).message}`);
	failed = true;
	server.kill('SIGTERM');
	await new Promise(() => {}); // the server's exit ends this process
}

const database = config.databaseUrl
	? 'PostgreSQL (DATABASE_URL)'
	: `embedded PGlite in ${config.dataDir.replace(root + '/', '')}`;
const lines = [
	'',
	`Kwaliteitsspiegel runs at ${origin}  (first page answered ${seconds()} s after start)`,
	`Database: ${database}`
];
if (config.demoData) {
	lines.push(
		'',
		`Demo data is on (DEMO_DATA=false turns it off). A new database gets the demo network; demo logins,`,
		`all with the password ${DEMO_PASSWORD}:`,
		'',
		demoLoginTable()
			.split('\n')
			.map((l) => `  ${l}`)
			.join('\n')
	);
}
lines.push('', 'Stop with Ctrl+C; the data stays for the next start.', '');
console.log(lines.join('\n'));
