// Building and starting the production server (adapter-node output in ./build), shared
// by `npm start` and the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/lib/../..). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildDir = join(root, 'build');
const stampFile = join(buildDir, '.sources.json');

// What goes into the build. Tests, generated messages and the migrations (read at run
// time from ./drizzle) do not.
const sourceDirs = ['src', 'messages', 'static', 'project.inlang'];
const sourceFiles = [
	'package.json',
	'package-lock.json',
	'vite.config.ts',
	'svelte.config.js',
	'tsconfig.json'
];
const ignored = (path: string) =>
	path.startsWith('src/lib/paraglide/') ||
	path.startsWith('project.inlang/cache/') ||
	/\.test\.ts$/.test(path) ||
	path.endsWith('.DS_Store');

interface Stamp {
	newest: number;
	files: number;
}

/** The newest modification time and number of the build's source files. */
function sourceStamp(): Stamp {
	let newest = 0;
	let files = 0;
	const visit = (path: string) => {
		const rel = relative(root, path);
		if (ignored(rel)) return;
		const stat = statSync(path, { throwIfNoEntry: false });
		if (!stat) return;
		if (stat.isDirectory()) {
			for (const name of readdirSync(path)) visit(join(path, name));
			return;
		}
		files++;
		newest = Math.max(newest, stat.mtimeMs);
	};
	for (const dir of sourceDirs) visit(join(root, dir));
	for (const file of sourceFiles) visit(join(root, file));
	return { newest, files };
}

/** Why the build must be made again, or null when ./build is up to date. */
export function buildOutdated(): string | null {
	if (!existsSync(join(buildDir, 'index.js'))) return 'no build yet';
	const now = sourceStamp();
	// A build made by `npm run build` has no stamp: then its own age decides.
	const built: Stamp = existsSync(stampFile)
		? (JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp)
		: { newest: statSync(join(buildDir, 'index.js')).mtimeMs, files: now.files };
	if (now.newest > built.newest) return 'sources changed since the last build';
	if (now.files !== built.files) return 'source files added or removed since the last build';
	return null;
}

/**
 * Runs `vite build` when ./build is missing or older than the sources. Output is shown
 * only when the build fails (or with `verbose`). Returns the seconds it took, or 0.
 */
export async function ensureBuild(options: { verbose?: boolean; log?: (line: string) => void } = {}) {
	const log = options.log ?? ((line: string) => console.log(line));
	const reason = buildOutdated();
	if (!reason) return 0;
	// Taken before building, so that an edit made during the build triggers the next one.
	const stamp = sourceStamp();
	log(`Building the app (${reason}) …`);
	const started = performance.now();
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const output: Buffer[] = [];
	const code = await new Promise<number | null>((done, fail) => {
		const child = spawn(process.execPath, [vite, 'build'], {
			cwd: root,
			stdio: options.verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, NODE_ENV: 'production' }
		});
		child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
		child.on('error', fail);
		child.on('exit', done);
	});
	if (code !== 0) {
		process.stderr.write(Buffer.concat(output));
		throw new Error(`vite build failed (exit code ${code})`);
	}
	writeFileSync(stampFile, JSON.stringify(stamp));
	const seconds = (performance.now() - started) / 1000;
	log(`Built in ${seconds.toFixed(1)} s.`);
	return seconds;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.unref();
		server.on('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))
			);
		});
	});
}

/** True when something already accepts connections on the port. */
export async function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
	try {
		await fetch(`http://${host}:${port}/`, { signal: AbortSignal.timeout(1000) });
		return true;
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause;
		return cause?.code !== 'ECONNREFUSED';
	}
}

/**
 * Starts the built app with the given environment on top of this process's. Through
 * server.js rather than `node build`: adapter-node 6 has no ORIGIN variable and takes
 * every request for https, so over plain http every form post would be refused.
 */
export function startServer(env: Record<string, string>, options: { quiet?: boolean } = {}): ChildProcess {
	return spawn(process.execPath, [join(root, 'server.js')], {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit'
	});
}

/**
 * Waits until `<base>/readyz` answers 200 (the database is migrated and seeded).
 * Fails early when the server process ends.
 */
export async function waitUntilReady(base: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: string | null = null;
	const onExit = (code: number | null, signal: string | null) => (exited = `code ${code ?? signal}`);
	server.once('exit', onExit);
	try {
		while (Date.now() < deadline) {
			if (exited) throw new Error(`the server stopped before it was ready (${exited})`);
			try {
				const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5000) });
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`the server was not ready within ${timeoutMs / 1000} s`);
	} finally {
		server.off('exit', onExit);
	}
}

/** Stops the server: SIGTERM, then SIGKILL after a grace period. */
export async function stopServer(server: ChildProcess, graceMs = 5000): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const exited = new Promise((r) => server.once('exit', r));
	server.kill('SIGTERM');
	const timer = setTimeout(() => server.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}
