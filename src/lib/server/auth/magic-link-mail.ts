import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { user } from './auth.table.ts';
import { sendMail } from '../mail/mail.service.ts';
import { log } from '../http/log.ts';
import { m } from '../../paraglide/messages.js';

export const magicLinkMinutes = 15;

/**
 * better-auth's `sendMagicLink`: mails the link to a known, active person and to no
 * one else. The caller answers the same either way, and delivery is not awaited, so
 * neither the answer nor its timing tells whether an address has an account.
 */
export function magicLinkSender(db: Database, smtpUrl: string | undefined) {
	return async ({ email, url }: { email: string; url: string }) => {
		const [person] = await db
			.select({ locale: user.locale })
			.from(user)
			.where(and(eq(user.email, email.trim().toLowerCase()), isNull(user.archivedAt)));
		if (!person) return;
		const locale = person.locale === 'en' ? 'en' : 'nl';
		const mail = {
			to: email,
			subject: m.auth_magic_link_subject({}, { locale }),
			text: m.auth_magic_link_text({ url, minutes: magicLinkMinutes }, { locale }),
			sensitive: true
		};
		void sendMail(db, mail, smtpUrl).catch((error: unknown) =>
			log('error', 'magic link mail not recorded', { error: String(error) })
		);
	};
}
