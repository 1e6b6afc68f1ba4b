import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../testing/database.ts';
import { buildPerson } from '../testing/factories.ts';
import type { Connection } from '../db/connect.ts';
import { user } from './auth.table.ts';
import { mailMessage } from '../mail/mail.table.ts';
import { redactedText } from '../mail/mail.service.ts';
import { startSmtpServer } from '../mail/testing/smtp-server.ts';
import { startAuthServer, type AuthServer } from './testing/auth-server.ts';
import { TestBrowser } from './testing/browser.ts';
import { firstUrl, outboxMessage, waitFor } from './testing/wait.ts';

let conn: Connection;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let viaSmtp: AuthServer;
let viaOutbox: AuthServer;

beforeAll(async () => {
	conn = await createTestDatabase();
	smtp = await startSmtpServer();
	viaSmtp = await startAuthServer(conn.db, { mail: { smtpUrl: smtp.url } });
	viaOutbox = await startAuthServer(conn.db, { mail: { smtpUrl: undefined } });
});
afterAll(async () => {
	await viaSmtp.close();
	await viaOutbox.close();
	await smtp.close();
	await conn.close();
});

async function requestLink(
	server: AuthServer,
	browser: TestBrowser,
	email: string,
	callbackURL = '/account'
) {
	// As the sign-in page sends it: errors of the link land on the sign-in page.
	const json = { email, callbackURL, errorCallbackURL: '/inloggen' };
	const response = await browser.request(server.api('/sign-in/magic-link'), { json });
	return { status: response.status, body: await response.text() };
}

async function sessionEmail(server: AuthServer, browser: TestBrowser) {
	const body = (await (await browser.request(server.api('/get-session'))).json()) as {
		user?: { email: string };
	} | null;
	return body?.user?.email ?? null;
}

const delivered = (email: string) => waitFor(async () => smtp.received.find((m) => m.to.includes(email)));

describe('magic link over SMTP', () => {
	it('mails a link that signs in exactly once', async () => {
		const person = await buildPerson(conn.db);
		const browser = new TestBrowser();
		expect((await requestLink(viaSmtp, browser, person.email)).status).toBe(200);

		const mail = await delivered(person.email);
		expect(mail.subject).toBe('Inloggen bij Kwaliteitsspiegel');
		expect(mail.text).toContain('15 minuten geldig');
		const link = firstUrl(mail.text);
		expect(link.startsWith(`${viaSmtp.baseURL}/api/auth/magic-link/verify?token=`)).toBe(true);

		const first = await browser.request(link);
		expect(first.status).toBe(302);
		expect(first.headers.get('location')).toBe(`${viaSmtp.baseURL}/account`);
		expect(await sessionEmail(viaSmtp, browser)).toBe(person.email);

		const other = new TestBrowser();
		const second = await other.request(link);
		expect(second.status).toBe(302);
		const refused = new URL(second.headers.get('location')!);
		expect(refused.pathname).toBe('/inloggen');
		expect(refused.searchParams.get('error')).toBe('INVALID_TOKEN');
		expect(await sessionEmail(viaSmtp, other)).toBeNull();
	});

	it('answers an unknown address exactly like a known one, and mails nothing', async () => {
		const person = await buildPerson(conn.db);
		const known = await requestLink(viaSmtp, new TestBrowser(), person.email);
		const unknown = await requestLink(viaSmtp, new TestBrowser(), 'nobody-here@example.test');
		expect(unknown).toEqual(known);
		await delivered(person.email);
		await new Promise((r) => setTimeout(r, 200));
		expect(smtp.received.some((m) => m.to.includes('nobody-here@example.test'))).toBe(false);
		expect(
			await conn.db.select().from(mailMessage).where(eq(mailMessage.to, 'nobody-here@example.test'))
		).toHaveLength(0);
	});

	it('does not keep the link readable in the outbox once SMTP has delivered it', async () => {
		const person = await buildPerson(conn.db);
		await requestLink(viaSmtp, new TestBrowser(), person.email);
		await delivered(person.email);
		const row = await waitFor(async () => {
			const r = await outboxMessage(conn.db, person.email);
			return r.status === 'sent' ? r : null;
		});
		expect(row.text).toBe(redactedText);
	});

	it('sends nothing to an archived person', async () => {
		const person = await buildPerson(conn.db);
		await conn.db.update(user).set({ archivedAt: new Date() }).where(eq(user.id, person.id));
		expect((await requestLink(viaSmtp, new TestBrowser(), person.email)).status).toBe(200);
		await new Promise((r) => setTimeout(r, 200));
		expect(smtp.received.some((m) => m.to.includes(person.email))).toBe(false);
	});

	it('refuses to send the person on to another site', async () => {
		const person = await buildPerson(conn.db);
		const { status } = await requestLink(viaSmtp, new TestBrowser(), person.email, 'https://evil.example/');
		expect(status).toBe(403);
		await new Promise((r) => setTimeout(r, 200));
		expect(smtp.received.some((m) => m.to.includes(person.email))).toBe(false);
	});

	it('allows three requests a minute per IP address', async () => {
		const person = await buildPerson(conn.db);
		const browser = new TestBrowser();
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await requestLink(viaSmtp, browser, person.email)).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
	});
});

describe('magic link without SMTP', () => {
	it('puts the message in the outbox, where the link works', async () => {
		const person = await buildPerson(conn.db);
		const browser = new TestBrowser();
		await requestLink(viaOutbox, browser, person.email, '/');
		const row = await outboxMessage(conn.db, person.email);
		expect(row.status).toBe('outbox');
		const response = await browser.request(firstUrl(row.text));
		expect(response.status).toBe(302);
		expect(await sessionEmail(viaOutbox, browser)).toBe(person.email);
	});
});
