// `node scripts/serve.ts`: the built app (./build) served over plain HTTP.
//
// adapter-node 6 dropped the ORIGIN variable: without a proxy header it takes every
// request to be https, so on http://localhost every form post fails SvelteKit's
// cross-site check (403). `node build` is right behind a TLS proxy (with
// PROTOCOL_HEADER/HOST_HEADER); this entry is for serving HTTP directly: `npm start`
// and the browser tests. It uses adapter-node's documented custom-server handler.
import http from 'node:http';
import { join } from 'node:path';
import { root } from './lib/app-build.ts';

// Our own header, set on every request below (a client cannot forge it: it is overwritten).
const PROTOCOL = 'x-kwaliteitsspiegel-proto';
const behindProxy = !!process.env.PROTOCOL_HEADER;
if (!behindProxy) process.env.PROTOCOL_HEADER = PROTOCOL;

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
// Importing the handler starts the app (its init hook migrates and seeds the database).
const { handler } = (await import(join(root, 'build', 'handler.js'))) as { handler: Handler };

const server = http.createServer((req, res) => {
	if (!behindProxy) req.headers[PROTOCOL] = 'http';
	res.on('close', () => stopping && server.closeIdleConnections());
	handler(req, res, () => {
		res.statusCode = 404;
		res.end();
	});
});
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// As adapter-node does: stop taking requests, let running ones finish, then tell the app.
let stopping = false;
function shutdown(reason: string) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000);
	server.close(() => {
		clearTimeout(force);
		process.emit('sveltekit:shutdown', reason);
	});
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
