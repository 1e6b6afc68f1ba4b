import { createHash } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';
import { evaluation, evidence, evidenceRevision } from './evaluation.table.ts';
import {
	addEvidence,
	addEvidenceRevision,
	checkFile,
	downloadHeaders,
	getEvidenceContent,
	listEvidence,
	MAX_EVIDENCE_BYTES
} from './evidence.service.ts';
import { today } from '../../domain/dates.ts';

const { db, world } = useWorld();

const build = (status: 'execution' | 'reporting' | 'planned' = 'execution') =>
	buildEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id, status });

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const pdf = bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const exe = bytes(
	'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode.'
);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

function spreadsheet(bookType: 'xlsx' | 'ods'): Uint8Array {
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(
		book,
		XLSX.utils.aoa_to_sheet([
			['standaard', 'score'],
			['visie', 3]
		]),
		'Blad1'
	);
	return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType }));
}

const fileInput = (name: string, content: Uint8Array, extra: Record<string, unknown> = {}) => ({
	kind: 'file' as const,
	title: 'Jaarverslag team',
	evidenceDate: '2026-06-30',
	note: 'Vastgesteld in het teamoverleg.',
	file: { name, bytes: content },
	...extra
});

describe('checkFile', () => {
	it('accepts each allowed type by extension and content', () => {
		for (const [name, content] of [
			['verslag.pdf', pdf],
			['foto.PNG', png],
			['foto.jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
			['cijfers.xlsx', spreadsheet('xlsx')],
			['cijfers.ods', spreadsheet('ods')],
			['notities.txt', bytes('Gesprek met studenten\r\nsterk: stage\n')],
			['lijst.csv', new Uint8Array(Buffer.from('naam;score\nJoëlle;4\n', 'utf8'))]
		] as const) {
			expect(checkFile({ name, bytes: content }), name).toMatchObject({ ok: true });
		}
		expect(checkFile({ name: 'C:\\Users\\x\\verslag.pdf', bytes: pdf })).toMatchObject({
			ok: true,
			fileName: 'verslag.pdf',
			mediaType: 'application/pdf'
		});
	});

	it('refuses a renamed program, a spreadsheet posing as a document, and unlisted extensions', () => {
		expect(checkFile({ name: 'verslag.pdf', bytes: exe })).toEqual({
			ok: false,
			error: {
				field: 'file',
				message:
					'De inhoud van het bestand past niet bij de extensie .pdf; het bestand is mogelijk beschadigd of van een ander type.'
			}
		});
		expect(checkFile({ name: 'notities.txt', bytes: exe })).toMatchObject({ ok: false });
		expect(checkFile({ name: 'verslag.docx', bytes: spreadsheet('xlsx') })).toMatchObject({ ok: false });
		expect(checkFile({ name: 'verslag.odt', bytes: spreadsheet('xlsx') })).toMatchObject({ ok: false });
		expect(checkFile({ name: 'setup.exe', bytes: exe })).toMatchObject({
			ok: false,
			error: { message: expect.stringMatching(/^Bestanden van het type \.exe worden niet aangenomen/) }
		});
		expect(checkFile({ name: 'pagina.html', bytes: bytes('<script>alert(1)</script>') })).toMatchObject({
			ok: false
		});
		expect(checkFile({ name: 'leeg.pdf', bytes: new Uint8Array() })).toMatchObject({
			ok: false,
			error: { message: 'Het bestand is leeg.' }
		});
	});
});

describe('addEvidence', () => {
	it('stores a file with its sha256, media type from the extension, and revision 1; lists it without the content', async () => {
		const e = await build();
		const item = await addEvidence(db(), world.people.memberA1.actor, e.id, {
			...fileInput('Jaarverslag 2026.pdf', pdf),
			standardKey: 'team-visie'
		});
		const [revision] = await db()
			.select()
			.from(evidenceRevision)
			.where(eq(evidenceRevision.evidenceId, item.id));
		expect(revision).toMatchObject({
			revision: 1,
			evidenceDate: '2026-06-30',
			fileName: 'Jaarverslag 2026.pdf',
			mediaType: 'application/pdf',
			sizeBytes: pdf.byteLength,
			sha256: createHash('sha256').update(pdf).digest('hex')
		});
		expect(Buffer.compare(revision!.content!, Buffer.from(pdf))).toBe(0);
		const list = await listEvidence(db(), world.people.qoA.actor, e.id);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ title: 'Jaarverslag team', standardKey: 'team-visie', kind: 'file' });
		expect(list[0]!.revisions[0]).not.toHaveProperty('content');
		expect(list[0]!.revisions[0]!.createdByName).toBe('Lid Zorg A');
	});

	it('stores one piece of evidence when the same upload form is sent twice, also at the same moment', async () => {
		const row = await build();
		const member = world.people.memberA1.actor;
		const input = fileInput('verslag.pdf', pdf, { clientToken: 'upload-form-1' });
		const [first, second] = await Promise.all([
			addEvidence(db(), member, row.id, input),
			addEvidence(db(), member, row.id, input)
		]);
		expect(second.id).toBe(first.id);
		expect(await countRows(db(), evidence, eq(evidence.evaluationId, row.id))).toBe(1);
		expect(await countRows(db(), evidenceRevision, eq(evidenceRevision.evidenceId, first.id))).toBe(1);
		// A new form (a new token) is a new piece of evidence.
		await addEvidence(db(), member, row.id, { ...input, clientToken: 'upload-form-2' });
		expect(await countRows(db(), evidence, eq(evidence.evaluationId, row.id))).toBe(2);
	});

	it('refuses a renamed .exe, a file over the limit and an empty file choice, with a Dutch message on the file field', async () => {
		const e = await build();
		const me = world.people.memberA1.actor;
		const renamed = await failure(addEvidence(db(), me, e.id, fileInput('verslag.pdf', exe)));
		expect(renamed.status).toBe(422);
		expect(renamed.fieldErrors[0]!.field).toBe('file');
		const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
		big.set(pdf);
		expect((await failure(addEvidence(db(), me, e.id, fileInput('groot.pdf', big)))).fieldErrors).toEqual([
			{ field: 'file', message: 'Het bestand is groter dan 10 MB.' }
		]);
		expect(
			(await failure(addEvidence(db(), me, e.id, { ...fileInput('', new Uint8Array()), file: null })))
				.fieldErrors
		).toEqual([{ field: 'file', message: 'Kies een bestand.' }]);
		// Field and file problems come together, so the form can mark both at once.
		const both = await failure(
			addEvidence(db(), me, e.id, { ...fileInput('verslag.pdf', exe), title: '', evidenceDate: '2999-01-01' })
		);
		expect(both.fieldErrors.map((f) => f.field)).toEqual(['title', 'evidenceDate', 'file']);
		expect(await countRows(db(), evidence, eq(evidence.evaluationId, e.id))).toBe(0);
	});

	it('accepts http(s) links only', async () => {
		const e = await build();
		const me = world.people.memberA1.actor;
		const link = (url: string) => ({
			kind: 'link' as const,
			title: 'Teamplan op intranet',
			evidenceDate: '2026-05-01',
			url
		});
		for (const url of [
			'javascript:alert(document.cookie)',
			'data:text/html,<script>1</script>',
			'ftp://x.nl/a',
			'intranet/plan',
			''
		]) {
			const error = await failure(addEvidence(db(), me, e.id, link(url)));
			expect(error.status, url).toBe(422);
			expect(error.fieldErrors[0]!.field).toBe('url');
		}
		expect(await countRows(db(), evidence, eq(evidence.evaluationId, e.id))).toBe(0);
		const ok = await addEvidence(db(), me, e.id, link('https://intranet.roc-alfa.nl/teamplan?jaar=2026'));
		const [revision] = await db()
			.select()
			.from(evidenceRevision)
			.where(eq(evidenceRevision.evidenceId, ok.id));
		expect(revision).toMatchObject({ url: 'https://intranet.roc-alfa.nl/teamplan?jaar=2026', content: null });
	});

	it('requires a title and a date that is not in the future, and a standard in scope', async () => {
		const e = await build();
		const me = world.people.memberA1.actor;
		const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
		const error = await failure(
			addEvidence(db(), me, e.id, {
				...fileInput('a.pdf', pdf),
				title: '  ',
				evidenceDate: today(tomorrow)
			})
		);
		expect(error.fieldErrors).toEqual([
			{ field: 'title', message: 'Vul een titel in.' },
			{ field: 'evidenceDate', message: 'De datum mag niet in de toekomst liggen.' }
		]);
		expect(
			(await failure(addEvidence(db(), me, e.id, { ...fileInput('a.pdf', pdf), evidenceDate: '31-12-2025' })))
				.fieldErrors[0]!.field
		).toBe('evidenceDate');
		expect(
			(
				await failure(
					addEvidence(db(), me, e.id, { ...fileInput('a.pdf', pdf), standardKey: 'instelling-koers' })
				)
			).fieldErrors
		).toEqual([
			{ field: 'standardKey', message: "De standaard 'instelling-koers' hoort niet bij deze evaluatie." }
		]);
		// Today itself is fine.
		await addEvidence(db(), me, e.id, { ...fileInput('a.pdf', pdf), evidenceDate: today() });
	});

	it('is refused once finalised, and a 404 for another institution', async () => {
		const e = await build();
		const me = world.people.memberA1.actor;
		expect(
			(await failure(addEvidence(db(), world.people.qoB.actor, e.id, fileInput('a.pdf', pdf)))).status
		).toBe(404);
		expect(
			(await failure(addEvidence(db(), world.people.memberA2.actor, e.id, fileInput('a.pdf', pdf)))).status
		).toBe(404);
		const item = await addEvidence(db(), me, e.id, fileInput('a.pdf', pdf));
		await db()
			.update(evaluation)
			.set({ status: 'finalised', finalisedAt: new Date() })
			.where(eq(evaluation.id, e.id));
		expect((await failure(addEvidence(db(), me, e.id, fileInput('b.pdf', pdf)))).status).toBe(409);
		expect(
			(await failure(addEvidenceRevision(db(), me, e.id, item.id, { evidenceDate: '2026-07-01' }))).status
		).toBe(409);
		// Reading stays possible.
		expect((await getEvidenceContent(db(), me, e.id, item.id, 1)).content.byteLength).toBe(pdf.byteLength);
	});
});

describe('revisions and download', () => {
	it('adds revisions (new file, or a new date keeping the file) and serves each one to readers only', async () => {
		const e = await build();
		const me = world.people.memberA1.actor;
		const item = await addEvidence(db(), me, e.id, fileInput('plan.pdf', pdf));
		const v2 = bytes('%PDF-1.7\nversie 2\n%%EOF');
		await addEvidenceRevision(db(), me, e.id, item.id, {
			evidenceDate: '2026-07-01',
			note: 'Bijgewerkt',
			basedOnRevision: 1,
			file: { name: 'plan-v2.pdf', bytes: v2 }
		});
		await addEvidenceRevision(db(), me, e.id, item.id, { evidenceDate: '2026-07-02', basedOnRevision: 2 });
		// A form that still shows revision 2 is told someone added one meanwhile.
		const stale = await failure(
			addEvidenceRevision(db(), me, e.id, item.id, { evidenceDate: '2026-07-03', basedOnRevision: 2 })
		);
		expect(stale.status).toBe(409);
		expect(stale.message).toMatch(/intussen revisie 3/);

		const [listed] = await listEvidence(db(), me, e.id);
		expect(listed!.currentRevision).toBe(3);
		expect(listed!.revisions.map((r) => [r.revision, r.fileName, r.evidenceDate])).toEqual([
			[3, 'plan-v2.pdf', '2026-07-02'],
			[2, 'plan-v2.pdf', '2026-07-01'],
			[1, 'plan.pdf', '2026-06-30']
		]);
		const first = await getEvidenceContent(db(), world.people.execA.actor, e.id, item.id, 1);
		expect(Buffer.from(first.content).toString('latin1')).toBe(Buffer.from(pdf).toString('latin1'));
		const third = await getEvidenceContent(db(), me, e.id, item.id, '3');
		expect(Buffer.from(third.content).toString('latin1')).toContain('versie 2');
		const headers = downloadHeaders(third);
		expect(headers).toMatchObject({
			'content-type': 'application/pdf',
			'x-content-type-options': 'nosniff',
			'content-disposition': `attachment; filename="plan-v2.pdf"; filename*=UTF-8''plan-v2.pdf`
		});

		for (const who of [world.people.qoB.actor, world.people.memberB1.actor, world.people.memberA2.actor]) {
			expect((await failure(getEvidenceContent(db(), who, e.id, item.id, 1))).status).toBe(404);
			expect((await failure(listEvidence(db(), who, e.id))).status).toBe(404);
		}
		expect((await failure(getEvidenceContent(db(), me, e.id, item.id, 4))).status).toBe(404);
		expect((await failure(getEvidenceContent(db(), me, e.id, item.id, 'abc'))).status).toBe(404);
		// The evidence id under another evaluation's URL is not found either.
		const other = await build();
		expect((await failure(getEvidenceContent(db(), me, other.id, item.id, 1))).status).toBe(404);
	});

	it('gives a link no file, and names non-ASCII file names safely', async () => {
		const e = await build();
		const me = world.people.memberA1.actor;
		const link = await addEvidence(db(), me, e.id, {
			kind: 'link',
			title: 'Site',
			evidenceDate: '2026-01-01',
			url: 'https://example.nl'
		});
		expect((await failure(getEvidenceContent(db(), me, e.id, link.id, 1))).status).toBe(404);
		const headers = downloadHeaders({
			fileName: 'Överzicht "team".pdf',
			mediaType: 'application/pdf',
			content: pdf
		});
		expect(headers['content-disposition']).toBe(
			`attachment; filename="_verzicht _team_.pdf"; filename*=UTF-8''%C3%96verzicht%20%22team%22.pdf`
		);
	});
});
