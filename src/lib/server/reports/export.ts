import * as XLSX from '@e965/xlsx';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { Actor } from '../policy/policy.ts';
import { requireEvaluation, type EvaluationRow } from '../evaluations/evaluation.access.ts';
import { rating } from '../evaluations/evaluation.table.ts';
import * as models from '../model/model.queries.ts';
import { notFound } from '../http/errors.ts';
import { parseInput } from '../http/input.ts';
import { m } from '../../paraglide/messages.js';
import { anonymityThreshold, perspectiveGroups, type Perspective } from './anonymity.ts';
import { respondentsByPerspective, subjectActions } from './report-data.ts';
import { actionStatusLabel, perspectiveGroupLabel, type Locale } from './report-document.ts';
import { safeFilename } from './filename.ts';

export const exportFormats = ['xlsx', 'ods', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportSubjects = ['ratings', 'actions'] as const;
export type ExportSubject = (typeof exportSubjects)[number];

export const exportInputSchema = z.object({
	what: z.enum(exportSubjects, {
		error: 'Kies wat u exporteert: ratings (beoordelingen) of actions (acties).'
	}),
	format: z.enum(exportFormats, { error: 'Kies een formaat: xlsx, ods of csv.' })
});

export const contentTypes: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	csv: 'text/csv; charset=utf-8'
};

type Cell = string | number | null;

/** A sheet: a header row and data rows. */
export interface Table {
	name: string;
	columns: string[];
	rows: Cell[][];
}

export interface ExportFile {
	filename: string;
	contentType: string;
	body: Uint8Array;
}

/**
 * Ratings or actions of an evaluation as a spreadsheet file. Ratings carry no respondent
 * identity and perspectives under the anonymity threshold read "overig". Throws 404 for
 * another institution's evaluation, 422 for an unknown subject or format.
 */
export async function exportEvaluation(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	input: { what: unknown; format: unknown },
	locale: Locale = 'nl'
): Promise<ExportFile> {
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.export');
	const { what, format } = parseInput(exportInputSchema, input);
	const table =
		what === 'ratings' ? await ratingsTable(db, row, locale) : await actionsTable(db, row, locale);
	const name = `${row.title}-${what === 'ratings' ? m.reports_export_sheet_ratings({}, { locale }) : m.reports_export_sheet_actions({}, { locale })}`;
	return {
		filename: safeFilename(name, format),
		contentType: contentTypes[format],
		body: writeTable(table, format)
	};
}

async function ratingsTable(db: Database, row: EvaluationRow, locale: Locale): Promise<Table> {
	const o = { locale };
	const [version, threshold, rows, respondents] = await Promise.all([
		models.find(db, row.modelVersionId),
		anonymityThreshold(db),
		db
			.select({
				standardKey: rating.standardKey,
				perspective: rating.perspective,
				levelKey: rating.levelKey,
				rank: rating.rank,
				motivation: rating.motivation
			})
			.from(rating)
			.where(eq(rating.evaluationId, row.id))
			// Never in respondent order: rows of one person must not be linkable across standards.
			.orderBy(asc(rating.standardKey), asc(rating.rank), asc(rating.motivation), asc(rating.id)),
		respondentsByPerspective(db, row.id)
	]);
	if (!version) throw notFound('De evaluatie');
	const doc = version.document;
	const groups = perspectiveGroups(respondents, threshold);
	const standards = new Map(doc.standards.map((s, i) => [s.key, { ...s, order: i }]));
	const values = new Map(doc.values.map((v) => [v.key, v.name]));
	const levels = new Map(doc.ratingScale.levels.map((l) => [l.key, l.label]));
	const other = m.reports_export_other({}, o);
	const label = (p: Perspective) => {
		const g = groups.get(p) ?? 'other';
		return g === 'other' ? other : perspectiveGroupLabel(g, locale);
	};
	const data = rows
		.map((r) => {
			const s = standards.get(r.standardKey);
			return {
				order: s?.order ?? Number.MAX_SAFE_INTEGER,
				cells: [
					r.standardKey,
					s?.title ?? r.standardKey,
					(s?.valueKeys ?? []).map((k) => values.get(k) ?? k).join(', '),
					label(r.perspective),
					r.levelKey ? (levels.get(r.levelKey) ?? r.levelKey) : doc.ratingScale.notRatedLabel,
					r.rank,
					r.motivation
				] as Cell[]
			};
		})
		// Model order, then perspective label: stable, and without a trace of who answered.
		.sort((a, b) => a.order - b.order || String(a.cells[3]).localeCompare(String(b.cells[3])))
		.map((r) => r.cells);
	return {
		name: m.reports_export_sheet_ratings({}, o),
		columns: [
			m.reports_export_col_standard_key({}, o),
			m.reports_export_col_standard({}, o),
			m.reports_export_col_values({}, o),
			m.reports_export_col_perspective({}, o),
			m.reports_export_col_level({}, o),
			m.reports_export_col_rank({}, o),
			m.reports_export_col_motivation({}, o)
		],
		rows: data
	};
}

async function actionsTable(db: Database, row: EvaluationRow, locale: Locale): Promise<Table> {
	const o = { locale };
	const [version, actions] = await Promise.all([
		models.find(db, row.modelVersionId),
		subjectActions(db, row)
	]);
	if (!version) throw notFound('De evaluatie');
	const doc = version.document;
	const values = new Map(doc.values.map((v) => [v.key, v.name]));
	const standards = new Map(doc.standards.map((s) => [s.key, s.title]));
	const capacities = new Map(doc.capacities.map((c) => [c.key, c.name]));
	const name = (map: Map<string, string>, key: string | null) => (key ? (map.get(key) ?? key) : null);
	return {
		name: m.reports_export_sheet_actions({}, o),
		columns: [
			m.reports_export_col_title({}, o),
			m.reports_export_col_reason({}, o),
			m.reports_export_col_value({}, o),
			m.reports_export_col_standard({}, o),
			m.reports_export_col_capacity({}, o),
			m.reports_export_col_owner({}, o),
			m.reports_export_col_due({}, o),
			m.reports_export_col_status({}, o),
			m.reports_export_col_progress({}, o)
		],
		rows: actions.map((a) => [
			a.title,
			a.reason,
			name(values, a.valueKey),
			name(standards, a.standardKey),
			name(capacities, a.capacityKey),
			a.ownerName,
			a.dueOn,
			actionStatusLabel(a.status, locale),
			a.progress
		])
	};
}

/** The table in one of the formats. */
export function writeTable(table: Table, format: ExportFormat): Uint8Array {
	if (format === 'csv') return new TextEncoder().encode(toCsv(table));
	const sheet = XLSX.utils.aoa_to_sheet([table.columns, ...table.rows]);
	const book = XLSX.utils.book_new();
	// Sheet names: at most 31 characters and none of []:*?/\
	XLSX.utils.book_append_sheet(book, sheet, table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
	const out = XLSX.write(book, { type: 'buffer', bookType: format, compression: true }) as Buffer;
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab/CR before one) gets a
 * leading apostrophe, the usual guard against CSV injection.
 */
export function neutralise(value: string): string {
	// Leading white space (a line feed, spaces) does not stop a spreadsheet reading a formula.
	return /^[\s]*[=+\-@]|^[\t\r\n]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
	if (value === null) return '';
	const text = typeof value === 'number' ? String(value) : neutralise(value);
	return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV as Dutch spreadsheets expect it: UTF-8 with BOM, semicolons, CRLF, "" inside quotes. */
export function toCsv(table: Table): string {
	const lines = [table.columns, ...table.rows].map((r) => r.map(csvCell).join(';'));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
