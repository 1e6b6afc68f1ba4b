import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { authorize, type Actor } from '../policy/policy.ts';
import { notFound } from '../http/errors.ts';
import { mailPolicy } from './mail.policy.ts';
import { mailMessage } from './mail.table.ts';

export const outboxPageSize = 50;

/** One page of the outbox, newest first; network admins only. */
export async function listOutbox(db: Database, actor: Actor | null, page = 1) {
	authorize(actor, mailPolicy, 'mail.read');
	const [items, [total]] = await Promise.all([
		db
			.select({
				id: mailMessage.id,
				to: mailMessage.to,
				subject: mailMessage.subject,
				status: mailMessage.status,
				createdAt: mailMessage.createdAt,
				sentAt: mailMessage.sentAt
			})
			.from(mailMessage)
			.orderBy(desc(mailMessage.createdAt), desc(mailMessage.id))
			.limit(outboxPageSize)
			.offset((page - 1) * outboxPageSize),
		db.select({ n: count() }).from(mailMessage)
	]);
	return { items, total: total?.n ?? 0, page, pageSize: outboxPageSize };
}

/** One message with its text; network admins only. */
export async function getMessage(db: Database, actor: Actor | null, id: string) {
	authorize(actor, mailPolicy, 'mail.read');
	if (!z.uuid().safeParse(id).success) throw notFound('Het bericht');
	const [message] = await db.select().from(mailMessage).where(eq(mailMessage.id, id));
	if (!message) throw notFound('Het bericht');
	return message;
}
