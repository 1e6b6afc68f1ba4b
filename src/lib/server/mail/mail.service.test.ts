import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../testing/database.ts';
import type { Connection } from '../db/connect.ts';
import { mailMessage } from './mail.table.ts';
import { redactedText, sendMail } from './mail.service.ts';
import { startSmtpServer } from './testing/smtp-server.ts';

let conn: Connection;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
	conn = await createTestDatabase();
	smtp = await startSmtpServer();
});
afterAll(async () => {
	await smtp.close();
	await conn.close();
});

const stored = async (id: string) =>
	(await conn.db.select().from(mailMessage).where(eq(mailMessage.id, id)))[0]!;

describe('sendMail', () => {
	it('delivers over SMTP and records the message as sent', async () => {
		const row = await sendMail(
			conn.db,
			{ to: 'anouk@roc-a.example', subject: 'Uitnodiging kwaliteitstafel', text: 'Tot donderdag, één uur.' },
			smtp.url
		);
		const mail = smtp.received.find((m) => m.to.includes('anouk@roc-a.example'))!;
		expect(mail.subject).toBe('Uitnodiging kwaliteitstafel');
		expect(mail.text).toBe('Tot donderdag, één uur.');
		const saved = await stored(row!.id);
		expect(saved.status).toBe('sent');
		expect(saved.sentAt).toBeInstanceOf(Date);
		expect(saved.text).toBe('Tot donderdag, één uur.');
	});

	it('keeps no readable copy of a sensitive message once SMTP has it', async () => {
		const text = 'Uw link: https://ks.example/api/auth/magic-link/verify?token=geheim';
		const row = await sendMail(
			conn.db,
			{ to: 'bram@roc-b.example', subject: 'Inloggen', text, sensitive: true },
			smtp.url
		);
		expect(smtp.received.find((m) => m.to.includes('bram@roc-b.example'))?.text).toBe(text);
		expect((await stored(row!.id)).text).toBe(redactedText);
	});

	it('without SMTP, leaves the message readable in the outbox', async () => {
		const row = await sendMail(
			conn.db,
			{ to: 'noor@example.test', subject: 'Inloggen', text: 'https://link', sensitive: true },
			undefined
		);
		const saved = await stored(row!.id);
		expect(saved.status).toBe('outbox');
		expect(saved.text).toBe('https://link');
	});

	it('records a refused delivery as failed, with the reason, instead of losing it', async () => {
		const refusing = await startSmtpServer({ reject: true });
		try {
			const row = await sendMail(
				conn.db,
				{ to: 'x@example.test', subject: 'Herinnering', text: 'Tekst' },
				refusing.url
			);
			const saved = await stored(row!.id);
			expect(saved.status).toBe('failed');
			expect(saved.error).toMatch(/550|mailbox unavailable/);
			expect(saved.text).toBe('Tekst');
		} finally {
			await refusing.close();
		}
	});
});
