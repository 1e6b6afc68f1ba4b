import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, conflict, type FieldError } from '../http/errors.ts';
import { authorize, type Actor } from '../policy/policy.ts';
import { readCsv } from '../../domain/organisation/csv.ts';
import {
	importColumns,
	validateImportRows,
	type ImportKind,
	type InvalidImportRow
} from '../../domain/organisation/import-rows.ts';
import { applyPersonImport, planPersonImport, type PersonPlanItem } from '../people/person-import.ts';
import { assertInstitutionWritable, visibleInstitution } from './access.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { applyTeamImport, planTeamImport, type TeamPlanItem } from './team-import.ts';
import { parseInput, uniqueViolation } from '../http/input.ts';

// CSV imports of an institution's teams and people. A dry run and the real run build the
// same report; the real run writes only when the report has no errors, all in one
// transaction, so a file is imported entirely or not at all.

/** Stays below adapter-node's default 512 kB request limit, also as a form upload. */
export const MAX_IMPORT_BYTES = 400 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export const importKindSchema = z.enum(['teams', 'people'], {
	error: "soort import moet 'teams' of 'people' zijn"
});

export interface ImportSummary {
	toCreate: number;
	toUpdate: number;
	unchanged: number;
	locationsToCreate: number;
	routesToAdd: number;
	rolesToAdd: number;
}

export interface ImportReport {
	kind: ImportKind;
	/** True when the file can be imported as it is. */
	ok: boolean;
	/** Problems with the file as a whole (encoding, columns, size): nothing could be read. */
	fileErrors: string[];
	/** Rows that cannot be imported, by line number (the header is line 1). */
	rowErrors: InvalidImportRow[];
	warnings: string[];
	rowCount: number;
	summary: ImportSummary;
	teams: TeamPlanItem[];
	people: PersonPlanItem[];
}

const emptySummary: ImportSummary = {
	toCreate: 0,
	toUpdate: 0,
	unchanged: 0,
	locationsToCreate: 0,
	routesToAdd: 0,
	rolesToAdd: 0
};

function fileProblem(kind: ImportKind, errors: string[]): Planned {
	return {
		report: {
			kind,
			ok: false,
			fileErrors: errors,
			rowErrors: [],
			warnings: [],
			rowCount: 0,
			summary: emptySummary,
			teams: [],
			people: []
		},
		apply: nothing
	};
}

/** Errors of one line together, lines in file order. */
function mergeRowErrors(rows: InvalidImportRow[]): InvalidImportRow[] {
	const byLine = new Map<number, string[]>();
	for (const row of rows) byLine.set(row.line, [...(byLine.get(row.line) ?? []), ...row.errors]);
	return [...byLine].sort(([a], [b]) => a - b).map(([line, errors]) => ({ line, errors }));
}

function count<T extends { action: string }>(items: T[], action: string) {
	return items.filter((i) => i.action === action).length;
}

/** A report, and how to write its plan (used only when the report has no errors). */
interface Planned {
	report: ImportReport;
	apply: (tx: Tx) => Promise<void>;
}

const nothing = async () => {};

/** Reads, validates and plans a file against the institution as it is now. Reads only. */
async function plan(
	tx: Tx,
	actor: Actor,
	institutionId: string,
	kind: ImportKind,
	bytes: Uint8Array
): Promise<Planned> {
	if (bytes.length > MAX_IMPORT_BYTES) {
		return fileProblem(kind, [
			`Het bestand is groter dan ${Math.round(MAX_IMPORT_BYTES / 1024)} kB. Splits het in kleinere bestanden.`
		]);
	}
	const read = readCsv(bytes, { columns: importColumns[kind], maxRows: MAX_IMPORT_ROWS });
	if (!read.ok) return fileProblem(kind, read.errors);
	return kind === 'teams'
		? planTeams(tx, actor, institutionId, read)
		: planPeople(tx, actor, institutionId, read);
}

type ReadFile = Extract<ReturnType<typeof readCsv>, { ok: true }>;

/** The report of a readable file: both checks' row errors merged, its plan's actions counted. */
function readReport(
	kind: ImportKind,
	read: ReadFile,
	checked: { invalid: InvalidImportRow[]; warnings: string[] },
	planned: { rowErrors: InvalidImportRow[]; items: { action: string }[] },
	rest: { summary: Partial<ImportSummary>; teams: TeamPlanItem[]; people: PersonPlanItem[] }
): ImportReport {
	const rowErrors = mergeRowErrors([...checked.invalid, ...planned.rowErrors]);
	return {
		kind,
		fileErrors: [],
		rowCount: read.rows.length,
		ok: rowErrors.length === 0,
		rowErrors,
		warnings: [...read.warnings, ...checked.warnings],
		summary: {
			...emptySummary,
			toCreate: count(planned.items, 'create'),
			toUpdate: count(planned.items, 'update'),
			unchanged: count(planned.items, 'unchanged'),
			...rest.summary
		},
		teams: rest.teams,
		people: rest.people
	};
}

async function planTeams(tx: Tx, actor: Actor, institutionId: string, read: ReadFile): Promise<Planned> {
	const checked = validateImportRows('teams', read);
	const teams = await planTeamImport(tx, institutionId, checked.valid);
	return {
		report: readReport('teams', read, checked, teams, {
			summary: {
				locationsToCreate: teams.newLocations.length,
				routesToAdd: teams.items.reduce((n, i) => n + i.routesToAdd.length, 0)
			},
			teams: teams.items,
			people: []
		}),
		apply: (write) => applyTeamImport(write, actor, institutionId, teams)
	};
}

async function planPeople(tx: Tx, actor: Actor, institutionId: string, read: ReadFile): Promise<Planned> {
	const checked = validateImportRows('people', read);
	const people = await planPersonImport(tx, actor, institutionId, checked.valid);
	return {
		report: readReport('people', read, checked, people, {
			summary: { rolesToAdd: people.items.reduce((n, i) => n + i.rolesToAdd.length, 0) },
			teams: [],
			people: people.items
		}),
		apply: (write) => applyPersonImport(write, actor, institutionId, people)
	};
}

async function importTarget(db: Database, actor: Actor | null, institutionId: string) {
	const owner = await visibleInstitution(db, actor, institutionId);
	authorize(actor, organisationPolicy, 'import.run', { institutionId: owner.id });
	assertInstitutionWritable(owner);
	return { owner, actor };
}

/** A dry run: what the file would create and update, and every bad row. Throws 404, 403, 409, 422 (kind). */
export async function previewImport(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	kind: unknown,
	bytes: Uint8Array
): Promise<ImportReport> {
	const { owner, actor: who } = await importTarget(db, actor, institutionId);
	return (await plan(db, who, owner.id, parseInput(importKindSchema, kind), bytes)).report;
}

/** The refusal of a file with errors: one Dutch message, with every problem as a field error. */
export function importRefused(report: ImportReport): AppError {
	const errors: FieldError[] = [
		...report.fileErrors.map((message) => ({ field: 'file', message })),
		...report.rowErrors.flatMap((row) =>
			row.errors.map((message) => ({ field: `rows.${row.line}`, message }))
		)
	];
	const lines = report.rowErrors.length;
	const message = report.fileErrors.length
		? 'Er is niets geïmporteerd: het bestand kon niet worden gelezen.'
		: `Er is niets geïmporteerd: ${lines} ${lines === 1 ? 'regel bevat' : 'regels bevatten'} fouten. Verbeter ${lines === 1 ? 'die regel' : 'die regels'} en importeer het bestand opnieuw.`;
	return new AppError(422, 'import_refused', message, errors);
}

/**
 * Imports a file entirely or not at all: the report is rebuilt inside one transaction
 * and any error (or a concurrent change that breaks a unique name) writes nothing.
 * Throws 404, 403, 409, 422 (`importRefused`).
 */
export async function runImport(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	kind: unknown,
	bytes: Uint8Array
): Promise<ImportReport> {
	const { owner, actor: who } = await importTarget(db, actor, institutionId);
	const importKind = parseInput(importKindSchema, kind);
	try {
		return await db.transaction(async (tx) => {
			const { report, apply } = await plan(tx, who, owner.id, importKind, bytes);
			if (!report.ok) throw importRefused(report);
			await apply(tx);
			await recordAudit(tx, who, {
				action: `import.${importKind}`,
				entityType: 'institution',
				entityId: owner.id,
				institutionId: owner.id,
				details: { rows: report.rowCount, ...report.summary }
			});
			return report;
		});
	} catch (error) {
		if (uniqueViolation(error)) {
			throw conflict(
				'Er is niets geïmporteerd: tijdens het importeren werd hetzelfde tegelijk door iemand anders gewijzigd. Probeer het opnieuw.'
			);
		}
		throw error;
	}
}
