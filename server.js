// Serves the built app (adapter-node's handler) with its public origin taken from ORIGIN at
// run time. adapter-node 6 only knows an origin fixed at build time, or guesses `https` from
// the request; with a wrong origin SvelteKit refuses every form post as cross-site.
// Usage: ORIGIN=https://kwaliteit.example.nl PORT=3000 node server.js
import http from 'node:http';
import process from 'node:process';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const origin = new URL(process.env.ORIGIN ?? `http://localhost:${port}`);
const protocol = origin.protocol.slice(0, -1);

// Headers only this process sets: a value sent by a client is overwritten below.
process.env.PROTOCOL_HEADER = 'x-ks-origin-protocol';
process.env.HOST_HEADER = 'x-ks-origin-host';
// adapter-node refuses request bodies over BODY_SIZE_LIMIT (default 512 kB) before the app
// sees them; the app's own limits are larger (evidence files up to 10 MB in a multipart form,
// a model file up to 2 MB, JSON bodies up to 1 MB).
process.env.BODY_SIZE_LIMIT ??= '12M';
const { handler } = await import('./build/handler.js');

// Rate limits key on the client address; behind a reverse proxy that sets X-Forwarded-For
// say TRUST_PROXY=true, otherwise a client could pick its own address.
const trustProxy = process.env.TRUST_PROXY === 'true';

const server = http.createServer((req, res) => {
	if (!trustProxy) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
	req.headers['x-ks-origin-protocol'] = protocol;
	req.headers['x-ks-origin-host'] = origin.host;
	handler(req, res);
});
server.listen(port, host, () => {
	console.log(
		JSON.stringify({
			time: new Date().toISOString(),
			level: 'info',
			msg: 'listening',
			origin: origin.href,
			port
		})
	);
});

// As adapter-node does: stop taking requests, let running ones finish, then let the app
// close its database (PGlite flushes on close), then exit.
let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), 10_000);
	server.close(() => {
		clearTimeout(force);
		process.emit('sveltekit:shutdown', reason);
	});
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
