import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { mailMessage } from '../../mail/mail.table.ts';

/** Polls until `probe` returns a value (mail is delivered in the background). */
export async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<T> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== null && value !== undefined) return value;
		if (Date.now() > until) throw new Error('waitFor: timed out');
		await new Promise((r) => setTimeout(r, 25));
	}
}

/** The first URL in a text. */
export function firstUrl(text: string): string {
	const match = text.match(/https?:\/\/\S+/);
	if (!match) throw new Error(`no URL in: ${text}`);
	return match[0];
}

/** The newest message to an address in the outbox table, once it is there. */
export function outboxMessage(db: Database, to: string) {
	return waitFor(async () => {
		const [row] = await db
			.select()
			.from(mailMessage)
			.where(eq(mailMessage.to, to))
			.orderBy(desc(mailMessage.createdAt))
			.limit(1);
		return row;
	});
}
