import { decodeCsvBytes } from './csv-decode.ts';

// A small CSV reader for imports made in Excel or LibreOffice. Dependency-free because
// it runs in the browser (preview) and on the server (import) alike.
//
// Line numbers are spreadsheet row numbers: the header is row 1, and a quoted cell with
// a line break in it stays one row, as it does when the user opens the file in Excel or
// LibreOffice to find the row we point at. Blank rows are skipped but still counted.

export type CsvDelimiter = ';' | ',' | '\t';

/** A column the caller expects; `names[0]` is the (Dutch) name used in messages. */
export type CsvColumn = { key: string; names: readonly string[]; required?: boolean };

export type CsvRow = { line: number; values: Record<string, string> };

export type CsvReadResult =
	| { ok: true; delimiter: CsvDelimiter; header: string[]; rows: CsvRow[]; warnings: string[] }
	| { ok: false; errors: string[] };

export type CsvReadOptions = { columns: readonly CsvColumn[]; maxRows?: number };

export const DEFAULT_MAX_ROWS = 5000;
const MAX_REPORTED_ERRORS = 20;

type RawRecord = { line: number; fields: string[] };
type Token = { kind: 'record'; record: RawRecord } | { kind: 'unterminated'; line: number };

/** Reads CSV bytes into rows keyed by column key; every declared key is present ('' when absent). */
export function readCsv(bytes: Uint8Array, options: CsvReadOptions): CsvReadResult {
	const decoded = decodeCsvBytes(bytes);
	if (!decoded.ok) return { ok: false, errors: [decoded.error] };
	const { text } = decoded;
	const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
	const delimiter = detectDelimiter(text);

	let header: RawRecord | undefined;
	let mapping: ColumnMapping | undefined;
	const rows: CsvRow[] = [];
	const errors: string[] = [];
	let dataRows = 0;
	for (const token of tokenize(text, delimiter)) {
		if (token.kind === 'unterminated') {
			return {
				ok: false,
				errors: [
					...errors,
					`Regel ${token.line}: een aanhalingsteken (") wordt niet afgesloten. ` +
						'Controleer of elk veld dat met " begint ook met " eindigt.'
				]
			};
		}
		const { record } = token;
		if (isBlankRecord(record)) continue;
		if (header === undefined || mapping === undefined) {
			header = record;
			const mapped = mapColumns(record.fields, options.columns);
			if (!mapped.ok) return { ok: false, errors: mapped.errors };
			mapping = mapped;
			continue;
		}
		dataRows += 1;
		if (dataRows > maxRows) {
			return {
				ok: false,
				errors: [
					`Het bestand bevat meer dan ${maxRows} regels met gegevens. ` +
						`Splits het bestand in delen van hoogstens ${maxRows} regels.`
				]
			};
		}
		const fieldCountError = checkFieldCount(record, header.fields.length);
		if (fieldCountError !== null) {
			errors.push(fieldCountError);
			continue;
		}
		rows.push({ line: record.line, values: pickValues(record.fields, mapping, options.columns) });
	}

	if (header === undefined || mapping === undefined) return { ok: false, errors: ['Het bestand is leeg.'] };
	if (errors.length > 0) return { ok: false, errors: capErrors(errors) };
	if (rows.length === 0) {
		return {
			ok: false,
			errors: ['Het bestand bevat alleen een kopregel en geen regels met gegevens.']
		};
	}
	return {
		ok: true,
		delimiter,
		header: header.fields.map((field) => field.trim()),
		rows,
		warnings: [...decoded.warnings, ...mapping.warnings]
	};
}

/**
 * Picks the delimiter that occurs most often (outside quotes) in the header line:
 * `;` is what Dutch Excel writes, `,` what English-language tools write, tab what a
 * copy from a spreadsheet gives. Ties go to `;`, then tab.
 */
export function detectDelimiter(text: string): CsvDelimiter {
	const counts = { ';': 0, '\t': 0, ',': 0 };
	let inQuotes = false;
	for (const char of text) {
		if (char === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (char === '\n' || char === '\r')) break;
		else if (!inQuotes && (char === ';' || char === '\t' || char === ',')) counts[char] += 1;
	}
	let best: CsvDelimiter = ';';
	for (const candidate of [';', '\t', ','] as const) {
		if (counts[candidate] > counts[best]) best = candidate;
	}
	return best;
}

/**
 * Splits text into records (RFC 4180 plus what spreadsheets write): quoted fields with
 * `""` escapes and line breaks inside, CRLF, LF or a lone CR (old Mac Excel) between
 * records. A quote in the middle of an unquoted field is kept as a character.
 */
function* tokenize(text: string, delimiter: CsvDelimiter): Generator<Token> {
	let fields: string[] = [];
	let field = '';
	let inQuotes = false;
	let line = 1;
	let quoteLine = 1;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inQuotes) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else inQuotes = false;
			} else if (char === '\r') {
				field += '\n';
				if (text[i + 1] === '\n') i++;
			} else field += char;
		} else if (char === '"' && field.trim() === '') {
			// spaces before an opening quote are not part of the value
			field = '';
			inQuotes = true;
			quoteLine = line;
		} else if (char === delimiter) {
			fields.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			fields.push(field);
			yield { kind: 'record', record: { line, fields } };
			fields = [];
			field = '';
			line++;
		} else field += char;
	}
	if (inQuotes) {
		yield { kind: 'unterminated', line: quoteLine };
		return;
	}
	if (field !== '' || fields.length > 0) {
		fields.push(field);
		yield { kind: 'record', record: { line, fields } };
	}
}

function isBlankRecord(record: RawRecord): boolean {
	return record.fields.every((field) => field.trim() === '');
}

/** Extra empty fields are tolerated: spreadsheets write them for formatted empty cells. */
function checkFieldCount(record: RawRecord, expected: number): string | null {
	const { fields } = record;
	if (fields.length === expected) return null;
	if (fields.length > expected && fields.slice(expected).every((field) => field.trim() === '')) return null;
	return `Regel ${record.line}: ${fields.length} ${fields.length === 1 ? 'veld' : 'velden'} gevonden, maar de kopregel heeft ${expected} kolommen.`;
}

function capErrors(errors: string[]): string[] {
	if (errors.length <= MAX_REPORTED_ERRORS) return errors;
	const rest = errors.length - MAX_REPORTED_ERRORS;
	return [...errors.slice(0, MAX_REPORTED_ERRORS), `… en nog ${rest} ${rest === 1 ? 'fout' : 'fouten'}.`];
}

type ColumnMapping = { ok: true; indexByKey: Map<string, number>; warnings: string[] };

/** Header names match case-insensitively, ignoring surrounding and repeated spaces. */
function normaliseHeaderName(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

function mapColumns(
	headerFields: readonly string[],
	columns: readonly CsvColumn[]
): ColumnMapping | { ok: false; errors: string[] } {
	const keyByName = new Map<string, CsvColumn>();
	for (const column of columns) {
		for (const name of column.names) keyByName.set(normaliseHeaderName(name), column);
	}
	const indexByKey = new Map<string, number>();
	const errors: string[] = [];
	const unknown: string[] = [];
	headerFields.forEach((raw, index) => {
		const name = normaliseHeaderName(raw);
		if (name === '') return; // an unnamed trailing column from the spreadsheet
		const column = keyByName.get(name);
		if (column === undefined) {
			unknown.push(raw.trim());
			return;
		}
		const earlier = indexByKey.get(column.key);
		if (earlier !== undefined) {
			errors.push(
				`De kolom '${column.names[0]}' komt twee keer voor (kolom ${earlier + 1} en kolom ${index + 1}).`
			);
			return;
		}
		indexByKey.set(column.key, index);
	});
	const missing = columns.filter((column) => column.required && !indexByKey.has(column.key));
	if (missing.length > 0) {
		const names = missing.map((column) => `'${column.names[0]}'`).join(', ');
		const found = headerFields.map((field) => field.trim()).filter((field) => field !== '');
		errors.push(
			`${missing.length === 1 ? 'Verplichte kolom ontbreekt' : 'Verplichte kolommen ontbreken'}: ${names}. ` +
				`Gevonden kolommen: ${found.length > 0 ? found.map((field) => `'${field}'`).join(', ') : 'geen'}. ` +
				'De eerste regel van het bestand moet de kolomnamen bevatten.'
		);
	}
	if (errors.length > 0) return { ok: false, errors };
	const warnings = unknown.map((name) => `De kolom '${name}' is onbekend en wordt genegeerd.`);
	return { ok: true, indexByKey, warnings };
}

function pickValues(
	fields: readonly string[],
	mapping: ColumnMapping,
	columns: readonly CsvColumn[]
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const column of columns) {
		const index = mapping.indexByKey.get(column.key);
		values[column.key] = index === undefined ? '' : (fields[index] ?? '').trim();
	}
	return values;
}
