import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { failure, useWorld } from '../organisation/test-world.ts';
import { exportEvaluation, neutralise, toCsv } from './export.ts';
import { buildReportEvaluation } from './report-fixtures.ts';

const { db, world } = useWorld();

function readBack(body: Uint8Array) {
	const book = XLSX.read(body, { type: 'array' });
	const sheet = book.Sheets[book.SheetNames[0]!]!;
	return {
		name: book.SheetNames[0],
		rows: XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null })
	};
}

describe('exports of an evaluation', () => {
	it('writes ratings as XLSX without respondents, small perspectives as "overig"', async () => {
		const ev = await buildReportEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id });
		const file = await exportEvaluation(db(), world.people.memberA1.actor, ev.id, {
			what: 'ratings',
			format: 'xlsx'
		});
		expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(file.filename).toBe('zelfevaluatie-zorg-2026-beoordelingen.xlsx');
		const { name, rows } = readBack(file.body);
		expect(name).toBe('Beoordelingen');
		expect(rows[0]).toEqual([
			'Standaard (sleutel)',
			'Standaard',
			'Referentiewaarden',
			'Perspectief',
			'Niveau',
			'Rang',
			'Motivering'
		]);
		// 14 respondents × the standards in scope, one row each.
		expect(rows.length - 1).toBe(14 * ev.scopeStandardKeys.length);
		const perspectives = new Set(rows.slice(1).map((r) => r[3]));
		// Work field (2) and board (1) are too few; merged they are still 3, fewer than 5, so the
		// students (the smallest group shown) join them: otherwise "all minus the shown groups"
		// would give those three people's ratings.
		expect(perspectives).toEqual(new Set(['docent', 'overig']));
		const overig = rows.filter((r) => r[3] === 'overig');
		expect(overig.length).toBe(8 * ev.scopeStandardKeys.length);
		const text = JSON.stringify(rows);
		expect(text).not.toMatch(/teacher-\d|student-\d|work_field-\d/);
		expect(text).not.toContain('werkveld');
		const first = rows[1]!;
		expect(first[0]).toBe(ev.scopeStandardKeys[0]);
		expect(rows.some((r) => r[4] === 'niet beoordeeld' && r[5] === null)).toBe(true);
	});

	it('writes actions as ODS with owner names and statuses', async () => {
		const ev = await buildReportEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a2.id,
			ownerId: world.people.memberA2.id
		});
		const file = await exportEvaluation(db(), world.people.qoA.actor, ev.id, {
			what: 'actions',
			format: 'ods'
		});
		expect(file.contentType).toBe('application/vnd.oasis.opendocument.spreadsheet');
		expect(file.filename.endsWith('-acties.ods')).toBe(true);
		const { rows } = readBack(file.body);
		expect(rows[0]![0]).toBe('Actie');
		const action = rows.find((r) => r[0] === 'Werkveld eerder betrekken')!;
		expect(action).toEqual([
			'Werkveld eerder betrekken',
			'Aandachtspunt uit de zelfevaluatie',
			'Horizontale en verticale dialoog',
			null,
			null,
			'Lid Techniek A',
			'2027-03-01',
			'in uitvoering',
			40
		]);
		expect(rows.some((r) => r[0] === '+SUM(A1:A9) formule-achtige titel' && r[4] === 'Lerend vermogen')).toBe(
			true
		);
	});

	it('writes CSV with a BOM, semicolons, CRLF and neutralised formulas', async () => {
		const ev = await buildReportEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id });
		const ratings = await exportEvaluation(db(), world.people.leadA1.actor, ev.id, {
			what: 'ratings',
			format: 'csv'
		});
		expect(ratings.contentType).toBe('text/csv; charset=utf-8');
		expect([...ratings.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(ratings.body);
		expect(text.split('\r\n')[0]).toBe(
			'\uFEFFStandaard (sleutel);Standaard;Referentiewaarden;Perspectief;Niveau;Rang;Motivering'
		);
		expect(text).not.toMatch(/[^\r]\n/);
		// The motivation =HYPERLINK("…") becomes text, quoted because of its quotes.
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example"") zie bijlage"`);
		expect(text).not.toMatch(/;=HYPERLINK/);
		const actions = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			(await exportEvaluation(db(), world.people.leadA1.actor, ev.id, { what: 'actions', format: 'csv' }))
				.body
		);
		expect(actions).toContain("'+SUM(A1:A9) formule-achtige titel");
	});

	it('quotes separators and newlines, and prefixes every formula start', () => {
		const csv = toCsv({
			name: 't',
			columns: ['a', 'b'],
			rows: [
				['x;y', 'regel 1\nregel 2'],
				['-1', '@cmd'],
				[-1, null]
			]
		});
		expect(csv).toBe('\uFEFFa;b\r\n"x;y";"regel 1\nregel 2"\r\n\'-1;\'@cmd\r\n-1;\r\n');
	});

	it('also neutralises a formula behind leading white space or a line feed', () => {
		expect(neutralise('  =HYPERLINK("http://x")')).toBe('\'  =HYPERLINK("http://x")');
		expect(neutralise('\n+1')).toBe("'\n+1");
		expect(neutralise('gewone tekst - met streepje')).toBe('gewone tekst - met streepje');
	});

	it('refuses an unknown subject or format in Dutch, and another institution with a 404', async () => {
		const ev = await buildReportEvaluation(db(), { institutionId: world.a.id, teamId: world.a1.id });
		const bad = await failure(
			exportEvaluation(db(), world.people.qoA.actor, ev.id, { what: 'alles', format: 'pdf' })
		);
		expect(bad.status).toBe(422);
		expect(bad.fieldErrors.map((e) => e.field).sort()).toEqual(['format', 'what']);
		expect(bad.fieldErrors[0]!.message).toMatch(/Kies/);
		const missing = await failure(
			exportEvaluation(db(), world.people.qoA.actor, ev.id, { what: 'ratings', format: undefined })
		);
		expect(missing.status).toBe(422);
		expect(
			(
				await failure(
					exportEvaluation(db(), world.people.qoB.actor, ev.id, { what: 'ratings', format: 'csv' })
				)
			).status
		).toBe(404);
		expect(
			(
				await failure(
					exportEvaluation(db(), world.people.memberB1.actor, ev.id, { what: 'actions', format: 'xlsx' })
				)
			).status
		).toBe(404);
	});
});
