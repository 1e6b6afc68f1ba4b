import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../db/database.ts';
import { mailMessage } from './mail.table.ts';
import { config } from '../config.ts';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string;
}

let transport: nodemailer.Transporter | null = null;
function smtp(url: string): nodemailer.Transporter {
	transport ??= nodemailer.createTransport(url);
	return transport;
}

/**
 * Records the message, then delivers it over SMTP when SMTP_URL is set; without it the
 * message stays in the outbox that network admins can read.
 */
export async function sendMail(db: Database, mail: OutgoingMail, smtpUrl = config.smtpUrl) {
	const [row] = await db
		.insert(mailMessage)
		.values({ ...mail, status: smtpUrl ? 'queued' : 'outbox' })
		.returning({ id: mailMessage.id });
	if (!smtpUrl || !row) return row;
	try {
		await smtp(smtpUrl).sendMail({ from: config.mailFrom, ...mail });
		await db
			.update(mailMessage)
			.set({ status: 'sent', sentAt: new Date(), attempts: 1 })
			.where(eq(mailMessage.id, row.id));
	} catch (error) {
		// Kept as failed, visible in the outbox, rather than lost.
		await db
			.update(mailMessage)
			.set({ status: 'failed', attempts: 1, error: String(error) })
			.where(eq(mailMessage.id, row.id));
	}
	return row;
}
