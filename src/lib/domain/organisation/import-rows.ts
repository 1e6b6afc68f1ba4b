import type { z } from 'zod';
import {
	learningRouteInputSchema,
	optionalText,
	requiredEmail,
	requiredText,
	type LearningRouteInput,
	type TeamInput
} from './codes.ts';
import type { CsvColumn, CsvRow } from './csv.ts';
import { parseRoleName, roleLabels, teamRoles, type ImportableRole } from './role-names.ts';

// Row validation for the two imports an institution runs: its teams (with the learning
// routes they deliver) and its people (with their roles). Pure: whether a team named in
// the people import exists is for the import service to check against the database.

export type ImportKind = 'teams' | 'people';

/** Columns of the teams import; one row per team and learning route. */
export const teamImportColumns: readonly CsvColumn[] = [
	{ key: 'team', names: ['team', 'teamnaam', 'team name'], required: true },
	{ key: 'location', names: ['locatie', 'location', 'vestiging'] },
	{ key: 'route', names: ['opleiding', 'route', 'leerroute', 'learning route'] },
	{ key: 'code', names: ['opleidingscode', 'code', 'crebo', 'crebocode', 'qualification code'] },
	{ key: 'level', names: ['niveau', 'level'] },
	{ key: 'pathway', names: ['leerweg', 'pathway'] },
	{ key: 'sector', names: ['sector', 'domein', 'sector/domein', 'domain'] }
];

/** Columns of the people import; one row per person, role and team. */
export const personImportColumns: readonly CsvColumn[] = [
	{ key: 'name', names: ['naam', 'name', 'volledige naam', 'full name'], required: true },
	{
		key: 'email',
		names: ['e-mail', 'email', 'e-mailadres', 'emailadres', 'e-mail address', 'mail'],
		required: true
	},
	{ key: 'role', names: ['rol', 'role'], required: true },
	{ key: 'team', names: ['team', 'teamnaam', 'team name'] }
];

export const importColumns: Record<ImportKind, readonly CsvColumn[]> = {
	teams: teamImportColumns,
	people: personImportColumns
};

/** A valid teams-import row. Rows of the same team carry the same `team` values. */
export type TeamImportRow = { line: number; team: TeamInput; route: LearningRouteInput | null };
export type PersonImportRow = {
	line: number;
	name: string;
	email: string;
	role: ImportableRole;
	/** Set for team roles only. */
	teamName: string | null;
};
export type InvalidImportRow = { line: number; errors: string[] };
export type ImportValidation<R> = { valid: R[]; invalid: InvalidImportRow[]; warnings: string[] };
/** What the import needs from `readCsv`: rows keyed by the import's column keys. */
export type ParsedImport = { rows: readonly CsvRow[] };

/** Validates every row of a read CSV file; messages are Dutch and start with `regel N:`. */
export function validateImportRows(kind: 'teams', parsed: ParsedImport): ImportValidation<TeamImportRow>;
export function validateImportRows(kind: 'people', parsed: ParsedImport): ImportValidation<PersonImportRow>;
export function validateImportRows(
	kind: ImportKind,
	parsed: ParsedImport
): ImportValidation<TeamImportRow> | ImportValidation<PersonImportRow> {
	return kind === 'teams' ? validateTeamRows(parsed.rows) : validatePersonRows(parsed.rows);
}

const teamName = requiredText('team', 2, 200);
const locationName = optionalText('locatie', 200);
const sectorDomain = optionalText('sector', 200);
const personName = requiredText('naam', 1, 200);
const email = requiredEmail('e-mailadres');

/** Parses one value, adding the issue messages to `errors` when it fails. */
function check<S extends z.ZodType>(schema: S, value: unknown, errors: string[]): z.output<S> | undefined {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	for (const issue of result.error.issues) errors.push(issue.message);
	return undefined;
}

/** Names compare case-insensitively with spaces collapsed: "Team  zorg" is "team Zorg". */
function sameName(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

const at = (line: number, message: string) => `regel ${line}: ${message}`;

function validateTeamRow(
	values: Record<string, string>,
	errors: string[]
): Omit<TeamImportRow, 'line'> | null {
	const name = check(teamName, values.team, errors);
	const location = check(locationName, values.location, errors);
	const sector = check(sectorDomain, values.sector, errors);
	let route: LearningRouteInput | null = null;
	const routeName = values.route?.trim() ?? '';
	if (routeName !== '') {
		const input = {
			name: routeName,
			qualificationCode: values.code,
			level: values.level,
			pathway: values.pathway
		};
		route = check(learningRouteInputSchema, input, errors) ?? null;
	} else if ([values.code, values.level, values.pathway].some((value) => (value ?? '').trim() !== '')) {
		errors.push('opleiding is verplicht als opleidingscode, niveau of leerweg is ingevuld');
	}
	if (errors.length > 0 || name === undefined) return null;
	return { team: { name, locationName: location, sectorDomain: sector }, route };
}

type SeenTeam = { first: TeamImportRow; rows: TeamImportRow[]; routeLines: Map<string, number> };

function validateTeamRows(rows: readonly CsvRow[]): ImportValidation<TeamImportRow> {
	const valid: TeamImportRow[] = [];
	const invalid: InvalidImportRow[] = [];
	const teams = new Map<string, SeenTeam>();
	for (const { line, values } of rows) {
		const errors: string[] = [];
		const parsed = validateTeamRow(values, errors);
		if (parsed === null) {
			invalid.push({ line, errors: errors.map((message) => at(line, message)) });
			continue;
		}
		const row: TeamImportRow = { line, ...parsed };
		const seen = teams.get(sameName(row.team.name));
		if (seen === undefined) {
			teams.set(sameName(row.team.name), {
				first: row,
				rows: [row],
				routeLines: new Map([[routeKey(row.route), line]])
			});
			valid.push(row);
			continue;
		}
		const conflicts = teamConflicts(seen, row);
		if (conflicts.length > 0) {
			invalid.push({ line, errors: conflicts.map((message) => at(line, message)) });
			continue;
		}
		seen.rows.push(row);
		seen.routeLines.set(routeKey(row.route), line);
		valid.push(row);
	}
	for (const seen of teams.values()) shareTeamValues(seen.rows);
	return { valid, invalid, warnings: [] };
}

/** A team is identified by name within an institution; a route by code, level and pathway. */
function routeKey(route: LearningRouteInput | null): string {
	return route === null ? '' : `${route.qualificationCode}|${route.level}|${route.pathway}`;
}

function describeRoute(route: LearningRouteInput): string {
	return `opleiding ${route.qualificationCode} niveau ${route.level} ${route.pathway}`;
}

/** Rows of one team may add routes, but may not repeat one or disagree on locatie or sector. */
function teamConflicts(seen: SeenTeam, row: TeamImportRow): string[] {
	const name = seen.first.team.name;
	const earlierLine = seen.routeLines.get(routeKey(row.route));
	if (earlierLine !== undefined) {
		const what = row.route === null ? `team '${name}'` : `team '${name}' met ${describeRoute(row.route)}`;
		return [`${what} staat al op regel ${earlierLine}`];
	}
	const conflicts: string[] = [];
	for (const [field, label] of [
		['locationName', 'locatie'],
		['sectorDomain', 'sector']
	] as const) {
		const value = row.team[field];
		const earlier = seen.rows.find((other) => other.team[field] !== undefined);
		const earlierValue = earlier?.team[field];
		if (
			earlier &&
			value !== undefined &&
			earlierValue !== undefined &&
			sameName(value) !== sameName(earlierValue)
		) {
			conflicts.push(
				`team '${name}' heeft op regel ${earlier.line} ${label} '${earlierValue}', hier ${label} '${value}'`
			);
		}
	}
	return conflicts;
}

/** Gives every row of a team the same name, locatie and sector, so the service can upsert any of them. */
function shareTeamValues(rows: readonly TeamImportRow[]): void {
	const first = rows[0];
	if (first === undefined) return;
	const shared: TeamInput = {
		name: first.team.name,
		locationName: rows.find((row) => row.team.locationName !== undefined)?.team.locationName,
		sectorDomain: rows.find((row) => row.team.sectorDomain !== undefined)?.team.sectorDomain
	};
	for (const row of rows) row.team = { ...shared };
}

function validatePersonRow(
	line: number,
	values: Record<string, string>,
	errors: string[],
	warnings: string[]
): Omit<PersonImportRow, 'line'> | null {
	const name = check(personName, values.name, errors);
	const address = check(email, values.email, errors);
	const parsedRole = parseRoleName(values.role ?? '');
	if (!parsedRole.ok) errors.push(parsedRole.error);
	const role = parsedRole.ok ? parsedRole.role : undefined;
	const rawTeam = values.team?.trim() ?? '';
	let team: string | null = null;
	if (role !== undefined && teamRoles.includes(role)) {
		if (rawTeam === '') errors.push(`team is verplicht voor de rol ${roleLabels[role]}`);
		else team = check(teamName, rawTeam, errors) ?? null;
	} else if (role !== undefined && rawTeam !== '') {
		// Institution-wide roles hold no team; ignoring the cell beats refusing a usable row.
		warnings.push(
			at(
				line,
				`team '${rawTeam}' wordt genegeerd, want de rol ${roleLabels[role]} geldt voor de hele instelling`
			)
		);
	}
	if (errors.length > 0 || name === undefined || address === undefined || role === undefined) return null;
	return { name, email: address, role, teamName: team };
}

function validatePersonRows(rows: readonly CsvRow[]): ImportValidation<PersonImportRow> {
	const valid: PersonImportRow[] = [];
	const invalid: InvalidImportRow[] = [];
	const warnings: string[] = [];
	const byEmail = new Map<string, PersonImportRow>();
	const assignments = new Map<string, number>();
	for (const { line, values } of rows) {
		const errors: string[] = [];
		const rowWarnings: string[] = [];
		const parsed = validatePersonRow(line, values, errors, rowWarnings);
		if (parsed === null) {
			invalid.push({ line, errors: errors.map((message) => at(line, message)) });
			continue;
		}
		const row: PersonImportRow = { line, ...parsed };
		const conflict = personConflict(row, byEmail.get(row.email), assignments);
		if (conflict !== null) {
			invalid.push({ line, errors: [at(line, conflict)] });
			continue;
		}
		if (!byEmail.has(row.email)) byEmail.set(row.email, row);
		assignments.set(assignmentKey(row), line);
		warnings.push(...rowWarnings);
		valid.push(row);
	}
	return { valid, invalid, warnings };
}

/** A role assignment is one person (e-mail), one role, in one team or the institution. */
function assignmentKey(row: PersonImportRow): string {
	return `${row.email}|${row.role}|${row.teamName === null ? '' : sameName(row.teamName)}`;
}

/** An e-mail address is one person: same name on every row, and no repeated assignment. */
function personConflict(
	row: PersonImportRow,
	earlier: PersonImportRow | undefined,
	assignments: ReadonlyMap<string, number>
): string | null {
	if (earlier !== undefined && sameName(earlier.name) !== sameName(row.name)) {
		return `e-mailadres ${row.email} staat op regel ${earlier.line} met naam '${earlier.name}', hier met naam '${row.name}'`;
	}
	const earlierLine = assignments.get(assignmentKey(row));
	if (earlierLine === undefined) return null;
	const scope = row.teamName === null ? '' : ` in team '${row.teamName}'`;
	return `${row.email} als ${roleLabels[row.role]}${scope} staat al op regel ${earlierLine}`;
}
