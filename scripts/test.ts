// `npm test`: every test, then one line with the totals.
//   1. vitest on PGlite (a fresh in-memory database per test file)
//   2. vitest again on PostgreSQL when DATABASE_URL is set (a fresh database per file)
//   3. the browser tests (scripts/e2e.ts; skipped without Chromium, a failure under CI)
// The last line is exactly `N passed, N failed` (plus `, N skipped` when any were).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './lib/app-build.ts';

interface JsonReport {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}

const work = mkdtempSync(join(tmpdir(), 'ks-test-'));
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

/** Runs one phase with vitest's JSON report beside its normal output, and counts it. */
function phase(name: string, script: string[], env: NodeJS.ProcessEnv = {}): void {
	console.log(`\n━━ ${name} ━━\n`);
	const report = join(work, `${lines.length}.json`);
	const started = performance.now();
	const result = spawnSync(
		process.execPath,
		[...script, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
		{ cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }
	);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
	if (existsSync(report)) {
		const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
		counts.passed = json.numPassedTests;
		counts.failed = json.numFailedTests;
		counts.skipped = json.numPendingTests + json.numTodoTests;
		// A file that fails before its tests run (an import error) has no failed test: count it.
		for (const file of json.testResults) {
			if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) {
				counts.failed++;
			}
		}
	}
	// A phase that failed without saying which test did (a crash, a failed setup, no
	// browser under CI) still counts as one failure.
	if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
	totals.passed += counts.passed;
	totals.failed += counts.failed;
	totals.skipped += counts.skipped;
	lines.push(
		`${name.padEnd(32)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${seconds} s)`
	);
}

const started = performance.now();
try {
	phase('unit + integration (PGlite)', [vitest, 'run'], { TEST_DATABASE_URL: '' });
	if (process.env.DATABASE_URL) {
		phase('unit + integration (PostgreSQL)', [vitest, 'run'], {
			TEST_DATABASE_URL: process.env.DATABASE_URL
		});
	} else {
		lines.push(
			`${'PostgreSQL'.padEnd(32)} not run (set DATABASE_URL to a server where test databases may be made)`
		);
	}
	phase('browser (e2e)', [join(root, 'scripts', 'e2e.ts')]);
} finally {
	rmSync(work, { recursive: true, force: true });
}

console.log(
	`\n${lines.join('\n')}\n${'total time'.padEnd(32)} ${((performance.now() - started) / 1000).toFixed(1)} s\n`
);
console.log(
	`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`
);
process.exit(totals.failed > 0 ? 1 : 0);
