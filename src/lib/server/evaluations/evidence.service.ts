import { createHash, randomUUID } from 'node:crypto';
import { today } from '../../domain/dates.ts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import '../../domain/zod-nl.ts';
import type { Database, Tx } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { user } from '../auth/auth.table.ts';
import { AppError, conflict, fieldErrorsOf, invalid, notFound, type FieldError } from '../http/errors.ts';
import { requireId } from '../http/input.ts';
import { can, type Actor } from '../policy/policy.ts';
import {
	assertNotFinalised,
	evaluationScope,
	requireEvaluation,
	type EvaluationRow
} from './evaluation.access.ts';
import { evaluationPolicy } from './evaluation.policy.ts';
import { scopeModel } from './rating.service.ts';
import { evaluation, evidence, evidenceRevision } from './evaluation.table.ts';

/** Largest file accepted as evidence. The server's BODY_SIZE_LIMIT (server.js) must stay above it. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_TITLE = 200;
export const MAX_EVIDENCE_NOTE = 2000;

/**
 * The file types accepted as evidence, by extension, with the media type they are served
 * as and how their first bytes look. The extension alone proves nothing: a program renamed
 * to .pdf is refused because it does not start like a PDF.
 */
const fileTypes = {
	pdf: { mediaType: 'application/pdf', sniff: (b: Uint8Array) => startsWith(b, '%PDF-') },
	docx: {
		mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		sniff: (b: Uint8Array) => isOoxml(b, 'word/')
	},
	xlsx: {
		mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		sniff: (b: Uint8Array) => isOoxml(b, 'xl/')
	},
	pptx: {
		mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		sniff: (b: Uint8Array) => isOoxml(b, 'ppt/')
	},
	odt: {
		mediaType: 'application/vnd.oasis.opendocument.text',
		sniff: (b: Uint8Array) => isOdf(b, 'application/vnd.oasis.opendocument.text')
	},
	ods: {
		mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
		sniff: (b: Uint8Array) => isOdf(b, 'application/vnd.oasis.opendocument.spreadsheet')
	},
	png: {
		mediaType: 'image/png',
		sniff: (b: Uint8Array) => startsWithBytes(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
	},
	jpg: { mediaType: 'image/jpeg', sniff: (b: Uint8Array) => startsWithBytes(b, [0xff, 0xd8, 0xff]) },
	jpeg: { mediaType: 'image/jpeg', sniff: (b: Uint8Array) => startsWithBytes(b, [0xff, 0xd8, 0xff]) },
	txt: { mediaType: 'text/plain; charset=utf-8', sniff: (b: Uint8Array) => isPlainText(b) },
	csv: { mediaType: 'text/csv; charset=utf-8', sniff: (b: Uint8Array) => isPlainText(b) }
} satisfies Record<string, { mediaType: string; sniff: (bytes: Uint8Array) => boolean }>;

type Extension = keyof typeof fileTypes;
export const allowedExtensions = Object.keys(fileTypes) as Extension[];
const allowedList = 'PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG, TXT of CSV';

const latin1 = (b: Uint8Array, start: number, end: number) =>
	Buffer.from(b.subarray(start, end)).toString('latin1');
const startsWith = (b: Uint8Array, prefix: string) => latin1(b, 0, prefix.length) === prefix;
const startsWithBytes = (b: Uint8Array, prefix: number[]) => prefix.every((byte, i) => b[i] === byte);
const isZip = (b: Uint8Array) => startsWithBytes(b, [0x50, 0x4b, 0x03, 0x04]);
// Office Open XML: a zip whose entry names (stored uncompressed in the headers) include the content-types part and the program's folder.
function isOoxml(b: Uint8Array, folder: string): boolean {
	if (!isZip(b)) return false;
	const names = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
	return names.includes('[Content_Types].xml') && names.includes(folder);
}
// OpenDocument: a zip with a `mimetype` entry and a manifest. Conforming writers put the
// media type first and uncompressed; when it is readable it must be the right one (some
// writers, SheetJS among them, compress it, so its absence is not held against the file).
function isOdf(b: Uint8Array, mediaType: string): boolean {
	if (!isZip(b)) return false;
	const all = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
	if (!all.includes('mimetype') || !all.includes('META-INF/manifest.xml')) return false;
	const first = latin1(b, 30, 38) === 'mimetype' ? latin1(b, 38, 38 + 60) : '';
	return first.startsWith('application/') ? first.startsWith(mediaType) : true;
}
// Text has no signature; a program or binary file is recognised by its control bytes (a NUL at least).
function isPlainText(b: Uint8Array): boolean {
	for (const byte of b) {
		if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
	}
	return true;
}

export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

/** Checks an uploaded file's name, size and content; returns what to store, or field errors for `field`. */
export function checkFile(
	file: UploadedFile,
	field = 'file'
): { ok: true; fileName: string; mediaType: string; sha256: string } | { ok: false; error: FieldError } {
	const fileName = cleanFileName(file.name);
	const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
	const fail = (message: string) => ({ ok: false as const, error: { field, message } });
	if (!fileName) return fail('Kies een bestand.');
	if (!(extension in fileTypes)) {
		return fail(
			`Bestanden van het type .${extension || '(geen extensie)'} worden niet aangenomen; kies ${allowedList}.`
		);
	}
	if (file.bytes.byteLength === 0) return fail('Het bestand is leeg.');
	if (file.bytes.byteLength > MAX_EVIDENCE_BYTES) {
		return fail(`Het bestand is groter dan ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
	}
	const type = fileTypes[extension as Extension];
	if (!type.sniff(file.bytes)) {
		return fail(
			`De inhoud van het bestand past niet bij de extensie .${extension}; het bestand is mogelijk beschadigd of van een ander type.`
		);
	}
	return {
		ok: true,
		fileName,
		mediaType: type.mediaType,
		sha256: createHash('sha256').update(file.bytes).digest('hex')
	};
}

/** The last path segment, without control characters, at most 200 characters (keeping the extension). */
export function cleanFileName(name: string): string {
	const base = (name.split(/[\\/]/).pop() ?? '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"]/g, '')
		.trim();
	if (base.length <= 200) return base;
	const dot = base.lastIndexOf('.');
	const extension = dot > 0 ? base.slice(dot) : '';
	return base.slice(0, 200 - extension.length) + extension;
}

const evidenceDateSchema = z
	.string({ error: 'Vul de datum in waarop het bewijs is gemaakt of vastgesteld.' })
	.trim()
	.min(1, 'Vul de datum in waarop het bewijs is gemaakt of vastgesteld.')
	.pipe(z.iso.date({ error: 'Vul een geldige datum in (jjjj-mm-dd).' }))
	.refine((d) => d >= '1990-01-01', 'De datum ligt te ver in het verleden.')
	.refine((d) => d <= today(), 'De datum mag niet in de toekomst liggen.');

const urlSchema = z
	.string({ error: 'Vul de link in.' })
	.trim()
	.min(1, 'Vul de link in.')
	.max(2000, 'De link mag hoogstens 2000 tekens hebben.')
	.pipe(
		z.url({
			protocol: /^https?$/,
			error: 'Vul een volledige link in die begint met http:// of https://.'
		})
	);

const noteSchema = z
	.string()
	.trim()
	.max(MAX_EVIDENCE_NOTE, `De toelichting mag hoogstens ${MAX_EVIDENCE_NOTE} tekens hebben.`)
	.default('');

const optionalText = z
	.string()
	.trim()
	.transform((v) => v || null)
	.nullable()
	.optional();

export const addEvidenceSchema = z.object({
	kind: z.enum(['file', 'link'], { error: 'Kies een bestand of een link.' }),
	title: z
		.string({ error: 'Vul een titel in.' })
		.trim()
		.min(1, 'Vul een titel in.')
		.max(MAX_EVIDENCE_TITLE, `De titel mag hoogstens ${MAX_EVIDENCE_TITLE} tekens hebben.`),
	standardKey: optionalText,
	evidenceDate: evidenceDateSchema,
	note: noteSchema,
	url: optionalText,
	// The form's one-time token: the same token twice is one upload (double click, resend).
	clientToken: optionalText
});
type Loose = Record<string, unknown> & { file?: UploadedFile | null };
export type AddEvidenceInput = (z.input<typeof addEvidenceSchema> & { file?: UploadedFile | null }) | Loose;

export const addRevisionSchema = z.object({
	evidenceDate: evidenceDateSchema,
	note: noteSchema,
	url: optionalText,
	basedOnRevision: z.coerce
		.number()
		.int()
		.min(1)
		.optional()
		.describe('De revisie waarvan het formulier uitging; bij een andere huidige revisie volgt 409.')
});
export type AddRevisionInput = (z.input<typeof addRevisionSchema> & { file?: UploadedFile | null }) | Loose;

type Content = { url: string } | { file: UploadedFile; fileName: string; mediaType: string; sha256: string };

/**
 * The link or file of a revision, checked: the content, null when an optional file is
 * absent (a revision keeping the previous file), or the field error.
 */
function revisionContent(
	kind: 'file' | 'link',
	url: unknown,
	file: UploadedFile | null | undefined,
	fileRequired: boolean
): { ok: true; content: Content | null } | { ok: false; error: FieldError } {
	if (kind === 'link') {
		const parsed = urlSchema.safeParse(typeof url === 'string' ? url : '');
		if (!parsed.success)
			return { ok: false, error: { field: 'url', message: parsed.error.issues[0]!.message } };
		return { ok: true, content: { url: parsed.data } };
	}
	if (!file || (file.bytes.byteLength === 0 && !file.name)) {
		if (fileRequired) return { ok: false, error: { field: 'file', message: 'Kies een bestand.' } };
		return { ok: true, content: null };
	}
	const checked = checkFile(file);
	if (!checked.ok) return checked;
	const { ok: _ok, ...stored } = checked;
	return { ok: true, content: { file, ...stored } };
}

/** Parses the fields and checks the file or link together, so a form shows every problem at once. */
function parseWithContent<S extends z.ZodType>(
	schema: S,
	fields: Record<string, unknown>,
	content: (data: Partial<z.output<S>>) => ReturnType<typeof revisionContent>,
	extra: (data: z.output<S>) => FieldError[] = () => []
): { data: z.output<S>; content: Content | null } {
	const parsed = schema.safeParse(fields);
	const checked = content((parsed.success ? parsed.data : fields) as Partial<z.output<S>>);
	const errors = [
		...(parsed.success ? extra(parsed.data) : fieldErrorsOf(parsed.error)),
		...(checked.ok ? [] : [checked.error])
	];
	if (errors.length || !parsed.success || !checked.ok) throw invalid(errors);
	return { data: parsed.data, content: checked.content };
}

/** Takes a share lock so that finalising waits for this write, and refuses a finalised evaluation. */
async function lockOpen(tx: Tx, row: EvaluationRow): Promise<void> {
	const [locked] = await tx.select().from(evaluation).where(eq(evaluation.id, row.id)).for('share');
	assertNotFinalised(locked!);
}

/**
 * Adds a piece of evidence (a file or an http(s) link) with its date and revision 1.
 * Allowed while the evaluation is not finalised. Throws 404/403, 409 once finalised, 422 per field
 * (unknown standard, date in the future, wrong file type or content, too large, other link schemes).
 */
export async function addEvidence(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	input: AddEvidenceInput
) {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.add_evidence');
	assertNotFinalised(row);
	const { file, ...fields } = input;
	const { data, content } = parseWithContent(
		addEvidenceSchema,
		fields,
		(d) => revisionContent(d.kind === 'link' ? 'link' : 'file', d.url, file, true),
		(d) =>
			d.standardKey && !row.scopeStandardKeys.includes(d.standardKey)
				? [
						{
							field: 'standardKey',
							message: `De standaard '${d.standardKey}' hoort niet bij deze evaluatie.`
						}
					]
				: []
	);
	return db.transaction(async (tx) => {
		await lockOpen(tx, row);
		// A repeated form token is the same upload: return what the first one stored.
		const earlier = async () =>
			data.clientToken
				? (
						await tx
							.select()
							.from(evidence)
							.where(
								and(
									eq(evidence.evaluationId, row.id),
									eq(evidence.createdBy, actor!.userId),
									eq(evidence.clientToken, data.clientToken)
								)
							)
					)[0]
				: undefined;
		const before = await earlier();
		if (before) return before;
		const [item] = await tx
			.insert(evidence)
			.values({
				evaluationId: row.id,
				kind: data.kind,
				title: data.title,
				standardKey: data.standardKey ?? null,
				createdBy: actor!.userId,
				clientToken: data.clientToken ?? null
			})
			// The status lock is shared, so two submits can get here together: one inserts.
			.onConflictDoNothing()
			.returning();
		if (!item) return (await earlier())!;
		await insertRevision(tx, actor!, item!.id, 1, data.evidenceDate, data.note, content!);
		await recordAudit(tx, actor, {
			action: 'evaluation.evidence_added',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { evidenceId: item!.id, kind: data.kind, title: data.title }
		});
		return item!;
	});
}

async function insertRevision(
	tx: Tx,
	actor: Actor,
	evidenceId: string,
	revision: number,
	evidenceDate: string,
	note: string,
	content: Content
) {
	await tx.insert(evidenceRevision).values({
		evidenceId,
		revision,
		evidenceDate,
		note,
		createdBy: actor.userId,
		...('url' in content
			? { url: content.url }
			: {
					fileName: content.fileName,
					mediaType: content.mediaType,
					sizeBytes: content.file.bytes.byteLength,
					sha256: content.sha256,
					content: Buffer.from(content.file.bytes)
				})
	});
}

/**
 * A new revision of a piece of evidence: a newer file or link, or only a newer date (the
 * file is then carried over). Throws 404 for evidence of another evaluation, 409 when the
 * form started from an older revision or the evaluation is finalised, 422 per field.
 */
export async function addEvidenceRevision(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	evidenceId: string,
	input: AddRevisionInput
) {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.add_evidence');
	assertNotFinalised(row);
	requireId(evidenceId, 'Het bewijsstuk');
	const { file, ...fields } = input;
	const [current] = await db
		.select({ kind: evidence.kind })
		.from(evidence)
		.where(and(eq(evidence.id, evidenceId), eq(evidence.evaluationId, row.id)));
	if (!current) throw notFound('Het bewijsstuk');
	const { data, content } = parseWithContent(addRevisionSchema, fields, (d) =>
		revisionContent(current.kind, d.url, file, false)
	);
	return db.transaction(async (tx) => {
		await lockOpen(tx, row);
		const [item] = await tx
			.select()
			.from(evidence)
			.where(and(eq(evidence.id, evidenceId), eq(evidence.evaluationId, row.id)))
			.for('update');
		if (!item) throw notFound('Het bewijsstuk');
		if (data.basedOnRevision !== undefined && data.basedOnRevision !== item.currentRevision) {
			throw conflict(
				`Van '${item.title}' is intussen revisie ${item.currentRevision} toegevoegd (u ging uit van revisie ${data.basedOnRevision}). Bekijk die eerst en voeg daarna zo nodig een nieuwe revisie toe.`
			);
		}
		const next = item.currentRevision + 1;
		if (content) {
			await insertRevision(tx, actor!, item.id, next, data.evidenceDate, data.note, content);
		} else {
			// Only the date or note changed: the file is copied inside the database, never through the app.
			await tx.execute(sql`
				insert into ${evidenceRevision} (evidence_id, revision, evidence_date, note, created_by, file_name, media_type, size_bytes, sha256, content)
				select evidence_id, ${next}, ${data.evidenceDate}, ${data.note}, ${actor!.userId}, file_name, media_type, size_bytes, sha256, content
				from ${evidenceRevision} where evidence_id = ${item.id} and revision = ${item.currentRevision}`);
		}
		await tx.update(evidence).set({ currentRevision: next }).where(eq(evidence.id, item.id));
		await recordAudit(tx, actor, {
			action: 'evaluation.evidence_revised',
			entityType: 'evaluation',
			entityId: row.id,
			institutionId: row.institutionId,
			details: { evidenceId: item.id, revision: next }
		});
		return { ...item, currentRevision: next };
	});
}

const revisionColumns = {
	evidenceId: evidenceRevision.evidenceId,
	revision: evidenceRevision.revision,
	evidenceDate: evidenceRevision.evidenceDate,
	url: evidenceRevision.url,
	fileName: evidenceRevision.fileName,
	mediaType: evidenceRevision.mediaType,
	sizeBytes: evidenceRevision.sizeBytes,
	sha256: evidenceRevision.sha256,
	note: evidenceRevision.note,
	createdAt: evidenceRevision.createdAt,
	createdByName: user.name
};

/** The evaluation's evidence, each with its revisions newest first (without file contents). */
export async function listEvidence(db: Database, actor: Actor | null, evaluationId: string) {
	return evidenceOf(db, await requireEvaluation(db, actor, evaluationId));
}

/** What the evidence page shows: the evaluation, the standards in scope (for the form), the evidence. */
export async function evidencePage(db: Database, actor: Actor | null, evaluationId: string) {
	const row = await requireEvaluation(db, actor, evaluationId);
	const [model, items] = await Promise.all([scopeModel(db, row), evidenceOf(db, row)]);
	return {
		evaluation: { id: row.id, title: row.title, status: row.status },
		mayAdd:
			row.status !== 'finalised' &&
			can(actor, evaluationPolicy, 'evaluation.add_evidence', evaluationScope(row)),
		standards: model.standards.map((s) => ({ key: s.key, title: s.title })),
		items,
		// One token per rendered upload form: submitting it twice stores one piece of evidence.
		clientToken: randomUUID()
	};
}

async function evidenceOf(db: Database, row: EvaluationRow) {
	const [items, revisions] = await Promise.all([
		db
			.select()
			.from(evidence)
			.where(eq(evidence.evaluationId, row.id))
			.orderBy(asc(evidence.createdAt), asc(evidence.id)),
		db
			.select(revisionColumns)
			.from(evidenceRevision)
			.innerJoin(evidence, eq(evidence.id, evidenceRevision.evidenceId))
			.leftJoin(user, eq(user.id, evidenceRevision.createdBy))
			.where(eq(evidence.evaluationId, row.id))
			.orderBy(desc(evidenceRevision.revision))
	]);
	return items.map((item) => ({
		...item,
		revisions: revisions.filter((r) => r.evidenceId === item.id)
	}));
}

/** The stored file of one revision, for download. Throws 404 for links, unknown revisions and other evaluations. */
export async function getEvidenceContent(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	evidenceId: string,
	revision: number | string
) {
	const row = await requireEvaluation(db, actor, evaluationId);
	requireId(evidenceId, 'Het bewijsstuk');
	const n = Number(revision);
	if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw notFound('Deze revisie');
	const [found] = await db
		.select({
			fileName: evidenceRevision.fileName,
			mediaType: evidenceRevision.mediaType,
			sha256: evidenceRevision.sha256,
			content: evidenceRevision.content
		})
		.from(evidenceRevision)
		.innerJoin(evidence, eq(evidence.id, evidenceRevision.evidenceId))
		.where(
			and(eq(evidence.id, evidenceId), eq(evidence.evaluationId, row.id), eq(evidenceRevision.revision, n))
		);
	if (!found?.content) throw notFound('Dit bestand');
	return {
		fileName: found.fileName ?? 'bewijs',
		mediaType: found.mediaType ?? 'application/octet-stream',
		sha256: found.sha256,
		content: found.content
	};
}

/** A file name for `filename*=`: percent-encoded, including the characters RFC 5987 does not allow bare. */
function rfc5987(name: string): string {
	return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Headers for a download that the browser saves instead of showing (never sniffing the type). */
export function downloadHeaders(file: { fileName: string; mediaType: string; content: Uint8Array }) {
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
	return {
		'content-type': file.mediaType,
		'content-length': String(file.content.byteLength),
		'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'cache-control': 'private, no-store'
	};
}

/** A 413 for the API when a body is over the evidence limit before it is read. */
export const tooLarge = () =>
	new AppError(413, 'too_large', `Het bestand is groter dan ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
