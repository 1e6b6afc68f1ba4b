import type { RequestHandler } from './$types';

/** The process is up (a load balancer's liveness check). */
export const GET: RequestHandler = () => new Response('ok', { headers: { 'cache-control': 'no-store' } });
