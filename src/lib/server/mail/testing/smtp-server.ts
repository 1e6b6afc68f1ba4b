import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	raw: string;
}

function unfoldHeaders(head: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const i = line.indexOf(':');
		if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
	}
	return headers;
}

function decodeQuotedPrintable(body: string): string {
	const bytes: number[] = [];
	const text = body.replace(/=\r?\n/g, '');
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
			bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(text[i]!, 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/** Decodes an RFC 2047 encoded-word header such as the subject. */
function decodeHeader(value: string): string {
	return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
		enc.toUpperCase() === 'B'
			? Buffer.from(data, 'base64').toString('utf8')
			: decodeQuotedPrintable(data.replace(/_/g, ' '))
	);
}

/** Reads the plain text of a single-part message as nodemailer writes it. */
function parse(raw: string): { subject: string; text: string } {
	const split = raw.indexOf('\r\n\r\n');
	const headers = unfoldHeaders(raw.slice(0, split));
	const body = raw.slice(split + 4);
	const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
	const text =
		encoding === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding === 'base64'
				? Buffer.from(body, 'base64').toString('utf8')
				: body;
	return { subject: decodeHeader(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

/**
 * A real SMTP server on a random local port that keeps what it receives. With
 * `reject`, every recipient is refused (to test a failing delivery).
 */
export async function startSmtpServer(options: { reject?: boolean } = {}) {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(_address, _session, callback) {
			callback(
				options.reject ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : null
			);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw,
					...parse(raw)
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
