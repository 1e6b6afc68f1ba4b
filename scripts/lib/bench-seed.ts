// The SQL that generates a sector for `npm run seed:scale`. Everything is set-based
// (INSERT … SELECT … generate_series) and runs in batches of teams; Node only sends
// statements. Plans live in scratch tables in schema `seed_scale`, dropped at the end.
// Evaluations are inserted unfinalised, get their ratings, findings and capacity
// assessments, and are finalised last — the order the app itself follows, so the
// immutability trigger on finalised evaluations holds throughout.
import type pg from 'pg';
import type { ModelDocument } from '#lib/domain/model/model-document.ts';
import { BENCH_DOMAIN, benchAccounts } from './bench-accounts.ts';

export interface SeedOptions {
	/** 1 = the full sector (~70 institutions, ~10,000 teams, ~100,000 evaluations). */
	scale: number;
	/** Teams per batch (one transaction each). */
	batchTeams: number;
	modelVersionId: string;
	model: ModelDocument;
	/** scrypt hash of the bench password, shared by every generated account. */
	passwordHash: string;
	log: (line: string) => void;
}

export interface SeedCounts {
	institutions: number;
	teams: number;
}

type Client = pg.ClientBase;

/** A deterministic PRNG (mulberry32) for the few choices made in Node. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A SQL text[] literal of trusted constants (keys and phrases written here or in the model). */
const textArray = (items: readonly string[]) =>
	`array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(',')}]::text[]`;

const cities = [
	'Utrecht',
	'Amersfoort',
	'Zwolle',
	'Deventer',
	'Arnhem',
	'Nijmegen',
	'Eindhoven',
	'Tilburg',
	'Breda',
	'Den Bosch',
	'Maastricht',
	'Venlo',
	'Rotterdam',
	'Dordrecht',
	'Den Haag',
	'Leiden',
	'Haarlem',
	'Amsterdam',
	'Alkmaar',
	'Hoorn',
	'Almere',
	'Lelystad',
	'Groningen',
	'Leeuwarden',
	'Assen',
	'Emmen',
	'Enschede',
	'Hengelo',
	'Apeldoorn',
	'Ede',
	'Middelburg',
	'Goes',
	'Roermond',
	'Heerlen',
	'Gouda'
];
const institutionPrefixes = ['ROC', 'mbo College', 'Vakcollege', 'Regio College'];
const programmes: readonly (readonly [string, string])[] = [
	['Verpleegkunde', 'Zorg en welzijn'],
	['Maatschappelijke zorg', 'Zorg en welzijn'],
	['Pedagogisch werk', 'Zorg en welzijn'],
	['Doktersassistent', 'Zorg en welzijn'],
	['Mechatronica', 'Techniek en procesindustrie'],
	['Elektrotechniek', 'Techniek en procesindustrie'],
	['Procestechniek', 'Techniek en procesindustrie'],
	['Installatietechniek', 'Techniek en procesindustrie'],
	['Software development', 'ICT en creatieve industrie'],
	['ICT-support', 'ICT en creatieve industrie'],
	['Mediavormgeving', 'ICT en creatieve industrie'],
	['Bedrijfsadministratie', 'Economie en administratie'],
	['Commercie', 'Economie en administratie'],
	['Secretariaat', 'Economie en administratie'],
	['Timmeren', 'Bouw en infra'],
	['Infratechniek', 'Bouw en infra'],
	['Logistiek', 'Mobiliteit, transport en logistiek'],
	['Autotechniek', 'Mobiliteit, transport en logistiek'],
	['Hovenier', 'Groen (voedsel, natuur en leefomgeving)'],
	['Dierverzorging', 'Groen (voedsel, natuur en leefomgeving)'],
	['Koken', 'Horeca, toerisme en voeding'],
	['Gastheer/-vrouw', 'Horeca, toerisme en voeding'],
	['Beveiliging', 'Dienstverlening en veiligheid'],
	['Sport en bewegen', 'Dienstverlening en veiligheid']
];
const firstNames = [
	'Anouk',
	'Bram',
	'Fatima',
	'Daan',
	'Emma',
	'Mohammed',
	'Sanne',
	'Lars',
	'Yara',
	'Thijs',
	'Noa',
	'Sem',
	'Aylin',
	'Jesse',
	'Lotte',
	'Milan',
	'Iris',
	'Ruben',
	'Zeynep',
	'Bas'
];
const lastNames = [
	'de Vries',
	'Jansen',
	'van Dijk',
	'Bakker',
	'Visser',
	'Smit',
	'Meijer',
	'de Boer',
	'Mulder',
	'Yilmaz',
	'El Amrani',
	'de Groot',
	'Bos',
	'Vos',
	'Peters',
	'Hendriks',
	'van Leeuwen',
	'Dekker'
];
const findingTexts: Record<string, readonly string[]> = {
	strength: [
		'Studenten voelen zich gehoord in de teamoverleggen.',
		'Het team werkt met een gedeelde visie op goed onderwijs.',
		'De band met het werkveld is sterk en actueel.',
		'Feedback op examens wordt systematisch gebruikt.'
	],
	concern: [
		'De terugkoppeling naar studenten blijft achter.',
		'Afspraken over examinering zijn niet overal bekend.',
		'Het werkveld is weinig betrokken bij de herziening van het programma.',
		'Verbeteracties worden niet altijd afgemaakt.'
	],
	good_practice: [
		'Studentpanel per periode met zichtbare opvolging.',
		'Gezamenlijke kalibratiesessies voor beoordelaars.',
		'Praktijkopdrachten samen met leerbedrijven ontworpen.'
	],
	risk: [
		'Hoge werkdruk in het team bedreigt de continuïteit.',
		'Vergrijzing in het team: kennis dreigt te verdwijnen.',
		'Dalende instroom maakt de opleiding kwetsbaar.'
	]
};
const capacityNotes = [
	'Helpt bij het gesprek over kwaliteit.',
	'Staat onder druk door roosterproblemen.',
	'Zichtbaar in de manier waarop we samen leren.',
	'Nog te weinig ontwikkeld in het team.'
];
const actionTitles = [
	'Studentpanel elke periode organiseren',
	'Examenafspraken vastleggen en delen',
	'Werkveldraad twee keer per jaar betrekken',
	'Feedbackcyclus na elke periode invoeren',
	'Kalibratiesessie beoordelaars plannen',
	'Teamdag over de gedeelde visie',
	'Actielijst maandelijks bespreken in het teamoverleg'
];
const ambitionTexts = [
	'We willen dat studenten en werkveld zichtbaar meepraten over ons onderwijs.',
	'Binnen twee jaar werken we aantoonbaar boven de standaard.',
	'We maken onze kwaliteitscultuur zichtbaar in de dagelijkse praktijk.',
	'Verbeteren is vanzelfsprekend: we sluiten elke cyclus af.'
];
const motivations = [
	'Dit zie ik terug in de lessen.',
	'Wordt wel besproken, maar niet opgevolgd.',
	'Goed geregeld sinds vorig jaar.',
	'Hier hebben we nog weinig zicht op.'
];

// Per perspective: how its respondents tend to rate relative to the subject's mean.
const perspectiveBias = `case r.perspective
	when 'student' then -0.25 when 'teacher' then 0.1 when 'work_field' then -0.05
	when 'management' then 0.3 when 'board' then 0.25 when 'support' then 0 else -0.1 end`;

const noise = (spread: number) => `((random() + random() + random() - 1.5) * ${spread})`;

/** Built-in instrument types by level, read from the database (the evaluations migration inserts them). */
async function instrumentTypes(client: Client, log: (line: string) => void) {
	let { rows } = await client.query<{ id: string; name: string; level: string; self: boolean }>(
		`select id, name, level::text as level, self_evaluation as self from instrument_type
		 where institution_id is null and archived_at is null order by key`
	);
	if (rows.length === 0) {
		// Until the built-in instruments arrive by migration, a seed needs its own.
		log('  no built-in instrument types found: inserting a stand-in set');
		await client.query(`insert into instrument_type (key, name, level, self_evaluation) values
			('zelfevaluatie-team', 'Zelfevaluatie (team)', 'team', true),
			('zelfevaluatie-instelling', 'Zelfevaluatie (instelling)', 'institution', true),
			('kwaliteitstafel', 'Kwaliteitstafel', 'team', false),
			('peer-review', 'Peer review', 'team', false),
			('panel-review-team', 'Panel review (team)', 'team', false),
			('panel-review-instelling', 'Panel review (instelling)', 'institution', false),
			('instellingsdialoog', 'Instellingsdialoog', 'institution', false),
			('instellingsaudit', 'Instellingsaudit', 'institution', false),
			('thema-audit', 'Thema-audit', 'institution', false)`);
		({ rows } = await client.query(
			`select id, name, level::text as level, self_evaluation as self from instrument_type
			 where institution_id is null order by key`
		));
	}
	const pick = (level: string, self: boolean) => rows.filter((r) => r.level === level && r.self === self);
	const result = {
		teamSelf: pick('team', true),
		teamOther: pick('team', false),
		instSelf: pick('institution', true),
		instOther: pick('institution', false)
	};
	for (const [k, v] of Object.entries(result))
		if (v.length === 0) throw new Error(`no instrument type for ${k}`);
	return result;
}

const uuidArray = (rows: readonly { id: string }[]) =>
	`array[${rows.map((r) => `'${r.id}'`).join(',')}]::uuid[]`;
const pickFrom = (array: string, count: number, r = 'random()') =>
	`(${array})[1 + floor(${r} * ${count})::int]`;

/** Scratch tables, institutions, locations, teams and learning routes. */
export async function seedOrganisation(client: Client, o: SeedOptions): Promise<SeedCounts> {
	const rnd = prng(20_261_103);
	const institutions = Math.max(3, Math.round(70 * o.scale));
	const teams = Math.max(institutions * 3, Math.round(10_000 * o.scale));
	// Sizes vary from small vakinstellingen to large ROCs; institution 1 is a large one.
	const weights = Array.from({ length: institutions }, (_, i) => (i === 0 ? 2.4 : 0.3 + rnd() * 1.9));
	const total = weights.reduce((a, b) => a + b, 0);
	const sizes = weights.map((w) => Math.max(3, Math.floor((w / total) * teams)));
	sizes[0]! += teams - sizes.reduce((a, b) => a + b, 0);
	const locations = weights.map((w) => 2 + Math.min(6, Math.floor(w * 2)));

	await client.query(`
		drop schema if exists seed_scale cascade;
		create schema seed_scale;
		create unlogged table seed_scale.inst (
			idx int primary key, id uuid not null default gen_random_uuid(), n_teams int not null,
			n_locations int not null, location_ids uuid[], qo_id text not null default gen_random_uuid()::text,
			exec_id text not null default gen_random_uuid()::text, base real not null default 0, trend real not null default 0);
		create unlogged table seed_scale.team (
			idx int primary key, id uuid not null, inst_idx int not null, institution_id uuid not null, no int not null,
			k int not null, location_id uuid, n_routes int not null, n_ev int not null, base real not null, trend real not null,
			lead_id text not null, member1_id text not null, member2_id text not null);`);
	await client.query(
		`insert into seed_scale.inst (idx, n_teams, n_locations, base, trend)
		 select idx, n, l, 2.3 + ${noise(0.4)}, 0.02 + random() * 0.06
		 from unnest($1::int[], $2::int[], $3::int[]) as u(idx, n, l)`,
		[sizes.map((_, i) => i + 1), sizes, locations]
	);
	await client.query(`
		insert into institution (id, name, rio_code, brin_code, joined_on, contact_name, contact_email, fee_cents)
		select i.id,
			format('%s %s', (${textArray(institutionPrefixes)})[1 + ((i.idx - 1) / ${cities.length}) % ${institutionPrefixes.length}],
				(${textArray(cities)})[1 + (i.idx - 1) % ${cities.length}])
				|| case when i.idx > ${cities.length * institutionPrefixes.length} then ' ' || i.idx else '' end,
			lpad((100 + i.idx)::text, 3, '0') || chr(65 + i.idx % 26) || lpad(((i.idx * 37) % 1000)::text, 3, '0'),
			case when i.idx < 100 then lpad(i.idx::text, 2, '0') || chr(65 + (i.idx / 26) % 26) || chr(65 + i.idx % 26) end,
			date '2016-01-01' + i.idx * 17,
			'Kwaliteitszorg ' || i.idx, format('kwaliteit-%s@${BENCH_DOMAIN}', lpad(i.idx::text, 3, '0')),
			250000 + i.n_teams * 1000
		from seed_scale.inst i order by i.idx`);
	await client.query(`
		insert into location (institution_id, name, city)
		select i.id, format('Locatie %s', g),
			(${textArray(cities)})[1 + (i.idx + g * 7) % ${cities.length}]
		from seed_scale.inst i cross join generate_series(1, i.n_locations) g;
		update seed_scale.inst i set location_ids = (
			select array_agg(l.id order by l.name) from location l where l.institution_id = i.id);`);
	await client.query(`
		insert into seed_scale.team (idx, id, inst_idx, institution_id, no, k, location_id, n_routes, n_ev, base, trend,
			lead_id, member1_id, member2_id)
		select row_number() over (order by s.inst_idx, s.no), gen_random_uuid(), s.inst_idx, s.institution_id, s.no, s.k,
			s.location_ids[1 + floor(s.r * s.n_locations)::int], s.n_routes, s.n_ev,
			s.inst_base + ${noise(0.55)}, s.inst_trend + (random() - 0.5) * 0.05,
			gen_random_uuid()::text, gen_random_uuid()::text, gen_random_uuid()::text
		from (
			select i.idx as inst_idx, i.id as institution_id, i.location_ids, i.n_locations, i.base as inst_base,
				i.trend as inst_trend, g as no, floor(random() * ${programmes.length})::int as k, random() as r,
				1 + floor(random() * 3)::int as n_routes, 8 + floor(random() * 5)::int as n_ev
			from seed_scale.inst i cross join generate_series(1, i.n_teams) g
		) s`);
	await client.query(`
		insert into team (id, institution_id, location_id, name, sector_domain)
		select t.id, t.institution_id, t.location_id,
			format('%s %s', (${textArray(programmes.map((p) => p[0]))})[t.k + 1], t.no),
			(${textArray(programmes.map((p) => p[1]))})[t.k + 1]
		from seed_scale.team t order by t.idx;
		insert into learning_route (team_id, name, qualification_code, level, pathway)
		select t.id, (${textArray(programmes.map((p) => p[0]))})[t.k + 1] || case when r > 1 then ' (niveau ' || (1 + r) || ')' else '' end,
			lpad((20000 + t.k * 100 + r)::text, 5, '0'), 1 + r, (case when r = 2 then 'BBL' else 'BOL' end)::pathway
		from seed_scale.team t cross join generate_series(1, t.n_routes) r;`);
	return { institutions, teams };
}

/** Accounts with roles: a network admin, per institution a quality officer and an executive, per team a lead and two members. */
export async function seedPeople(client: Client, o: SeedOptions): Promise<number> {
	const name = `(${pickFrom(textArray(firstNames), firstNames.length)} || ' ' || ${pickFrom(textArray(lastNames), lastNames.length)})`;
	await client.query(`
		create unlogged table seed_scale.person (id text primary key, email text not null, name text not null,
			role role not null, institution_id uuid, team_id uuid);
		insert into seed_scale.person values
			(gen_random_uuid()::text, '${benchAccounts.networkAdmin}', 'Bench Beheerder', 'network_admin', null, null);
		insert into seed_scale.person
		select i.qo_id, format('kwaliteit-%s@${BENCH_DOMAIN}', lpad(i.idx::text, 3, '0')), ${name}, 'quality_officer'::role, i.id, null::uuid
		from seed_scale.inst i
		union all
		select i.exec_id, format('bestuur-%s@${BENCH_DOMAIN}', lpad(i.idx::text, 3, '0')), ${name}, 'executive'::role, i.id, null::uuid
		from seed_scale.inst i;
		insert into seed_scale.person
		select t.lead_id, format('teamleider-%s@${BENCH_DOMAIN}', lpad(t.idx::text, 5, '0')), ${name}, 'team_lead'::role, t.institution_id, t.id
		from seed_scale.team t
		union all
		select t.member1_id, format('docent-%s-1@${BENCH_DOMAIN}', lpad(t.idx::text, 5, '0')), ${name}, 'team_member'::role, t.institution_id, t.id
		from seed_scale.team t
		union all
		select t.member2_id, format('docent-%s-2@${BENCH_DOMAIN}', lpad(t.idx::text, 5, '0')), ${name}, 'team_member'::role, t.institution_id, t.id
		from seed_scale.team t;`);
	await client.query(
		`insert into "user" (id, name, email, email_verified) select id, name, email, true from seed_scale.person;
		 insert into account (id, account_id, provider_id, user_id, password)
		 select gen_random_uuid()::text, id, 'credential', id, '${o.passwordHash.replaceAll("'", "''")}' from seed_scale.person;
		 insert into role_assignment (user_id, role, institution_id, team_id)
		 select id, role, institution_id, team_id from seed_scale.person;`
	);
	const { rows } = await client.query<{ n: number }>('select count(*)::int as n from seed_scale.person');
	return rows[0]!.n;
}

/** Plans every evaluation (dates, instrument, scope, respondents, status, revisions) in seed_scale.ev. */
export async function planEvaluations(
	client: Client,
	o: SeedOptions
): Promise<{ evaluations: number; batches: number }> {
	const instruments = await instrumentTypes(client, o.log);
	const { model } = o;
	// Scope variants per level: all standards of the level, or the standards of one or two values.
	const scopes: { level: string; standards: string[]; values: string[]; all: boolean }[] = [];
	for (const level of ['team', 'institution']) {
		const standards = model.standards.filter((s) => s.levelKey === level);
		const fromValues = (values: string[]) => ({
			level,
			standards: standards.filter((s) => s.valueKeys.some((v) => values.includes(v))).map((s) => s.key),
			values,
			all: false
		});
		const all = {
			level,
			standards: standards.map((s) => s.key),
			values: model.values.map((v) => v.key),
			all: true
		};
		// Scope "all" four times as often as a chosen theme.
		scopes.push(all, all, all, all);
		for (let i = 0; i < model.values.length; i += 2) {
			const chosen = fromValues(model.values.slice(i, i + 2).map((v) => v.key));
			if (chosen.standards.length > 0) scopes.push(chosen);
		}
	}
	const instrumentName = new Map(
		Object.values(instruments)
			.flat()
			.map((i) => [i.id, i.name])
	);
	await client.query(`
		create unlogged table seed_scale.scope (level subject_level, idx int, standard_keys text[], value_keys text[], scope_all boolean,
			primary key (level, idx));
		create unlogged table seed_scale.instr (id uuid primary key, name text not null);
		create unlogged table seed_scale.std (key text primary key, value_keys text[] not null, offset_ real not null);
		create unlogged table seed_scale.ev (
			id uuid primary key, team_idx int, team_id uuid, inst_idx int not null, institution_id uuid not null,
			level subject_level not null, at timestamptz not null, instrument_id uuid not null, self boolean not null,
			scope_idx int not null, status evaluation_status not null default 'finalised', mean real not null,
			n_student int not null, n_teacher int not null, n_work int not null, n_mgmt int not null, n_board int not null,
			n_support int not null, n_external int not null, n_findings int not null, n_actions int not null,
			owner_id text not null, revision int not null default 1, revision_of uuid, superseded_by uuid, batch int not null);`);
	for (const [level, list] of Object.entries({
		team: scopes.filter((s) => s.level === 'team'),
		institution: scopes.filter((s) => s.level === 'institution')
	})) {
		for (const [idx, s] of list.entries()) {
			await client.query('insert into seed_scale.scope values ($1, $2, $3, $4, $5)', [
				level,
				idx,
				s.standards,
				s.values,
				s.all
			]);
		}
	}
	for (const [id, name] of instrumentName)
		await client.query('insert into seed_scale.instr values ($1, $2)', [id, name]);
	for (const s of model.standards) {
		await client.query('insert into seed_scale.std values ($1, $2, ($3::real - 0.5) * 0.6)', [
			s.key,
			s.valueKeys,
			((s.key.length * 7919) % 100) / 100
		]);
	}
	const teamScopes = scopes.filter((s) => s.level === 'team').length;
	const instScopes = scopes.filter((s) => s.level === 'institution').length;
	const years = `(extract(epoch from (s.at - (now() - interval '6 years'))) / 31557600)`;
	// Team evaluations: ~10 per team over six years, two in three a self-evaluation.
	await client.query(`
		insert into seed_scale.ev (id, team_idx, team_id, inst_idx, institution_id, level, at, instrument_id, self, scope_idx, mean,
			n_student, n_teacher, n_work, n_mgmt, n_board, n_support, n_external, n_findings, n_actions, owner_id, batch)
		select gen_random_uuid(), s.idx, s.id, s.inst_idx, s.institution_id, 'team', s.at,
			case when s.r < 0.65 then ${pickFrom(uuidArray(instruments.teamSelf), instruments.teamSelf.length, 's.r2')}
				else ${pickFrom(uuidArray(instruments.teamOther), instruments.teamOther.length, 's.r2')} end,
			s.r < 0.65, floor(s.r3 * ${teamScopes})::int, s.base + s.trend * ${years},
			case when s.r4 < 0.15 then 2 + floor(random() * 3)::int else 5 + floor(random() * 4)::int end,
			2 + floor(random() * 2)::int, floor(random() * 3)::int, 1, 0, 0, 0,
			2 + floor(random() * 4)::int, floor(random() * 4)::int, s.lead_id, (s.idx - 1) / ${o.batchTeams}
		from (
			select t.*, now() - interval '6 years' + ((g - 1 + 0.1 + random() * 0.8) / t.n_ev) * interval '6 years' as at,
				random() as r, random() as r2, random() as r3, random() as r4
			from seed_scale.team t cross join generate_series(1, t.n_ev) g
		) s`);
	// Institution evaluations: ~10 per institution, heard from management, board, teachers and others.
	await client.query(`
		insert into seed_scale.ev (id, team_idx, team_id, inst_idx, institution_id, level, at, instrument_id, self, scope_idx, mean,
			n_student, n_teacher, n_work, n_mgmt, n_board, n_support, n_external, n_findings, n_actions, owner_id, batch)
		select gen_random_uuid(), null, null, s.idx, s.id, 'institution', s.at,
			case when s.r < 0.6 then ${pickFrom(uuidArray(instruments.instSelf), instruments.instSelf.length, 's.r2')}
				else ${pickFrom(uuidArray(instruments.instOther), instruments.instOther.length, 's.r2')} end,
			s.r < 0.6, floor(s.r3 * ${instScopes})::int, s.base + s.trend * ${years},
			case when random() < 0.5 then 0 else 5 + floor(random() * 3)::int end,
			3 + floor(random() * 3)::int, floor(random() * 2)::int, 2 + floor(random() * 2)::int, 1 + floor(random() * 2)::int,
			1 + floor(random() * 2)::int, floor(random() * 3)::int,
			3 + floor(random() * 4)::int, 1 + floor(random() * 3)::int, s.qo_id, 1000000
		from (
			select i.*, now() - interval '6 years' + ((g - 1 + 0.1 + random() * 0.8) / 10) * interval '6 years' as at,
				random() as r, random() as r2, random() as r3
			from seed_scale.inst i cross join generate_series(1, 10) g
		) s`);
	// The most recent work is still under way.
	await client.query(`
		update seed_scale.ev set status = (array['preparation', 'execution', 'execution', 'reporting']::evaluation_status[])[1 + floor(random() * 4)::int]
		where at > now() - interval '60 days'`);
	// A few finalised evaluations were corrected later by a revision.
	await client.query(`
		insert into seed_scale.ev (id, team_idx, team_id, inst_idx, institution_id, level, at, instrument_id, self, scope_idx, mean,
			n_student, n_teacher, n_work, n_mgmt, n_board, n_support, n_external, n_findings, n_actions, owner_id, batch,
			revision, revision_of)
		select gen_random_uuid(), team_idx, team_id, inst_idx, institution_id, level, at + interval '30 days', instrument_id, self,
			scope_idx, mean + 0.1, n_student, n_teacher, n_work, n_mgmt, n_board, n_support, n_external, n_findings, 0, owner_id,
			batch, 2, id
		from seed_scale.ev where status = 'finalised' and at < now() - interval '120 days' and random() < 0.015;
		update seed_scale.ev o set superseded_by = r.id, n_actions = r.n_actions from seed_scale.ev r where r.revision_of = o.id;
		update seed_scale.ev e set n_actions = floor(random() * 4)::int where revision = 2;
		create index on seed_scale.ev (batch);
		analyze seed_scale.ev;`);
	const { rows } = await client.query<{ n: number; batches: number }>(
		'select count(*)::int as n, count(distinct batch)::int as batches from seed_scale.ev'
	);
	return { evaluations: rows[0]!.n, batches: rows[0]!.batches };
}

/** The batch numbers of the plan, in order. */
export async function planBatches(client: Client): Promise<number[]> {
	const { rows } = await client.query<{ batch: number }>(
		'select distinct batch from seed_scale.ev order by batch'
	);
	return rows.map((r) => r.batch);
}

/**
 * One batch in one transaction: evaluations (unfinalised), respondents (participants or
 * questionnaire links), ratings, findings, capacity assessments; then finalise them.
 */
export async function seedBatch(client: Client, o: SeedOptions, batch: number): Promise<{ ratings: number }> {
	const levels = o.model.ratingScale.levels;
	const keys = textArray(levels.map((l) => l.key));
	const ranks = `array[${levels.map((l) => l.rank).join(',')}]::smallint[]`;
	const capacities = textArray(o.model.capacities.map((c) => c.key));
	const kinds = ['strength', 'concern', 'good_practice', 'risk'] as const;
	const findingCase = `case k.kind ${kinds
		.map(
			(kind) => `when '${kind}' then ${pickFrom(textArray(findingTexts[kind]!), findingTexts[kind]!.length)}`
		)
		.join(' ')} end`;
	await client.query('begin');
	try {
		await client.query(
			`insert into evaluation (id, instrument_type_id, subject_level, institution_id, team_id, model_version_id, title,
				scope_standard_keys, scope_value_keys, scope_all, status, starts_on, ends_on, perspectives, plan, revision,
				revision_of, revision_reason, superseded_by, created_at, created_by, updated_at)
			select e.id, e.instrument_id, e.level, e.institution_id, e.team_id, $2, i.name || ' ' || to_char(e.at, 'YYYY'),
				s.standard_keys, s.value_keys, s.scope_all,
				(case when e.status = 'finalised' then 'reporting' else e.status::text end)::evaluation_status,
				(e.at - interval '21 days')::date, e.at::date,
				array_remove(array[
					case when e.n_student > 0 then 'student' end, case when e.n_teacher > 0 then 'teacher' end,
					case when e.n_work > 0 then 'work_field' end, case when e.n_mgmt > 0 then 'management' end,
					case when e.n_board > 0 then 'board' end, case when e.n_support > 0 then 'support' end,
					case when e.n_external > 0 then 'external' end]::perspective[], null),
				'', e.revision, e.revision_of, case when e.revision > 1 then 'Correctie na gesprek met het werkveld.' end,
				e.superseded_by, e.at - interval '40 days', e.owner_id, e.at
			from seed_scale.ev e
			join seed_scale.scope s on s.level = e.level and s.idx = e.scope_idx
			join seed_scale.instr i on i.id = e.instrument_id
			where e.batch = $1`,
			[batch, o.modelVersionId]
		);
		await client.query(
			`drop table if exists seed_scale.resp;
			create unlogged table seed_scale.resp as
			select e.id as evaluation_id, x.p as perspective,
				case when x.p = 'teacher' and e.level = 'team' and x.n <= 3 then (array[t.lead_id, t.member1_id, t.member2_id])[x.n]
					when x.p = 'management' and e.level = 'institution' and x.n = 1 then i.qo_id
					when x.p = 'board' and e.level = 'institution' and x.n = 1 then i.exec_id
					else 'q:' || gen_random_uuid()::text end as respondent,
				(e.mean + (random() - 0.5) * 0.4)::real as mean, e.at, e.level, e.scope_idx, e.status
			from seed_scale.ev e
			left join seed_scale.team t on t.idx = e.team_idx
			join seed_scale.inst i on i.idx = e.inst_idx
			cross join lateral (
				select 'student'::perspective as p, g as n from generate_series(1, e.n_student) g
				union all select 'teacher', g from generate_series(1, e.n_teacher) g
				union all select 'work_field', g from generate_series(1, e.n_work) g
				union all select 'management', g from generate_series(1, e.n_mgmt) g
				union all select 'board', g from generate_series(1, e.n_board) g
				union all select 'support', g from generate_series(1, e.n_support) g
				union all select 'external', g from generate_series(1, e.n_external) g
			) x
			where e.batch = $1 and e.status in ('execution', 'reporting', 'finalised')`.replace('$1', String(batch))
		);
		await client.query(`
			insert into evaluation_participant (evaluation_id, user_id, perspective, created_at)
			select evaluation_id, respondent, perspective, at - interval '30 days' from seed_scale.resp where respondent not like 'q:%';
			insert into questionnaire_link (id, evaluation_id, perspective, token_hash, created_at, answered_at)
			select substr(respondent, 3)::uuid, evaluation_id, perspective, md5(respondent || random()::text), at - interval '28 days', at - interval '7 days'
			from seed_scale.resp where respondent like 'q:%';`);
		const inserted = await client.query(`
			insert into rating (evaluation_id, standard_key, perspective, respondent, level_key, rank, motivation, created_at, updated_at)
			select z.evaluation_id, z.standard_key, z.perspective, z.respondent,
				case when z.not_rated then null else (${keys})[z.pos] end,
				case when z.not_rated then null else (${ranks})[z.pos] end,
				case when z.m < 0.08 then ${pickFrom(textArray(motivations), motivations.length, 'z.m * 12.5')} else '' end,
				z.at - interval '10 days', z.at - interval '10 days'
			from (
				select r.evaluation_id, sk.standard_key, r.perspective, r.respondent, r.at, random() < 0.03 as not_rated, random() as m,
					greatest(1, least(${levels.length}, round(r.mean + so.offset_ + ${perspectiveBias} + ${noise(1.1)})))::int as pos
				from seed_scale.resp r
				join seed_scale.scope s on s.level = r.level and s.idx = r.scope_idx
				cross join lateral unnest(s.standard_keys) as sk(standard_key)
				join seed_scale.std so on so.key = sk.standard_key
				where r.status <> 'execution' or random() < 0.6
			) z`);
		await client.query(
			`insert into finding (evaluation_id, kind, value_key, standard_key, perspective, text, author_id, created_at, updated_at)
			select k.id, k.kind, k.value_keys[1 + floor(random() * cardinality(k.value_keys))::int],
				case when random() < 0.5 then k.standard_keys[1 + floor(random() * cardinality(k.standard_keys))::int] end,
				case when random() < 0.3 then 'student'::perspective end, ${findingCase}, k.owner_id, k.at, k.at
			from (
				select e.id, e.owner_id, e.at, s.value_keys, s.standard_keys,
					(array['strength', 'concern', 'good_practice', 'risk']::finding_kind[])[1 + floor(random() * 4)::int] as kind
				from seed_scale.ev e
				join seed_scale.scope s on s.level = e.level and s.idx = e.scope_idx
				cross join generate_series(1, e.n_findings) g
				where e.batch = $1 and e.status in ('reporting', 'finalised')
			) k`,
			[batch]
		);
		await client.query(`
			insert into capacity_assessment (evaluation_id, capacity_key, perspective, respondent, effect, note, updated_at)
			select r.evaluation_id, c.key, r.perspective, r.respondent,
				(case when random() < 0.55 then 'helps' else 'hinders' end)::capacity_effect,
				${pickFrom(textArray(capacityNotes), capacityNotes.length)}, r.at
			from seed_scale.resp r cross join unnest(${capacities}) as c(key)
			where r.respondent not like 'q:%' and r.status in ('reporting', 'finalised') and random() < 0.25`);
		await client.query(
			`update evaluation v set status = 'finalised', finalised_at = e.at + interval '14 days', finalised_by = e.owner_id,
				updated_at = e.at + interval '14 days'
			from seed_scale.ev e where e.id = v.id and e.batch = $1 and e.status = 'finalised'`,
			[batch]
		);
		await client.query('commit');
		return { ratings: inserted.rowCount ?? 0 };
	} catch (error) {
		await client.query('rollback');
		throw error;
	}
}

/** Ambitions (with history) and the improvement agenda with progress notes. */
export async function seedAmbitionsAndActions(client: Client, o: SeedOptions): Promise<void> {
	const levels = o.model.ratingScale.levels;
	const keys = textArray(levels.map((l) => l.key));
	const ranks = `array[${levels.map((l) => l.rank).join(',')}]::smallint[]`;
	const standardIndex = Math.max(
		1,
		levels.findIndex((l) => l.key === o.model.ratingScale.standardLevelKey) + 1
	);
	const values = textArray(o.model.values.map((v) => v.key));
	const capacities = textArray(o.model.capacities.map((c) => c.key));
	const ambitionPos = `least(${levels.length}, ${standardIndex} + a.h - 1 + (random() < 0.4)::int)`;
	await client.query(`
		insert into ambition (institution_id, team_id, model_version_id, target_kind, target_key, level_key, rank, text, set_on, created_at, created_by)
		select a.institution_id, a.team_id, '${o.modelVersionId}', 'value', a.value_key, (${keys})[${ambitionPos}], (${ranks})[${ambitionPos}],
			${pickFrom(textArray(ambitionTexts), ambitionTexts.length)}, a.set_on, a.set_on, a.owner_id
		from (
			select s.*, h, (now() - interval '6 years' + (h - 1) * interval '30 months' + random() * interval '24 months')::date as set_on
			from (
				select t.institution_id, t.id as team_id, t.lead_id as owner_id, v.key as value_key, random() < 0.5 as renewed
				from seed_scale.team t cross join unnest(${values}) as v(key) where random() < 0.8
				union all
				select i.id, null, i.qo_id, v.key, random() < 0.6
				from seed_scale.inst i cross join unnest(${values}) as v(key)
			) s cross join generate_series(1, case when s.renewed then 2 else 1 end) h
		) a`);
	// Actions from finalised self-evaluations that are current (not superseded); older ones mostly done.
	await client.query(`
		insert into improvement_action (institution_id, team_id, evaluation_id, model_version_id, title, reason, value_key,
			standard_key, capacity_key, owner_id, due_on, status, progress, created_at, created_by, updated_at, closed_at)
		select x.institution_id, x.team_id, x.id, '${o.modelVersionId}', ${pickFrom(textArray(actionTitles), actionTitles.length)},
			'Uit de bevindingen van ' || to_char(x.at, 'YYYY') || '.', x.value_key, x.standard_key, x.capacity_key,
			x.owner_id, x.due_on, x.status, case x.status when 'done' then 100 when 'in_progress' then 20 + floor(random() * 60)::int else 0 end,
			x.at + interval '15 days', x.owner_id, least(now(), x.due_on + interval '10 days'),
			case when x.status in ('done', 'cancelled') then least(now(), x.due_on + interval '5 days') end
		from (
			select y.*,
				(case when y.due_on < now() - interval '30 days'
					then case when y.rs < 0.8 then 'done' when y.rs < 0.87 then 'cancelled' when y.rs < 0.94 then 'in_progress' else 'open' end
					else case when y.rs < 0.5 then 'open' when y.rs < 0.9 then 'in_progress' else 'done' end end)::action_status as status
			from (
				select e.id, e.institution_id, e.team_id, e.owner_id, e.at, random() as rs,
					(e.at + interval '14 days' + (60 + floor(random() * 300)::int) * interval '1 day')::date as due_on,
					s.value_keys[1 + floor(random() * cardinality(s.value_keys))::int] as value_key,
					case when random() < 0.5 then s.standard_keys[1 + floor(random() * cardinality(s.standard_keys))::int] end as standard_key,
					case when random() < 0.3 then (${capacities})[1 + floor(random() * ${o.model.capacities.length})::int] end as capacity_key
				from seed_scale.ev e
				join seed_scale.scope s on s.level = e.level and s.idx = e.scope_idx
				cross join generate_series(1, e.n_actions) g
				where e.status = 'finalised' and e.self and e.superseded_by is null
			) y
		) x`);
	await client.query(`
		insert into action_note (action_id, text, progress, status, author_id, created_at)
		select id, case status when 'done' then 'Afgerond en besproken in het teamoverleg.' else 'Eerste stappen gezet.' end,
			progress, status, owner_id, updated_at
		from improvement_action where status in ('in_progress', 'done') and random() < 0.5`);
}

/** Drops the scratch tables. */
export async function dropScratch(client: Client): Promise<void> {
	await client.query('drop schema if exists seed_scale cascade');
}
