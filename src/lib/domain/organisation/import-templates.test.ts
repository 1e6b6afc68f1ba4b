import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';
import { importColumns, validateImportRows } from './import-rows.ts';
import { importTemplate } from './import-templates.ts';

describe('import templates', () => {
	it.each(['teams', 'people'] as const)('the %s example reads without errors or warnings', (kind) => {
		const { text, filename } = importTemplate(kind);
		expect(filename).toMatch(/^voorbeeld-.*\.csv$/);
		const read = readCsv(new TextEncoder().encode(text), { columns: importColumns[kind] });
		if (!read.ok) throw new Error(read.errors.join('; '));
		expect(read.delimiter).toBe(';');
		expect(read.warnings).toEqual([]);
		const checked = kind === 'teams' ? validateImportRows('teams', read) : validateImportRows('people', read);
		expect(checked.invalid).toEqual([]);
		expect(checked.warnings).toEqual([]);
		expect(checked.valid.length).toBe(5);
	});
});
