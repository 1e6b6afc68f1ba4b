import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { user } from '../auth/auth.table.ts';
import { roleAssignment } from '../people/people.table.ts';
import { buildInstitution, buildPerson } from '../testing/factories.ts';
import { MAX_IMPORT_ROWS, previewImport, runImport } from './import.service.ts';
import { learningRoute, location, team } from './organisation.table.ts';
import { countRows, failure, useWorld } from './test-world.ts';

const { db, world } = useWorld();

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
const teamHeader = 'team;locatie;opleiding;opleidingscode;niveau;leerweg;sector';
const peopleHeader = 'naam;e-mail;rol;team';

/** Everything the teams import writes, to prove that a refused run wrote nothing. */
async function organisationCounts(institutionId: string) {
	const teamIds = (
		await db().select({ id: team.id }).from(team).where(eq(team.institutionId, institutionId))
	).map((t) => t.id);
	return {
		teams: teamIds.length,
		locations: await countRows(db(), location, eq(location.institutionId, institutionId)),
		routes: teamIds.length ? await countRows(db(), learningRoute, inArray(learningRoute.teamId, teamIds)) : 0,
		people: await countRows(db(), user),
		roles: await countRows(db(), roleAssignment)
	};
}

describe('teams import', () => {
	it('reports, in a dry run, what it would create and every bad row with its line; writes nothing', async () => {
		const owner = await buildInstitution(db());
		const qo = await buildPerson(db(), [{ role: 'quality_officer', institutionId: owner.id }]);
		const before = await organisationCounts(owner.id);
		const report = await previewImport(
			db(),
			qo.actor,
			owner.id,
			'teams',
			csv(
				teamHeader,
				'Zorg en Welzijn;Amsterdam;Verpleegkundige;25655;4;BOL;Zorg',
				'Zorg en Welzijn;Amsterdam;Verzorgende IG;2549;3;BBL;Zorg',
				'ICT;Haarlem;Software developer;25998;4;BOL;ICT',
				'ICT;Haarlem;Software developer;25998;5;BOL;ICT'
			)
		);
		expect(report.ok).toBe(false);
		expect(report.rowCount).toBe(4);
		expect(report.rowErrors).toEqual([
			{ line: 3, errors: ["regel 3: opleidingscode '2549' moet uit 5 cijfers bestaan (bijvoorbeeld 25180)"] },
			{ line: 5, errors: ["regel 5: niveau '5' moet 1, 2, 3 of 4 zijn"] }
		]);
		expect(report.teams.map((t) => [t.action, t.name, t.location, t.newLocation, t.lines])).toEqual([
			['create', 'Zorg en Welzijn', 'Amsterdam', true, [2]],
			['create', 'ICT', 'Haarlem', true, [4]]
		]);
		expect(report.summary).toMatchObject({ toCreate: 2, locationsToCreate: 2, routesToAdd: 2 });
		expect(await organisationCounts(owner.id)).toEqual(before);
	});

	it('refuses the real run of a file with one bad row and writes nothing at all', async () => {
		const owner = await buildInstitution(db());
		const qo = await buildPerson(db(), [{ role: 'quality_officer', institutionId: owner.id }]);
		const before = await organisationCounts(owner.id);
		const audits = await countRows(db(), auditEvent);
		const error = await failure(
			runImport(
				db(),
				qo.actor,
				owner.id,
				'teams',
				csv(
					teamHeader,
					'Zorg;Amsterdam;Verpleegkundige;25655;4;BOL;Zorg',
					'ICT;Haarlem;Developer;25998;4;BOLBBL;ICT'
				)
			)
		);
		expect(error.status).toBe(422);
		expect(error.message).toBe(
			'Er is niets geïmporteerd: 1 regel bevat fouten. Verbeter die regel en importeer het bestand opnieuw.'
		);
		expect(error.fieldErrors).toEqual([
			{ field: 'rows.3', message: "regel 3: leerweg 'BOLBBL' moet BOL of BBL zijn" }
		]);
		expect(await organisationCounts(owner.id)).toEqual(before);
		expect(await countRows(db(), auditEvent)).toBe(audits);
	});

	it('imports a good file, then matches existing teams by name on the next import', async () => {
		const owner = await buildInstitution(db());
		const qo = await buildPerson(db(), [{ role: 'quality_officer', institutionId: owner.id }]);
		const first = await runImport(
			db(),
			qo.actor,
			owner.id,
			'teams',
			csv(
				teamHeader,
				'Zorg en Welzijn;Amsterdam;Verpleegkundige;25655;4;BOL;Zorg',
				'Zorg en Welzijn;Amsterdam;Verzorgende IG;25491;3;BBL;Zorg',
				'ICT;;;;;;'
			)
		);
		expect(first.summary).toMatchObject({ toCreate: 2, locationsToCreate: 1, routesToAdd: 2 });
		expect(await organisationCounts(owner.id)).toMatchObject({ teams: 2, locations: 1, routes: 2 });

		const second = await previewImport(
			db(),
			qo.actor,
			owner.id,
			'teams',
			csv(
				teamHeader,
				'zorg  en welzijn;Amsterdam;Verpleegkundige;25655;4;BOL;Zorg',
				'ict;Haarlem;Developer;25998;4;BOL;ICT'
			)
		);
		expect(
			second.teams.map((t) => [t.action, t.name, t.locationChanged, t.sectorChanged, t.routesToAdd.length])
		).toEqual([
			['unchanged', 'Zorg en Welzijn', false, false, 0],
			['update', 'ICT', true, true, 1]
		]);
		await runImport(
			db(),
			qo.actor,
			owner.id,
			'teams',
			csv(teamHeader, 'ict;Haarlem;Developer;25998;4;BOL;ICT')
		);
		const [ict] = await db()
			.select()
			.from(team)
			.where(and(eq(team.institutionId, owner.id), eq(team.name, 'ICT')));
		expect(ict).toMatchObject({ sectorDomain: 'ICT' });
		expect(await organisationCounts(owner.id)).toMatchObject({ teams: 2, locations: 2, routes: 3 });
		const audit = await db()
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'import.teams'), eq(auditEvent.entityId, owner.id)));
		expect(audit).toHaveLength(2);
	});

	it('imports 500 rows in one go', async () => {
		const owner = await buildInstitution(db());
		const qo = await buildPerson(db(), [{ role: 'quality_officer', institutionId: owner.id }]);
		const rows = Array.from({ length: 500 }, (_, i) => {
			const n = Math.floor(i / 2);
			return `Team ${n};Locatie ${n % 7};Opleiding ${i};${String(10000 + i)};${(i % 4) + 1};${i % 2 ? 'BBL' : 'BOL'};Sector`;
		});
		const started = performance.now();
		const report = await runImport(db(), qo.actor, owner.id, 'teams', csv(teamHeader, ...rows));
		const ms = Math.round(performance.now() - started);
		console.info(`teams import: 500 rows in ${ms} ms`);
		expect(report.summary).toMatchObject({ toCreate: 250, locationsToCreate: 7, routesToAdd: 500 });
		expect(await organisationCounts(owner.id)).toMatchObject({ teams: 250, locations: 7, routes: 500 });
	});
});

describe('people import', () => {
	it('creates people, adds roles to people it knows, and reports unknown teams and forbidden roles per line', async () => {
		const report = await previewImport(
			db(),
			world.people.qoA.actor,
			world.a.id,
			'people',
			csv(
				peopleHeader,
				'Nieuw Teamlid;nieuw@alfa.nl;teamlid;Zorg A',
				`Lid Zorg A;${world.people.memberA1.email};teamleider;Techniek A`,
				`Lid Zorg A;${world.people.memberA1.email};teamlid;Zorg A`,
				'Onbekend;onbekend@alfa.nl;teamlid;Bestaat Niet',
				'Baas;baas@alfa.nl;bestuurder;'
			)
		);
		expect(report.rowErrors).toEqual([
			{
				line: 5,
				errors: ["regel 5: team 'Bestaat Niet' bestaat niet in deze instelling; importeer eerst de teams"]
			},
			{ line: 6, errors: ['regel 6: u mag de rol bestuurder niet toekennen'] }
		]);
		expect(
			report.people.map((p) => [
				p.action,
				p.email,
				p.rolesToAdd.map((r) => [r.role, r.teamName]),
				p.rolesKept
			])
		).toEqual([
			['create', 'nieuw@alfa.nl', [['team_member', 'Zorg A']], 0],
			['update', world.people.memberA1.email, [['team_lead', 'Techniek A']], 1]
		]);
	});

	it('is all-or-nothing: a bad row means no people, no roles', async () => {
		const before = await organisationCounts(world.a.id);
		const error = await failure(
			runImport(
				db(),
				world.people.qoA.actor,
				world.a.id,
				'people',
				csv(peopleHeader, 'Een;een@alfa.nl;teamlid;Zorg A', 'Twee;twee@alfa.nl;teamlid;Nergens')
			)
		);
		expect(error.status).toBe(422);
		expect(await organisationCounts(world.a.id)).toEqual(before);
	});

	it('writes people and roles, auditing every role assignment', async () => {
		const report = await runImport(
			db(),
			world.people.qoA.actor,
			world.a.id,
			'people',
			csv(
				peopleHeader,
				'Drie Docent;Drie@Alfa.nl;teamlid;Zorg A',
				'Drie Docent;drie@alfa.nl;teamleider;Techniek A',
				'Vier Begeleider;vier@alfa.nl;procesbegeleider;'
			)
		);
		expect(report.summary).toMatchObject({ toCreate: 2, rolesToAdd: 3 });
		const [drie] = await db().select().from(user).where(eq(user.email, 'drie@alfa.nl'));
		const roles = await db().select().from(roleAssignment).where(eq(roleAssignment.userId, drie!.id));
		expect(roles.map((r) => r.role).sort()).toEqual(['team_lead', 'team_member']);
		const audits = await db()
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.entityId, drie!.id), eq(auditEvent.action, 'role.assigned')));
		expect(audits).toHaveLength(2);
		expect(audits.every((a) => a.actorUserId === world.people.qoA.id && a.institutionId === world.a.id)).toBe(
			true
		);
	});

	it('renames a person of the institution when the file has another name', async () => {
		const report = await runImport(
			db(),
			world.people.qoA.actor,
			world.a.id,
			'people',
			csv(peopleHeader, `Lid Techniek A. (Anja);${world.people.memberA2.email};teamlid;Techniek A`)
		);
		expect(report.people[0]).toMatchObject({
			action: 'update',
			previousName: 'Lid Techniek A',
			rolesKept: 1
		});
		const [row] = await db().select().from(user).where(eq(user.id, world.people.memberA2.id));
		expect(row?.name).toBe('Lid Techniek A. (Anja)');
	});

	it('imports 500 people in one go', async () => {
		const rows = Array.from(
			{ length: 500 },
			(_, i) => `Persoon ${i};persoon${i}@groot.nl;teamlid;${i % 2 ? 'Zorg A' : 'Techniek A'}`
		);
		const started = performance.now();
		const report = await runImport(
			db(),
			world.people.qoA.actor,
			world.a.id,
			'people',
			csv(peopleHeader, ...rows)
		);
		console.info(`people import: 500 rows in ${Math.round(performance.now() - started)} ms`);
		expect(report.summary).toMatchObject({ toCreate: 500, rolesToAdd: 500 });
		expect(
			await countRows(db(), user, inArray(user.email, ['persoon0@groot.nl', 'persoon499@groot.nl']))
		).toBe(2);
	});
});

describe('who may import', () => {
	it('is the quality officer of the institution (and the network bureau)', async () => {
		const file = csv(teamHeader, 'Indringers;;;;;;');
		expect(
			(await failure(previewImport(db(), world.people.qoB.actor, world.a.id, 'teams', file))).status
		).toBe(404);
		expect((await failure(runImport(db(), world.people.qoB.actor, world.a.id, 'teams', file))).status).toBe(
			404
		);
		for (const key of ['execA', 'leadA1', 'memberA1'] as const) {
			expect(
				(await failure(runImport(db(), world.people[key].actor, world.a.id, 'teams', file))).status,
				key
			).toBe(403);
		}
		expect(await countRows(db(), team, eq(team.name, 'Indringers'))).toBe(0);
		expect((await previewImport(db(), world.people.admin.actor, world.a.id, 'teams', file)).ok).toBe(true);
	});

	it('refuses an unknown kind of import', async () => {
		const error = await failure(
			previewImport(db(), world.people.qoA.actor, world.a.id, 'budgets', csv(teamHeader))
		);
		expect(error.fieldErrors).toEqual([
			{ field: '_form', message: "soort import moet 'teams' of 'people' zijn" }
		]);
	});
});

describe('malformed files', () => {
	const preview = (bytes: Uint8Array, kind = 'teams') =>
		previewImport(db(), world.people.qoA.actor, world.a.id, kind, bytes);

	it('refuses an empty file and a file with only a header', async () => {
		expect((await preview(new Uint8Array())).fileErrors).toEqual(['Het bestand is leeg.']);
		expect((await preview(csv(teamHeader))).fileErrors).toEqual([
			'Het bestand bevat alleen een kopregel en geen regels met gegevens.'
		]);
	});

	it('names missing columns (also what a wrong delimiter looks like)', async () => {
		const missing = await preview(csv('naam;e-mail', 'Anja;anja@alfa.nl'), 'people');
		expect(missing.ok).toBe(false);
		expect(missing.fileErrors[0]).toMatch(/^Verplichte kolom ontbreekt: 'rol'\./);
		const pipes = await preview(csv('naam|e-mail|rol|team', 'Anja|anja@alfa.nl|teamlid|Zorg A'), 'people');
		expect(pipes.fileErrors[0]).toMatch(/^Verplichte kolommen ontbreken: 'naam', 'e-mail', 'rol'\./);
	});

	it('reads a comma-separated file as well', async () => {
		const commas = await preview(csv('naam,e-mail,rol,team', 'Anja,anja@alfa.nl,teamlid,Zorg A'), 'people');
		expect(commas.ok).toBe(true);
	});

	it('reads a Windows-1252 (latin-1) file with a warning to check accents, and refuses undecodable bytes', async () => {
		const latin1 = Uint8Array.from([
			...new TextEncoder().encode('naam;e-mail;rol;team\r\nZo'),
			0xeb,
			...new TextEncoder().encode(';zoe@alfa.nl;teamlid;Zorg A\r\n')
		]);
		const read = await preview(latin1, 'people');
		expect(read.ok).toBe(true);
		expect(read.people[0]?.name).toBe('Zoë');
		expect(read.warnings[0]).toMatch(/niet als UTF-8 opgeslagen/);
		const garbage = Uint8Array.from([
			...new TextEncoder().encode('naam;e-mail;rol;team\r\nA'),
			0x81,
			0x8d,
			...new TextEncoder().encode(';a@b.nl;teamlid;Zorg A\r\n')
		]);
		expect((await preview(garbage, 'people')).fileErrors[0]).toMatch(
			/^Het bestand is niet in UTF-8 opgeslagen/
		);
	});

	it('refuses a spreadsheet file, too many rows and too many bytes', async () => {
		const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
		expect((await preview(xlsx)).fileErrors[0]).toMatch(/^Dit is een spreadsheetbestand/);
		const many = csv(teamHeader, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `T${i};;;;;;`));
		expect((await preview(many)).fileErrors[0]).toMatch(/meer dan 5000 regels/);
		const big = csv(
			teamHeader,
			...Array.from({ length: 4000 }, (_, i) => `${'Team met een heel lange naam '.repeat(4)}${i};;;;;;`)
		);
		expect((await preview(big)).fileErrors[0]).toMatch(/^Het bestand is groter dan 400 kB/);
	});

	it('refuses the real run of a malformed file, writing nothing', async () => {
		const before = await organisationCounts(world.a.id);
		const error = await failure(
			runImport(db(), world.people.qoA.actor, world.a.id, 'teams', new Uint8Array())
		);
		expect(error).toMatchObject({
			status: 422,
			message: 'Er is niets geïmporteerd: het bestand kon niet worden gelezen.'
		});
		expect(error.fieldErrors).toEqual([{ field: 'file', message: 'Het bestand is leeg.' }]);
		expect(await organisationCounts(world.a.id)).toEqual(before);
	});
});

describe('example files', () => {
	it('import cleanly, teams first and then people', async () => {
		const { importTemplate } = await import('../../domain/organisation/import-templates.ts');
		const owner = await buildInstitution(db());
		const qo = await buildPerson(db(), [{ role: 'quality_officer', institutionId: owner.id }]);
		const bytes = (kind: 'teams' | 'people') => new TextEncoder().encode(importTemplate(kind).text);
		const teams = await runImport(db(), qo.actor, owner.id, 'teams', bytes('teams'));
		expect(teams.summary).toMatchObject({ toCreate: 3, locationsToCreate: 2, routesToAdd: 5 });
		const people = await runImport(db(), qo.actor, owner.id, 'people', bytes('people'));
		expect(people.summary).toMatchObject({ toCreate: 4, rolesToAdd: 5 });
	});
});
