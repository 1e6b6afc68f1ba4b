import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { useWorld, failure } from '../organisation/test-world.ts';
import { network } from '../organisation/organisation.table.ts';
import { pdfPool } from './pdf-pool.ts';
import { buildReportEvaluation, pdfInfo, pdfText, trickyText } from './report-fixtures.ts';
import { loadReportData } from './report-data.ts';
import { reportPdf, renderReportPdf } from './report.service.ts';

const { db, world } = useWorld();
afterAll(() => pdfPool().close());

/** Every stream of the PDF inflated where possible, to look for structure keys. */
function pdfSource(pdf: Uint8Array): string {
	const raw = Buffer.from(pdf).toString('latin1');
	let out = raw;
	for (const match of raw.matchAll(/stream\r?\n/g)) {
		const start = match.index! + match[0].length;
		const end = raw.indexOf('endstream', start);
		try {
			out += inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
		} catch {
			// not a deflated stream
		}
	}
	return out;
}

describe('the self-evaluation report', () => {
	it('is a tagged PDF/UA document in Dutch with the title, values, findings and a CONCEPT mark', async () => {
		const ev = await buildReportEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			ownerId: world.people.leadA1.id
		});
		const { filename, pdf } = await reportPdf(db(), world.people.leadA1.actor, ev.id);
		expect(filename).toMatch(/^zelfevaluatie-zorg-2026-\d{4}-\d{2}-\d{2}\.pdf$/);
		const text = await pdfText(pdf);
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('Zelfevaluatie Zorg 2026');
		expect(flat).toContain('CONCEPT');
		expect(flat).toContain('Eigenaarschap');
		expect(flat).toContain('Horizontale en verticale dialoog');
		expect(flat).toContain('Het team voelt zich eigenaar van het curriculum.');
		expect(flat).toContain('Werkveld eerder betrekken');
		expect(flat).toContain('Leider Zorg A');
		expect(flat).toContain('voorbeeldinhoud');
		// Charts come with their data tables (the chart's caption and a mean from its table).
		expect(flat).toContain('Positie per referentiewaarde');
		expect(flat).toContain('Gemiddelde positie per perspectief — Eigenaarschap');
		expect(flat).toMatch(/Gedeelde visie op goed onderwijs \d,\d/);
		// Typst markup in user text prints literally.
		expect(flat).toContain(trickyText);
		// Work field (2) and board (1) are below the threshold of 5: merged, never named.
		expect(flat).toContain('overige perspectieven');
		expect(flat).not.toMatch(/werkveld\s+2/);

		const info = await pdfInfo(pdf);
		expect(info.Title).toBe('Zelfevaluatie Zorg 2026');
		expect(info.Tagged).toBe('yes');
		const source = pdfSource(pdf);
		expect(source).toContain('/StructTreeRoot');
		expect(source).toMatch(/\/Lang\s*\(nl\)/);
		expect(source).toContain('pdfuaid:part>1<');
	});

	it('has no CONCEPT mark once finalised, and speaks English when asked', async () => {
		const ev = await buildReportEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			finalise: true,
			title: 'Afgeronde evaluatie'
		});
		const nl = (await pdfText(await renderReportPdf(db(), world.people.qoA.actor, ev.id))).replace(
			/\s+/g,
			' '
		);
		expect(nl).not.toContain('CONCEPT');
		expect(nl).toContain('vastgesteld');
		const en = await renderReportPdf(db(), world.people.qoA.actor, ev.id, 'en');
		expect((await pdfText(en)).replace(/\s+/g, ' ')).toContain('Where do we stand?');
		expect(pdfSource(en)).toMatch(/\/Lang\s*\(en\)/);
	});

	it('uses the network threshold: with threshold 2 the work field is shown on its own', async () => {
		// One board member and one support member: together a merged group of 2.
		const ev = await buildReportEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			respondents: { teacher: 6, student: 5, work_field: 2, board: 1, support: 1 }
		});
		const before = await loadReportData(db(), world.people.leadA1.actor, ev.id);
		expect(before.groups.get('work_field')).toBe('other');
		await db().insert(network).values({ name: 'Testnetwerk', anonymityThreshold: 2 });
		try {
			const after = await loadReportData(db(), world.people.leadA1.actor, ev.id);
			expect(after.groups.get('work_field')).toBe('work_field');
			expect(after.groups.get('board')).toBe('other');
			expect(after.groups.get('support')).toBe('other');
		} finally {
			await db().delete(network);
		}
	});

	it('is a 404 for another institution and for a malformed id, 401 for nobody', async () => {
		const ev = await buildReportEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id });
		expect((await failure(renderReportPdf(db(), world.people.qoB.actor, ev.id))).status).toBe(404);
		expect((await failure(renderReportPdf(db(), world.people.memberA2.actor, ev.id))).status).toBe(404);
		expect((await failure(renderReportPdf(db(), world.people.admin.actor, ev.id))).status).toBe(404);
		expect((await failure(renderReportPdf(db(), world.people.qoA.actor, 'not-a-uuid'))).status).toBe(404);
		expect((await failure(renderReportPdf(db(), null, ev.id))).status).toBe(401);
	});
});
