import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';
import { importColumns, validateImportRows, type ImportKind } from './import-rows.ts';
import { parseRoleName } from './role-names.ts';

/** Reads CSV text as an upload of the given import; the header is line 1. */
function parse(kind: ImportKind, lines: string[]) {
	const result = readCsv(new TextEncoder().encode(lines.join('\r\n')), {
		columns: importColumns[kind]
	});
	if (!result.ok) throw new Error(result.errors.join(' | '));
	return result;
}

describe('teams import', () => {
	it('validates good and bad rows with the right line numbers', () => {
		const parsed = parse('teams', [
			'team;locatie;opleiding;opleidingscode;niveau;leerweg;sector',
			'Zorg & Welzijn;Amsterdam-Noord;Verzorgende IG;25491;3;BOL;Zorg en welzijn',
			'Techniek;;;;;;',
			'',
			'ICT;Haarlem;Software developer;2518;5;dual;ICT',
			'Z;;;;;;',
			'Entree;;;25250;1;BBL;',
			'Logistiek;Zaandam;Logistiek medewerker;25393;2;bbl;'
		]);
		const { valid, invalid } = validateImportRows('teams', parsed);
		expect(valid.map((row) => row.line)).toEqual([2, 3, 8]);
		expect(valid[0]).toEqual({
			line: 2,
			team: {
				name: 'Zorg & Welzijn',
				locationName: 'Amsterdam-Noord',
				sectorDomain: 'Zorg en welzijn'
			},
			route: { name: 'Verzorgende IG', qualificationCode: '25491', level: 3, pathway: 'BOL' }
		});
		expect(valid[1]).toMatchObject({ line: 3, team: { name: 'Techniek' }, route: null });
		expect(valid[2]?.route).toEqual({
			name: 'Logistiek medewerker',
			qualificationCode: '25393',
			level: 2,
			pathway: 'BBL'
		});
		expect(invalid).toEqual([
			{
				line: 5,
				errors: [
					"regel 5: opleidingscode '2518' moet uit 5 cijfers bestaan (bijvoorbeeld 25180)",
					"regel 5: niveau '5' moet 1, 2, 3 of 4 zijn",
					"regel 5: leerweg 'DUAL' moet BOL of BBL zijn"
				]
			},
			{ line: 6, errors: ['regel 6: team moet minstens 2 tekens hebben'] },
			{
				line: 7,
				errors: ['regel 7: opleiding is verplicht als opleidingscode, niveau of leerweg is ingevuld']
			}
		]);
	});

	it('requires code, niveau and leerweg once an opleiding is named', () => {
		const parsed = parse('teams', ['team;opleiding', 'Zorg;Verzorgende IG']);
		expect(validateImportRows('teams', parsed).invalid).toEqual([
			{
				line: 2,
				errors: [
					'regel 2: opleidingscode is verplicht',
					'regel 2: niveau is verplicht',
					'regel 2: leerweg is verplicht'
				]
			}
		]);
	});

	it('accepts the English column names', () => {
		const parsed = parse('teams', [
			'Team,Location,Route,Code,Level,Pathway,Sector',
			'Care,Utrecht,Nursing,25480,4,BOL,Care'
		]);
		const { valid, invalid } = validateImportRows('teams', parsed);
		expect(invalid).toEqual([]);
		expect(valid[0]?.route?.qualificationCode).toBe('25480');
	});

	it('lets one team deliver several routes on several rows and shares its locatie and sector', () => {
		const parsed = parse('teams', [
			'team;locatie;opleiding;opleidingscode;niveau;leerweg;sector',
			'Zorg;;Verzorgende IG;25491;3;BOL;',
			'zorg ;Amsterdam;Verzorgende IG;25491;3;BBL;Zorg',
			'Zorg;;Verpleegkundige;25480;4;BOL;'
		]);
		const { valid, invalid } = validateImportRows('teams', parsed);
		expect(invalid).toEqual([]);
		expect(valid.map((row) => row.team)).toEqual([
			{ name: 'Zorg', locationName: 'Amsterdam', sectorDomain: 'Zorg' },
			{ name: 'Zorg', locationName: 'Amsterdam', sectorDomain: 'Zorg' },
			{ name: 'Zorg', locationName: 'Amsterdam', sectorDomain: 'Zorg' }
		]);
		expect(valid.map((row) => row.route?.pathway)).toEqual(['BOL', 'BBL', 'BOL']);
	});

	it('detects duplicate teams and duplicate routes within the file', () => {
		const parsed = parse('teams', [
			'team;locatie;opleiding;opleidingscode;niveau;leerweg',
			'Techniek;;;;;',
			'Zorg;;Verzorgende IG;25491;3;BOL',
			'TECHNIEK;;;;;',
			'Zorg;;Verzorgende-IG;25491;3;bol'
		]);
		const { valid, invalid } = validateImportRows('teams', parsed);
		expect(valid.map((row) => row.line)).toEqual([2, 3]);
		expect(invalid).toEqual([
			{ line: 4, errors: ["regel 4: team 'Techniek' staat al op regel 2"] },
			{
				line: 5,
				errors: ["regel 5: team 'Zorg' met opleiding 25491 niveau 3 BOL staat al op regel 3"]
			}
		]);
	});

	it('refuses rows of one team that disagree on locatie or sector', () => {
		const parsed = parse('teams', [
			'team;locatie;opleiding;opleidingscode;niveau;leerweg;sector',
			'Zorg;Amsterdam;Verzorgende IG;25491;3;BOL;Zorg',
			'Zorg;Haarlem;Verzorgende IG;25491;3;BBL;Welzijn'
		]);
		expect(validateImportRows('teams', parsed).invalid).toEqual([
			{
				line: 3,
				errors: [
					"regel 3: team 'Zorg' heeft op regel 2 locatie 'Amsterdam', hier locatie 'Haarlem'",
					"regel 3: team 'Zorg' heeft op regel 2 sector 'Zorg', hier sector 'Welzijn'"
				]
			}
		]);
	});
});

describe('role names', () => {
	it.each([
		['teamleider', 'team_lead'],
		['Teamlid', 'team_member'],
		['docent', 'team_member'],
		['KWALITEITSZORGMEDEWERKER', 'quality_officer'],
		['bestuurder', 'executive'],
		['Directeur', 'executive'],
		['procesbegeleider', 'facilitator'],
		['team_lead', 'team_lead'],
		['team member', 'team_member'],
		['quality-officer', 'quality_officer'],
		['executive', 'executive'],
		['facilitator', 'facilitator']
	])('reads %s as %s', (name, role) => {
		expect(parseRoleName(name)).toEqual({ ok: true, role });
	});

	it('refuses roles that are not imported, unknown roles and prototype keys', () => {
		expect(parseRoleName('auditor')).toEqual({
			ok: false,
			error: "rol 'auditor' kan niet via een import worden toegekend"
		});
		expect(parseRoleName('network_admin').ok).toBe(false);
		expect(parseRoleName('stagiair')).toMatchObject({
			ok: false,
			error: expect.stringContaining("rol 'stagiair' is onbekend")
		});
		expect(parseRoleName('constructor').ok).toBe(false);
		expect(parseRoleName(' ')).toEqual({ ok: false, error: 'rol is verplicht' });
	});
});

describe('people import', () => {
	it('validates good and bad rows, with Dutch role names, by line', () => {
		const parsed = parse('people', [
			'naam;e-mail;rol;team',
			'Anja de Vries;Anja.deVries@ROC.nl;teamleider;Zorg',
			'Bram Jansen;bram@roc.nl;Teamlid;Zorg',
			'Cor Bakker;cor@roc;teamlid;Zorg',
			'Dilan Yilmaz;dilan@roc.nl;kwaliteitszorgmedewerker;',
			'Eva;eva@roc.nl;stagiair;Zorg',
			';;teamlid;',
			'Fatima El Amrani;fatima@roc.nl;directeur;',
			'Gijs;gijs@roc.nl;procesbegeleider;'
		]);
		const { valid, invalid, warnings } = validateImportRows('people', parsed);
		expect(valid).toEqual([
			{
				line: 2,
				name: 'Anja de Vries',
				email: 'anja.devries@roc.nl',
				role: 'team_lead',
				teamName: 'Zorg'
			},
			{ line: 3, name: 'Bram Jansen', email: 'bram@roc.nl', role: 'team_member', teamName: 'Zorg' },
			{
				line: 5,
				name: 'Dilan Yilmaz',
				email: 'dilan@roc.nl',
				role: 'quality_officer',
				teamName: null
			},
			{
				line: 8,
				name: 'Fatima El Amrani',
				email: 'fatima@roc.nl',
				role: 'executive',
				teamName: null
			},
			{ line: 9, name: 'Gijs', email: 'gijs@roc.nl', role: 'facilitator', teamName: null }
		]);
		expect(invalid).toEqual([
			{ line: 4, errors: ["regel 4: e-mailadres 'cor@roc' is geen geldig e-mailadres"] },
			{
				line: 6,
				errors: [
					"regel 6: rol 'stagiair' is onbekend; kies teamleider, teamlid, kwaliteitszorgmedewerker, bestuurder of procesbegeleider"
				]
			},
			{
				line: 7,
				errors: [
					'regel 7: naam is verplicht',
					'regel 7: e-mailadres is verplicht',
					'regel 7: team is verplicht voor de rol teamlid'
				]
			}
		]);
		expect(warnings).toEqual([]);
	});

	it('accepts English column names and a file without a team column', () => {
		const parsed = parse('people', ['Name,E-mail,Role', 'Dilan,dilan@roc.nl,quality_officer']);
		expect(validateImportRows('people', parsed).valid).toEqual([
			{ line: 2, name: 'Dilan', email: 'dilan@roc.nl', role: 'quality_officer', teamName: null }
		]);
	});

	it('ignores a team given for an institution-wide role, with a warning', () => {
		const parsed = parse('people', ['naam;e-mail;rol;team', 'Dilan;dilan@roc.nl;bestuurder;Zorg']);
		const { valid, warnings } = validateImportRows('people', parsed);
		expect(valid[0]).toMatchObject({ role: 'executive', teamName: null });
		expect(warnings).toEqual([
			"regel 2: team 'Zorg' wordt genegeerd, want de rol bestuurder geldt voor de hele instelling"
		]);
	});

	it('lets one person hold several roles and teams, but not the same one twice', () => {
		const parsed = parse('people', [
			'naam;e-mail;rol;team',
			'Anja de Vries;anja@roc.nl;teamleider;Zorg',
			'Anja de Vries;anja@roc.nl;teamlid;ICT',
			'anja de  vries;ANJA@roc.nl;team_lead;zorg',
			'Anja de Vries;anja@roc.nl;kwaliteitszorgmedewerker;',
			'Anja de Vries;anja@roc.nl;kwaliteitszorgmedewerker;',
			'A. de Vries;anja@roc.nl;teamlid;Techniek'
		]);
		const { valid, invalid } = validateImportRows('people', parsed);
		expect(valid.map((row) => row.line)).toEqual([2, 3, 5]);
		expect(invalid).toEqual([
			{
				line: 4,
				errors: ["regel 4: anja@roc.nl als teamleider in team 'zorg' staat al op regel 2"]
			},
			{
				line: 6,
				errors: ['regel 6: anja@roc.nl als kwaliteitszorgmedewerker staat al op regel 5']
			},
			{
				line: 7,
				errors: [
					"regel 7: e-mailadres anja@roc.nl staat op regel 2 met naam 'Anja de Vries', hier met naam 'A. de Vries'"
				]
			}
		]);
	});
});
