import type { ImportKind } from './import-rows.ts';

// Example files offered for download on the import page: `;`-separated, UTF-8 with a
// byte order mark (so that Excel opens them as UTF-8 and shows ë and é correctly).
// The people example uses the teams of the teams example, so the two import in order.

const teams = [
	'team;locatie;opleiding;opleidingscode;niveau;leerweg;sector',
	'Zorg en Welzijn;Amsterdam-Noord;Verpleegkundige;25655;4;BOL;Zorg en welzijn',
	'Zorg en Welzijn;Amsterdam-Noord;Verzorgende IG;25491;3;BBL;Zorg en welzijn',
	'ICT;Haarlem;Software developer;25998;4;BOL;ICT',
	'ICT;Haarlem;Medewerker ICT-support;25606;2;BBL;ICT',
	'Entree;Amsterdam-Noord;Medewerker ondersteunend;25999;1;BOL;'
];

const people = [
	'naam;e-mail;rol;team',
	'Anja de Vries;a.devries@voorbeeld-roc.nl;teamleider;Zorg en Welzijn',
	'Bram Jansen;b.jansen@voorbeeld-roc.nl;teamlid;Zorg en Welzijn',
	'Chaimae El Idrissi;c.elidrissi@voorbeeld-roc.nl;teamlid;ICT',
	'Chaimae El Idrissi;c.elidrissi@voorbeeld-roc.nl;teamleider;Entree',
	'Daan Smit;d.smit@voorbeeld-roc.nl;procesbegeleider;'
];

/** The example CSV file of an import, as text (with a BOM) and its download name. */
export function importTemplate(kind: ImportKind): { filename: string; text: string } {
	const lines = kind === 'teams' ? teams : people;
	return {
		filename: kind === 'teams' ? 'voorbeeld-teams.csv' : 'voorbeeld-personen.csv',
		text: `\uFEFF${lines.join('\r\n')}\r\n`
	};
}
