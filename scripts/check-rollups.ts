// `npm run check:rollups`: recomputes every dashboard roll-up from the raw rows and prints
// each cell that differs from what is stored (nothing is changed). Exit code 1 when any
// differs. Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the app first).
import { portInUse, root } from './lib/app-build.ts';
import { parseCli } from './lib/cli.ts';

process.chdir(root);

const usage = `Usage: npm run check:rollups -- [--limit N]

Compares the dashboards' roll-up tables with a full recompute from the ratings and
evaluations, and prints every row that differs (at most --limit per table, default 50).`;

const args = parseCli(
	{
		options: {
			limit: { type: 'string', default: '50' },
			help: { type: 'boolean', short: 'h', default: false }
		}
	},
	usage
);
const limit = Number(args.limit);
if (!Number.isInteger(limit) || limit < 1) {
	console.error(`--limit must be a positive whole number.\n\n${usage}`);
	process.exit(2);
}

const { config } = await import('#lib/server/config.ts');
const port = Number(process.env.PORT || 3000);
if (!config.databaseUrl && (await portInUse(port))) {
	console.error(
		`Something runs on port ${port}: stop Kwaliteitsspiegel first (the embedded database allows one process).`
	);
	process.exit(1);
}
const { connect } = await import('#lib/server/db/connect.ts');
const { diffRollups } = await import('#lib/server/dashboards/rollup.service.ts');
const connection = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
try {
	await connection.migrate();
	const started = performance.now();
	const differences = await diffRollups(connection.db, { limit });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (differences.length === 0) {
		console.log(`Roll-ups match a full recompute (checked in ${seconds} s).`);
	} else {
		for (const d of differences) {
			const side = (row: Record<string, unknown> | null) => (row ? JSON.stringify(row) : 'missing');
			console.log(
				`${d.table} ${JSON.stringify(d.key)}\n  stored:   ${side(d.stored)}\n  expected: ${side(d.expected)}`
			);
		}
		console.log(
			`\n${differences.length} roll-up row(s) differ from a full recompute (checked in ${seconds} s).`
		);
		process.exitCode = 1;
	}
} finally {
	await connection.close();
}
