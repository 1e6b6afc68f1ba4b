import { sql } from 'drizzle-orm';
import { json } from '@sveltejs/kit';
import { app } from '#lib/server/app.ts';
import type { RequestHandler } from './$types';

/** The database answers (a load balancer's readiness check). */
export const GET: RequestHandler = async () => {
	try {
		const { db } = await app();
		await db.execute(sql`select 1`);
		return json({ status: 'ready' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
