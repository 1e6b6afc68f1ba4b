// Turns the bytes of an uploaded CSV file into text, with Dutch messages for the ways
// spreadsheet programs get this wrong.
//
// Decision on encodings: UTF-8 is the format we ask for ("CSV UTF-8"). Dutch Excel's
// plain "CSV" type still writes Windows-1252, and refusing those files would turn away
// most first attempts, so a file that is not valid UTF-8 is read as Windows-1252 *with a
// warning* asking the user to check accented letters. Windows-1252 maps every byte
// except five to a printable character; a decoded text holding C1 control characters
// (U+0080–U+009F) came from something else (Mac Roman, a binary file) and is refused.

export type DecodeResult = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

/** How to save a UTF-8 CSV file, named as Dutch Excel and LibreOffice name it. */
export const SAVE_AS_UTF8 =
	'Sla het bestand op als "CSV UTF-8 (door komma\'s gescheiden)" in Excel, ' +
	'of als "Tekst CSV" met tekenset "Unicode (UTF-8)" in LibreOffice.';

const EMPTY = 'Het bestand is leeg.';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.every((byte, i) => bytes[i] === byte);
}

/** Decodes CSV bytes: strips a UTF-8 BOM, reads UTF-8, falls back to Windows-1252 with a warning. */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
	if (bytes.length === 0) return { ok: false, error: EMPTY };
	// XLSX and ODS are zip archives: people upload the workbook instead of an export.
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		return {
			ok: false,
			error: `Dit is een spreadsheetbestand (zoals .xlsx of .ods), geen CSV-bestand. ${SAVE_AS_UTF8}`
		};
	}
	// Excel's "Unicode-tekst" is UTF-16; so are most files with NUL bytes in them.
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || bytes.includes(0)) {
		return {
			ok: false,
			error: `Het bestand is opgeslagen als Unicode-tekst (UTF-16) of is geen tekstbestand. ${SAVE_AS_UTF8}`
		};
	}
	const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
	const decoded = decodeUtf8(body) ?? decodeWindows1252(body);
	if (decoded === null) {
		return {
			ok: false,
			error: `Het bestand is niet in UTF-8 opgeslagen en kon niet worden gelezen. ${SAVE_AS_UTF8}`
		};
	}
	if (decoded.text.trim() === '') return { ok: false, error: EMPTY };
	return { ok: true, text: decoded.text, warnings: decoded.warnings };
}

function decodeUtf8(bytes: Uint8Array): { text: string; warnings: string[] } | null {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
	} catch {
		return null;
	}
}

function decodeWindows1252(bytes: Uint8Array): { text: string; warnings: string[] } | null {
	let text: string;
	try {
		text = new TextDecoder('windows-1252').decode(bytes);
	} catch {
		return null; // a runtime without this encoding (small ICU): refuse rather than guess
	}
	if (/[\u0080-\u009f]/.test(text)) return null;
	return {
		text,
		warnings: [
			'Het bestand is niet als UTF-8 opgeslagen; het is gelezen als Windows-1252 (West-Europees). ' +
				`Controleer of letters met accenten (zoals ë en é) goed zijn overgekomen. ${SAVE_AS_UTF8}`
		]
	};
}
