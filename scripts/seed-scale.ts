// `npm run seed:scale [-- --scale 0.1] [--reset]`: generates a whole sector on PostgreSQL
// for the dashboard benchmark (DESIGN.md §4): ~70 institutions, ~10,000 teams, ~100,000
// evaluations over six years, ~5 million ratings, findings, ambitions and actions.
// Synthetic data for measuring only: every account has the bench password.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword } from 'better-auth/crypto';
import { root } from './lib/app-build.ts';
import { BENCH_PASSWORD, benchAccounts } from './lib/bench-accounts.ts';
import { parseCli } from './lib/cli.ts';
import {
	dropScratch,
	planBatches,
	planEvaluations,
	seedAmbitionsAndActions,
	seedBatch,
	seedOrganisation,
	seedPeople,
	type SeedOptions
} from './lib/bench-seed.ts';

process.chdir(root);

const usage = `Usage: npm run seed:scale -- [--scale <factor>] [--reset]

Fills the PostgreSQL database in DATABASE_URL with a generated sector: at --scale 1
(default) ~70 institutions, ~10,000 teams, ~100,000 evaluations and ~5 million ratings;
--scale 0.1 makes a tenth. Refuses a database that already holds data unless --reset,
which DROPS every table (schemas public and drizzle) and migrates afresh.
The embedded database (PGlite) is not for this: it is single-connection and in memory.`;

const args = parseCli(
	{
		options: {
			scale: { type: 'string', default: '1' },
			reset: { type: 'boolean', default: false },
			'batch-teams': { type: 'string', default: '500' },
			help: { type: 'boolean', short: 'h', default: false }
		}
	},
	usage
);
const scale = Number(args.scale);
const batchTeams = Number(args['batch-teams']);
if (!Number.isFinite(scale) || scale <= 0 || scale > 5 || !Number.isInteger(batchTeams) || batchTeams < 1) {
	console.error(`--scale must be a number above 0 and at most 5, --batch-teams a whole number.\n\n${usage}`);
	process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
	console.error(
		'DATABASE_URL is not set. seed:scale needs PostgreSQL (for example DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench);\n' +
			'the embedded database (PGlite) cannot hold or serve a sector of this size.'
	);
	process.exit(2);
}

const started = performance.now();
const timings: [string, number][] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
	const t0 = performance.now();
	process.stdout.write(`${name} … `);
	const result = await work();
	const seconds = (performance.now() - t0) / 1000;
	timings.push([name, seconds]);
	console.log(`${seconds.toFixed(1)} s`);
	return result;
}

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
// Reproducible choices (random() is per session); statements may run long.
await client.query(
	'select setseed(0.2026); set statement_timeout = 0; set synchronous_commit = off; set client_min_messages = warning'
);

const { connect } = await import('#lib/server/db/connect.ts');
const connection = await connect({ databaseUrl, poolSize: 2 });

try {
	const holdsData = async () => {
		const { rows } = await client.query<{ tables: number }>(
			"select count(*)::int as tables from information_schema.tables where table_schema = 'public' and table_name in ('institution', 'user', 'evaluation')"
		);
		if (rows[0]!.tables === 0) return false;
		const { rows: counts } = await client.query<{ n: number }>(
			'select (select count(*) from institution) + (select count(*) from "user") + (select count(*) from evaluation) as n'
		);
		return Number(counts[0]!.n) > 0;
	};
	if (args.reset) {
		await phase('reset (drop schemas public, drizzle)', async () => {
			await client.query(
				'drop schema if exists seed_scale cascade; drop schema if exists drizzle cascade; drop schema public cascade; create schema public'
			);
		});
	} else if (await holdsData()) {
		console.error(
			'The database already holds data (institutions, people or evaluations). Use --reset to drop everything and seed afresh.'
		);
		process.exit(1);
	}

	await phase('migrations', () => connection.migrate());
	const { seedDemoIfEmpty } = await import('#lib/server/demo/seed.ts');
	const { latestPublishedVersion } = await import('#lib/server/model/model.service.ts');
	// As the app starts: the network row and the default model, published; no demo data.
	await phase('network and default model', () => seedDemoIfEmpty(connection.db, { demo: false }));
	const version = await latestPublishedVersion(connection.db);
	if (!version) throw new Error('no published model version after seeding');
	const options: SeedOptions = {
		scale,
		batchTeams,
		modelVersionId: version.id,
		model: version.document,
		passwordHash: await hashPassword(BENCH_PASSWORD),
		log: (line) => console.log(line)
	};

	const org = await phase('institutions, locations, teams, learning routes', () =>
		seedOrganisation(client, options)
	);
	const people = await phase('people and roles', () => seedPeople(client, options));
	const plan = await phase('evaluation plan', () => planEvaluations(client, options));
	console.log(
		`  ${org.institutions} institutions, ${org.teams} teams, ${people} people, ${plan.evaluations} evaluations in ${plan.batches} batches`
	);
	let ratings = 0;
	await phase('evaluations, respondents, ratings, findings, capacities (finalised per batch)', async () => {
		const batches = await planBatches(client);
		for (const [i, batch] of batches.entries()) {
			const t0 = performance.now();
			const result = await seedBatch(client, options, batch);
			ratings += result.ratings;
			process.stdout.write(
				`\n  batch ${i + 1}/${batches.length}: ${result.ratings} ratings in ${((performance.now() - t0) / 1000).toFixed(1)} s`
			);
		}
		process.stdout.write('\n  ');
	});
	console.log(`  ${ratings} ratings`);
	await phase('ambitions, improvement actions, notes', () => seedAmbitionsAndActions(client, options));
	await phase('drop scratch tables', () => dropScratch(client));

	const rollups = join(root, 'src/lib/server/dashboards/rollup.service.ts');
	if (existsSync(rollups)) {
		const { rebuildRollups } = (await import('#lib/server/dashboards/rollup.service.ts')) as {
			rebuildRollups: (db: typeof connection.db) => Promise<unknown>;
		};
		await phase('roll-ups (rebuildRollups)', () => rebuildRollups(connection.db));
	} else {
		console.log('roll-ups … skipped: src/lib/server/dashboards/rollup.service.ts does not exist yet');
	}
	await phase('analyze', () => client.query('analyze'));

	const { rows } = await client.query<{ name: string; n: string }>(`
		select 'institution' as name, count(*) as n from institution union all select 'team', count(*) from team
		union all select 'user', count(*) from "user" union all select 'evaluation', count(*) from evaluation
		union all select 'evaluation finalised', count(*) from evaluation where status = 'finalised'
		union all select 'rating', count(*) from rating union all select 'finding', count(*) from finding
		union all select 'capacity_assessment', count(*) from capacity_assessment
		union all select 'ambition', count(*) from ambition union all select 'improvement_action', count(*) from improvement_action`);
	const total = (performance.now() - started) / 1000;
	console.log('\nRows:');
	for (const r of rows) console.log(`  ${r.name.padEnd(22)} ${Number(r.n).toLocaleString('en')}`);
	console.log('\nTime per phase:');
	for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
	console.log(`  ${total.toFixed(1).padStart(7)} s  total (scale ${scale})`);
	console.log(`\nBench accounts (password ${BENCH_PASSWORD}):`);
	console.log(`  network admin              ${benchAccounts.networkAdmin}`);
	console.log(`  quality officer, inst. 1   ${benchAccounts.qualityOfficer}`);
	console.log(`  executive, inst. 1         ${benchAccounts.executive}`);
	console.log(`  team lead, team 1          ${benchAccounts.teamLead}`);
	console.log(
		'Every generated person (kwaliteit-NNN, bestuur-NNN, teamleider-NNNNN, docent-NNNNN-M) has the same password.'
	);
} finally {
	await client.end();
	await connection.close();
}
