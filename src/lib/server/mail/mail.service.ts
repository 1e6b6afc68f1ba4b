import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db/database.ts';
import { mailMessage } from './mail.table.ts';
import { config } from '../config.ts';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/**
	 * The text holds a secret (a sign-in link). Once SMTP has delivered it, the stored
	 * copy is replaced by a note, so readers of the outbox cannot use someone's link.
	 * Without SMTP the outbox is the mailbox, and the text stays readable there.
	 */
	sensitive?: boolean;
}

/** What the outbox keeps of a sensitive message after delivery. */
export const redactedText =
	'[Inhoud verwijderd na verzending: dit bericht bevatte een persoonlijke inloglink.]';

// One transport (with its connection pool) per SMTP URL.
const transports = new Map<string, Transporter>();
function smtp(url: string): Transporter {
	let transport = transports.get(url);
	if (!transport) {
		transport = nodemailer.createTransport(url);
		transports.set(url, transport);
	}
	return transport;
}

/**
 * Records the message, then delivers it over SMTP when SMTP_URL is set; without it the
 * message stays in the outbox that network admins can read.
 */
export async function sendMail(db: Database, mail: OutgoingMail, smtpUrl = config.smtpUrl) {
	const { sensitive, ...message } = mail;
	const [row] = await db
		.insert(mailMessage)
		.values({ ...message, status: smtpUrl ? 'queued' : 'outbox' })
		.returning({ id: mailMessage.id });
	if (!smtpUrl || !row) return row;
	try {
		await smtp(smtpUrl).sendMail({ from: config.mailFrom, ...message });
		await db
			.update(mailMessage)
			.set({
				status: 'sent',
				sentAt: new Date(),
				attempts: 1,
				...(sensitive ? { text: redactedText, html: null } : {})
			})
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
