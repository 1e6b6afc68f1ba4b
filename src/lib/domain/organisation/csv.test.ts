import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './csv-decode.ts';
import { detectDelimiter, readCsv, type CsvColumn, type CsvReadResult } from './csv.ts';

const columns: readonly CsvColumn[] = [
	{ key: 'name', names: ['naam', 'name'], required: true },
	{ key: 'email', names: ['e-mail', 'email'], required: true },
	{ key: 'team', names: ['team'] }
];

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string, maxRows?: number) => readCsv(utf8(text), { columns, maxRows });

function ok(result: CsvReadResult) {
	if (!result.ok) throw new Error(`expected ok, got: ${result.errors.join(' | ')}`);
	return result;
}
function errors(result: CsvReadResult): string[] {
	if (result.ok) throw new Error('expected errors');
	return result.errors;
}

describe('delimiters', () => {
	it('reads semicolons, as Dutch Excel writes', () => {
		const result = ok(read('naam;e-mail;team\nAnja;anja@roc.nl;Zorg\n'));
		expect(result.delimiter).toBe(';');
		expect(result.header).toEqual(['naam', 'e-mail', 'team']);
		expect(result.rows).toEqual([{ line: 2, values: { name: 'Anja', email: 'anja@roc.nl', team: 'Zorg' } }]);
	});

	it('reads commas', () => {
		const result = ok(read('name,email\nBram,bram@roc.nl\n'));
		expect(result.delimiter).toBe(',');
		expect(result.rows[0]?.values).toEqual({ name: 'Bram', email: 'bram@roc.nl', team: '' });
	});

	it('reads tabs', () => {
		const result = ok(read('naam\te-mail\tteam\nCor\tcor@roc.nl\tICT\n'));
		expect(result.delimiter).toBe('\t');
		expect(result.rows[0]?.values.team).toBe('ICT');
	});

	it('detects the delimiter from the header line only, ignoring quoted ones', () => {
		expect(detectDelimiter('"naam, voluit";e-mail\nA,B,C,D,E;x')).toBe(';');
		expect(detectDelimiter('naam')).toBe(';');
		expect(detectDelimiter('a\tb,c\td')).toBe('\t');
	});

	it('keeps a comma inside a semicolon file as text', () => {
		const result = ok(read('naam;e-mail\nVries, Anja de;anja@roc.nl\n'));
		expect(result.rows[0]?.values.name).toBe('Vries, Anja de');
	});
});

describe('quotes and line breaks', () => {
	it('reads quoted fields with doubled quotes and delimiters inside', () => {
		const result = ok(read('naam;e-mail;team\n"Anja ""AJ"" de Vries";"anja@roc.nl";"Zorg; Welzijn"\n'));
		expect(result.rows[0]?.values).toEqual({
			name: 'Anja "AJ" de Vries',
			email: 'anja@roc.nl',
			team: 'Zorg; Welzijn'
		});
	});

	it('keeps a line break inside quotes in one row and numbers rows as a spreadsheet does', () => {
		const result = ok(read('naam;e-mail;team\n"Anja\r\nde Vries";anja@roc.nl;Zorg\nBram;bram@roc.nl;ICT\n'));
		expect(result.rows.map((row) => row.line)).toEqual([2, 3]);
		expect(result.rows[0]?.values.name).toBe('Anja\nde Vries');
		expect(result.rows[1]?.values.name).toBe('Bram');
	});

	it('reads CRLF, LF and lone CR line ends alike', () => {
		for (const end of ['\r\n', '\n', '\r']) {
			const result = ok(read(['naam;e-mail', 'A;a@x.nl', 'B;b@x.nl', ''].join(end)));
			expect(result.rows.map((row) => [row.line, row.values.name])).toEqual([
				[2, 'A'],
				[3, 'B']
			]);
		}
	});

	it('reads a last row without a line end and ignores trailing empty lines', () => {
		expect(ok(read('naam;e-mail\nA;a@x.nl')).rows).toHaveLength(1);
		expect(ok(read('naam;e-mail\nA;a@x.nl\r\n\r\n\n;\n')).rows).toHaveLength(1);
	});

	it('skips blank rows in the middle but keeps counting them', () => {
		const result = ok(read('naam;e-mail\nA;a@x.nl\n\n;;\nB;b@x.nl\n'));
		expect(result.rows.map((row) => row.line)).toEqual([2, 5]);
	});

	it('trims values and header names and matches headers case-insensitively', () => {
		const result = ok(read('  NAAM ;E-Mail\n  Anja  ; anja@roc.nl \n'));
		expect(result.header).toEqual(['NAAM', 'E-Mail']);
		expect(result.rows[0]?.values).toEqual({ name: 'Anja', email: 'anja@roc.nl', team: '' });
	});

	it('ignores spaces before an opening quote', () => {
		expect(ok(read('naam;e-mail\nA; "a@x.nl"\n')).rows[0]?.values.email).toBe('a@x.nl');
	});

	it('reports an unterminated quote with the row where it opened', () => {
		expect(errors(read('naam;e-mail\nA;a@x.nl\n"B;b@x.nl\nC;c@x.nl\n'))).toEqual([
			'Regel 3: een aanhalingsteken (") wordt niet afgesloten. Controleer of elk veld dat met " begint ook met " eindigt.'
		]);
	});
});

describe('encodings', () => {
	it('strips a UTF-8 byte order mark', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('naam;e-mail\nZoë;zoe@roc.nl\n')]);
		const result = ok(readCsv(bytes, { columns }));
		expect(result.header[0]).toBe('naam');
		expect(result.rows[0]?.values.name).toBe('Zoë');
		expect(result.warnings).toEqual([]);
	});

	it('reads a Windows-1252 file, with a warning to check accents', () => {
		// "Zoë" and "José" as Dutch Excel's plain "CSV" type writes them
		const bytes = new Uint8Array([
			...utf8('naam;e-mail\nZo'),
			0xeb,
			...utf8(';zoe@roc.nl\nJos'),
			0xe9,
			...utf8(';jose@roc.nl\n')
		]);
		const result = ok(readCsv(bytes, { columns }));
		expect(result.rows.map((row) => row.values.name)).toEqual(['Zoë', 'José']);
		expect(result.warnings).toHaveLength(1);
		expect(result.warnings[0]).toContain('niet als UTF-8 opgeslagen');
		expect(result.warnings[0]).toContain('CSV UTF-8');
	});

	it('refuses bytes that are neither UTF-8 nor Windows-1252', () => {
		const result = decodeCsvBytes(new Uint8Array([...utf8('naam\n'), 0x81, 0x8d]));
		expect(result).toMatchObject({ ok: false });
		expect(!result.ok && result.error).toContain('niet in UTF-8 opgeslagen');
	});

	it('refuses UTF-16 ("Unicode-tekst") and explains how to save as CSV UTF-8', () => {
		const [message] = errors(readCsv(new Uint8Array([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00]), { columns }));
		expect(message).toContain('UTF-16');
		expect(message).toContain('CSV UTF-8');
	});

	it('refuses a spreadsheet workbook uploaded instead of a CSV export', () => {
		const [message] = errors(readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), { columns }));
		expect(message).toContain('geen CSV-bestand');
	});
});

describe('file-level errors', () => {
	it('reports an empty file', () => {
		expect(errors(readCsv(new Uint8Array(), { columns }))).toEqual(['Het bestand is leeg.']);
		expect(errors(read('\r\n \n'))).toEqual(['Het bestand is leeg.']);
		expect(errors(readCsv(new Uint8Array([0xef, 0xbb, 0xbf]), { columns }))).toEqual([
			'Het bestand is leeg.'
		]);
	});

	it('reports a header without data rows', () => {
		expect(errors(read('naam;e-mail\n'))).toEqual([
			'Het bestand bevat alleen een kopregel en geen regels met gegevens.'
		]);
	});

	it('lists the missing required columns and the columns it found', () => {
		expect(errors(read('voornaam;team\nA;Zorg\n'))).toEqual([
			"Verplichte kolommen ontbreken: 'naam', 'e-mail'. Gevonden kolommen: 'voornaam', 'team'. " +
				'De eerste regel van het bestand moet de kolomnamen bevatten.'
		]);
		expect(errors(read('naam;team\nA;Zorg\n'))[0]).toMatch(/^Verplichte kolom ontbreekt: 'e-mail'\./);
	});

	it('refuses a column given twice under two aliases', () => {
		expect(errors(read('naam;e-mail;name\nA;a@x.nl;B\n'))).toEqual([
			"De kolom 'naam' komt twee keer voor (kolom 1 en kolom 3)."
		]);
	});

	it('warns about unknown columns and ignores them', () => {
		const result = ok(read('naam;opmerking;e-mail\nA;let op;a@x.nl\n'));
		expect(result.rows[0]?.values).toEqual({ name: 'A', email: 'a@x.nl', team: '' });
		expect(result.warnings).toEqual(["De kolom 'opmerking' is onbekend en wordt genegeerd."]);
	});

	it('reports rows with the wrong number of fields, by line', () => {
		expect(errors(read('naam;e-mail;team\nA;a@x.nl;Zorg\nB;b@x.nl\nC;c@x.nl;ICT;extra\n'))).toEqual([
			'Regel 3: 2 velden gevonden, maar de kopregel heeft 3 kolommen.',
			'Regel 4: 4 velden gevonden, maar de kopregel heeft 3 kolommen.'
		]);
	});

	it('tolerates extra empty fields, as spreadsheets write for formatted cells', () => {
		expect(ok(read('naam;e-mail\nA;a@x.nl;;\n')).rows).toHaveLength(1);
	});

	it('caps the list of field-count errors', () => {
		const body = Array.from({ length: 30 }, (_, i) => `P${i}`).join('\n');
		const list = errors(read(`naam;e-mail\n${body}\n`));
		expect(list).toHaveLength(21);
		expect(list[20]).toBe('… en nog 10 fouten.');
	});

	it('refuses more data rows than the limit, with the default at 5000', () => {
		const rows = (n: number) => Array.from({ length: n }, (_, i) => `P${i};p${i}@x.nl`).join('\n');
		expect(ok(read(`naam;e-mail\n${rows(3)}\n`, 3)).rows).toHaveLength(3);
		expect(errors(read(`naam;e-mail\n${rows(4)}\n`, 3))).toEqual([
			'Het bestand bevat meer dan 3 regels met gegevens. Splits het bestand in delen van hoogstens 3 regels.'
		]);
		expect(ok(read(`naam;e-mail\n${rows(5000)}\n`)).rows).toHaveLength(5000);
		expect(errors(read(`naam;e-mail\n${rows(5001)}\n`))[0]).toContain('meer dan 5000 regels');
	});
});
