// `npm run bench:dashboards [-- --quick]`: latency of the dashboards and the report PDF
// on a database made by `npm run seed:scale`, over HTTP as signed-in users, beside
// (a) the naive GROUP BY over raw ratings that answers the same question and (b) the bare
// SQL read the page itself needs — all in the same run (DESIGN.md §4, issue 3).
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, createWriteStream, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { ensureBuild, freePort, root, stopServer, waitUntilReady } from './lib/app-build.ts';
import { BENCH_DOMAIN, BENCH_PASSWORD, benchAccounts } from './lib/bench-accounts.ts';
import { naiveInstitution, naiveNetwork, naiveTeam } from './lib/bench-naive.ts';
import { loadBareReads } from './lib/bench-bare.ts';
import { getPage, signIn, summarise, table, timed, type Summary } from './lib/bench-stats.ts';

process.chdir(root);

const usage = `Usage: npm run bench:dashboards -- [--quick] [--pages N] [--pdfs N] [--baseline N] [--concurrency N]

Needs DATABASE_URL of a database filled by \`npm run seed:scale\`. Builds the app when
needed, starts it on that database (in a private copy of ./build), signs in as the bench
accounts and measures: the team, institution and network dashboards (--pages requests
each, default 200), the report PDF (--pdfs, default 50), the naive GROUP BY (a) and the
bare read (b) beside each page (--baseline runs each, default = --pages; the naive scans
of institution and network at most 40 and 10), the dashboard service in-process as a
diagnostic, and the team dashboard while --concurrency (default 4) PDF requests run in
a loop. --quick: 20 pages, 5 PDFs, 5 baseline runs. --no-build: use ./build as it is.`;

let args;
try {
	args = parseArgs({
		options: {
			quick: { type: 'boolean', default: false },
			pages: { type: 'string' },
			pdfs: { type: 'string' },
			baseline: { type: 'string' },
			concurrency: { type: 'string', default: '4' },
			'no-build': { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	}).values;
} catch (error) {
	console.error(`${(error as Error).message}\n\n${usage}`);
	process.exit(2);
}
if (args.help) {
	console.log(usage);
	process.exit(0);
}
const count = (value: string | undefined, fallback: number) => {
	const n = value === undefined ? fallback : Number(value);
	if (!Number.isInteger(n) || n < 1) {
		console.error(`not a positive whole number: ${value}\n\n${usage}`);
		process.exit(2);
	}
	return n;
};
const pages = count(args.pages, args.quick ? 20 : 200);
const pdfs = count(args.pdfs, args.quick ? 5 : 50);
const baselineRuns = count(args.baseline, args.quick ? 5 : pages);
// The naive scans take seconds each: fewer runs of them (their p95 is then near the max).
const institutionNaiveRuns = Math.min(baselineRuns, args.quick ? 5 : 40);
const networkNaiveRuns = Math.min(baselineRuns, args.quick ? 3 : 10);
const concurrency = count(args.concurrency, 4);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
	console.error('DATABASE_URL is not set: point it at a database filled by `npm run seed:scale`.');
	process.exit(2);
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: '-c jit=off' });
// The naive baseline without JIT: compiling its big plans would add seconds that say
// nothing about scanning ratings (with JIT on, as by default, it is slower still).
const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
	(await pool.query<T>(text, values)).rows;

// ── the database and the samples ────────────────────────────────────────────────
const [pgVersion] = await one<{ v: string }>("select current_setting('server_version') as v");
const countsSql = [
	'institution',
	'team',
	'user',
	'evaluation',
	'rating',
	'finding',
	'capacity_assessment',
	'ambition',
	'improvement_action'
]
	.map((t) => `select '${t}' as name, count(*)::bigint as n from "${t}"`)
	.join(' union all ');
const rowCounts = Object.fromEntries(
	(await one<{ name: string; n: string }>(countsSql)).map((r) => [r.name, Number(r.n)])
);
if (!rowCounts.rating) {
	console.error('The database holds no ratings: run `npm run seed:scale` first.');
	process.exit(1);
}
const scopeOf = async (email: string) => {
	const [row] = await one<{ institution_id: string | null; team_id: string | null }>(
		`select ra.institution_id, ra.team_id from role_assignment ra join "user" u on u.id = ra.user_id where u.email = $1`,
		[email]
	);
	if (!row) throw new Error(`bench account ${email} not found: was this database made by seed:scale?`);
	return row;
};
const institution1 = (await scopeOf(benchAccounts.qualityOfficer)).institution_id!;
const leadTeam = (await scopeOf(benchAccounts.teamLead)).team_id!;
// Samples in a fixed pseudo-random order (md5 of the id), so runs compare.
const teams = (
	await one<{ id: string }>(
		`select t.id from team t where t.institution_id = $1
		 and exists (select 1 from evaluation e where e.team_id = t.id and e.status = 'finalised')
		 order by md5(t.id::text)`,
		[institution1]
	)
).map((r) => r.id);
const institutions = (await one<{ id: string }>('select id from institution order by md5(id::text)')).map(
	(r) => r.id
);
const evaluations = (
	await one<{ id: string }>(
		`select e.id from evaluation e where e.institution_id = $1 and e.subject_level = 'team' and e.status = 'finalised'
		 order by md5(e.id::text) limit 200`,
		[institution1]
	)
).map((r) => r.id);
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

// ── the app on this database ────────────────────────────────────────────────────
if (!args['no-build']) await ensureBuild({ log: (line) => console.log(line) });
// A private copy of ./build: other work in this checkout may rebuild ./build meanwhile.
const appDir = mkdtempSync(join(tmpdir(), 'ks-bench-app-'));
cpSync(join(root, 'build'), join(appDir, 'build'), { recursive: true });
copyFileSync(join(root, 'server.js'), join(appDir, 'server.js'));
copyFileSync(join(root, 'package.json'), join(appDir, 'package.json'));
symlinkSync(join(root, 'node_modules'), join(appDir, 'node_modules'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const logFile = join(appDir, 'server.log');
const server = spawn(process.execPath, [join(appDir, 'server.js')], {
	cwd: root,
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		DATABASE_URL: databaseUrl,
		DEMO_DATA: 'false',
		RATE_LIMIT: 'false',
		AUTH_SECRET: randomBytes(32).toString('hex'),
		LOG_LEVEL: 'warn',
		NODE_ENV: 'production'
	},
	stdio: ['ignore', 'pipe', 'pipe']
});
const log = createWriteStream(logFile);
server.stdout?.pipe(log);
server.stderr?.pipe(log);

interface Row {
	name: string;
	path: string;
	page: Summary | null;
	naive: Summary | null;
	bare: Summary | null;
	service: Summary | null;
	/** Mean size of the page's HTML in kB. */
	kB?: number;
	error?: string;
}
const results: Row[] = [];
const pdf: { summary: Summary | null; error?: string } = { summary: null };
let underLoad: { idle: Summary; loaded: Summary; pdfsDuringLoad: number; concurrency: number } | null = null;
const started = performance.now();
// Other work on the machine skews every figure: the load is printed with them.
const loadBefore = loadavg()[0]!;

try {
	await waitUntilReady(base, server, 120_000);
	const cookies = {
		networkAdmin: await signIn(base, benchAccounts.networkAdmin, BENCH_PASSWORD),
		qualityOfficer: await signIn(base, benchAccounts.qualityOfficer, BENCH_PASSWORD),
		executive: await signIn(base, benchAccounts.executive, BENCH_PASSWORD),
		teamLead: await signIn(base, benchAccounts.teamLead, BENCH_PASSWORD)
	};
	const bare = await loadBareReads(databaseUrl);

	const teamPath = (i: number) => `/dashboard/team/${pick(teams, i)}`;
	// Every institution in turn, each as its own executive (the network bureau sees no
	// institution's unpublished dashboard).
	const executives = new Map(
		(
			await one<{ email: string; institution_id: string }>(
				`select u.email, ra.institution_id from role_assignment ra join "user" u on u.id = ra.user_id
				 where ra.role = 'executive' and u.email like $1`,
				[`bestuur-%@${BENCH_DOMAIN}`]
			)
		).map((r) => [r.institution_id, r.email])
	);
	const institutionList = institutions.filter((id) => executives.has(id));
	const institutionCookies = new Map<string, string>();
	for (const id of institutionList.slice(0, pages))
		institutionCookies.set(id, await signIn(base, executives.get(id)!, BENCH_PASSWORD));
	const institutionCookie = (i: number) => institutionCookies.get(pick(institutionList, i))!;
	const institutionPath = (i: number) => `/dashboard/instelling/${pick(institutionList, i)}`;
	if (institutionList.length > pages) institutionList.length = pages;

	const measure = async (
		name: string,
		path: (i: number) => string,
		cookieOf: string | ((i: number) => string),
		naive: ((i: number) => Promise<unknown>) | null,
		naiveRuns: number,
		bareRead: ((i: number) => Promise<unknown>) | null,
		serviceCall: ((i: number) => Promise<unknown>) | null = null
	) => {
		const cookie = typeof cookieOf === 'string' ? () => cookieOf : cookieOf;
		const row: Row = { name, path: path(0), page: null, naive: null, bare: null, service: null };
		results.push(row);
		process.stdout.write(`${name}: `);
		try {
			for (let i = 0; i < 5; i++) await getPage(base, path(i), cookie(i)); // warm-up
			let bytes = 0;
			row.page = summarise(
				await timed(pages, async (i) => (bytes += await getPage(base, path(i), cookie(i))))
			);
			row.kB = Math.round(bytes / pages / 1024);
			process.stdout.write(`page p95 ${row.page.p95} ms`);
		} catch (error) {
			row.error = (error as Error).message.split('\n')[0];
			process.stdout.write(`page not measured (${row.error})`);
		}
		if (naive) {
			await naive(0);
			row.naive = summarise(await timed(naiveRuns, naive));
			process.stdout.write(`, naive p95 ${row.naive.p95} ms`);
		}
		if (bareRead) {
			for (let i = 0; i < 5; i++) await bareRead(i);
			row.bare = summarise(await timed(baselineRuns, bareRead));
			process.stdout.write(`, bare p95 ${row.bare.p95} ms`);
		}
		if (serviceCall) {
			for (let i = 0; i < 5; i++) await serviceCall(i);
			row.service = summarise(await timed(baselineRuns, serviceCall));
			process.stdout.write(`, service p95 ${row.service.p95} ms`);
		}
		process.stdout.write('\n');
	};

	await measure(
		'team dashboard',
		teamPath,
		cookies.qualityOfficer,
		(i) => withClient((c) => naiveTeam(c, pick(teams, i))),
		baselineRuns,
		bare ? (i) => bare.team(pick(teams, i)) : null,
		bare ? (i) => bare.service.team(benchAccounts.qualityOfficer, pick(teams, i)) : null
	);
	await measure(
		'institution dashboard',
		institutionPath,
		institutionCookie,
		(i) => withClient((c) => naiveInstitution(c, pick(institutionList, i))),
		institutionNaiveRuns,
		bare ? (i) => bare.institution(pick(institutionList, i)) : null,
		bare
			? (i) => bare.service.institution(executives.get(pick(institutionList, i))!, pick(institutionList, i))
			: null
	);
	await measure(
		'network dashboard',
		() => '/dashboard/netwerk',
		cookies.networkAdmin,
		() => withClient((c) => naiveNetwork(c)),
		networkNaiveRuns,
		bare ? () => bare.network() : null,
		bare ? () => bare.service.network(benchAccounts.networkAdmin) : null
	);
	// The team lead's own team, as a team lead sees it (authorization on the team scope).
	await measure(
		'team dashboard (team lead)',
		() => `/dashboard/team/${leadTeam}`,
		cookies.teamLead,
		null,
		0,
		null
	);

	const pdfPath = (i: number) => `/evaluaties/${pick(evaluations, i)}/rapport.pdf`;
	process.stdout.write('report PDF: ');
	try {
		for (let i = 0; i < 3; i++) await getPage(base, pdfPath(i), cookies.qualityOfficer);
		pdf.summary = summarise(await timed(pdfs, (i) => getPage(base, pdfPath(i), cookies.qualityOfficer)));
		process.stdout.write(`p95 ${pdf.summary!.p95} ms\n`);

		// An interactive page while PDFs are generated beside it, against its idle figure just before.
		const idle = summarise(await timed(pages, (i) => getPage(base, teamPath(i), cookies.qualityOfficer)));
		let stop = false;
		const loops = Array.from({ length: concurrency }, async (_, k) => {
			let done = 0;
			for (let i = k; !stop; i += concurrency) {
				await getPage(base, pdfPath(i), cookies.qualityOfficer);
				done++;
			}
			return done;
		});
		await new Promise((r) => setTimeout(r, 300));
		const loaded = summarise(await timed(pages, (i) => getPage(base, teamPath(i), cookies.qualityOfficer)));
		stop = true;
		const pdfsDuringLoad = (await Promise.all(loops)).reduce((a, b) => a + b, 0);
		underLoad = { idle, loaded, pdfsDuringLoad, concurrency };
		console.log(
			`team dashboard while ${concurrency} PDF requests run: p95 ${loaded.p95} ms (idle ${idle.p95} ms; ${pdfsDuringLoad} PDFs meanwhile)`
		);
	} catch (error) {
		pdf.error = (error as Error).message.split('\n')[0];
		process.stdout.write(`not measured (${pdf.error})\n`);
	}
	await bare?.close();
} finally {
	await stopServer(server);
	log.end();
	await pool.end();
}

async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	try {
		return await work(client);
	} finally {
		client.release();
	}
}

// ── report ──────────────────────────────────────────────────────────────────────
const ms = (s: Summary | null | undefined, key: keyof Summary = 'p95') => (s ? s[key].toFixed(1) : '–');
const ratio = (a: Summary | null, b: Summary | null) => (a && b ? a.p95 / b.p95 : null);
const verdict = (value: number | null, ok: boolean) => (value === null ? '–' : ok ? 'yes' : 'NO');
const lines: (string | number)[][] = results.map((r) => {
	const vsNaive = ratio(r.page, r.naive);
	const vsBare = ratio(r.page, r.bare);
	const interactive = r.name.startsWith('team') || r.name.startsWith('institution');
	return [
		r.name,
		r.page?.n ?? 0,
		ms(r.page, 'p50'),
		ms(r.page),
		ms(r.page, 'p99'),
		r.naive ? `${ms(r.naive)} (n=${r.naive.n})` : '–',
		vsNaive === null ? '–' : `${(vsNaive * 100).toFixed(1)}% ${verdict(vsNaive, vsNaive <= 0.1)}`,
		r.bare ? `${ms(r.bare)} (n=${r.bare.n})` : '–',
		vsBare === null ? '–' : `${vsBare.toFixed(2)}x ${verdict(vsBare, vsBare <= 2)}`,
		ms(r.service),
		r.kB ?? '–',
		interactive && r.page ? verdict(r.page.p95, r.page.p95 < 100) : '–'
	];
});
if (pdf.summary || pdf.error) {
	lines.push([
		'report PDF',
		pdf.summary?.n ?? 0,
		ms(pdf.summary, 'p50'),
		ms(pdf.summary),
		ms(pdf.summary, 'p99'),
		'–',
		'–',
		'–',
		'–',
		'–',
		'–',
		pdf.summary ? `<200: ${verdict(pdf.summary.p95, pdf.summary.p95 < 200)}` : '–'
	]);
}
console.log(
	`\nDashboards on ${rowCounts.rating!.toLocaleString('en')} ratings, ${rowCounts.evaluation!.toLocaleString('en')} evaluations (PostgreSQL ${pgVersion!.v}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB); milliseconds\n`
);
console.log(
	table(
		[
			'what',
			'n',
			'p50',
			'p95',
			'p99',
			'(a) naive p95',
			'p95/(a) ≤10%',
			'(b) bare p95',
			'p95/(b) ≤2x',
			'service p95',
			'kB',
			'p95<100'
		],
		lines
	)
);
if (underLoad) {
	const r = underLoad.loaded.p95 / underLoad.idle.p95;
	console.log(
		`\nTeam dashboard while ${underLoad.concurrency} PDF requests run in a loop: p95 ${underLoad.loaded.p95} ms vs ${underLoad.idle.p95} ms idle = ${r.toFixed(2)}x (target ≤ 1.5x: ${r <= 1.5 ? 'yes' : 'NO'}); ${underLoad.pdfsDuringLoad} PDFs made meanwhile`
	);
}
for (const r of results) if (r.error) console.log(`${r.name}: ${r.error}`);
if (pdf.error) console.log(`report PDF: ${pdf.error}`);
console.log(
	`\nRows: ${Object.entries(rowCounts)
		.map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
		.join(', ')}`
);
const loadAfter = loadavg()[0]!;
console.log(
	`Took ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (${cpus().length} CPUs); server log: ${logFile}`
);
console.log(
	`BENCH_JSON ${JSON.stringify({
		at: new Date().toISOString(),
		postgres: pgVersion!.v,
		cpus: cpus().length,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		load: [loadBefore, loadAfter],
		rows: rowCounts,
		pages: results,
		pdf,
		underLoad
	})}`
);
rmSync(join(appDir, 'build'), { recursive: true, force: true });
