// `npm run test:e2e`: the browser tests in e2e/ (builds the app first when needed).
// Extra arguments go to vitest: `npm run test:e2e -- e2e/sign-in.test.ts`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromiumPath } from '../e2e/env.ts';
import { root } from './lib/app-build.ts';

const ci = ['1', 'true'].includes((process.env.CI ?? '').toLowerCase());
const chromium = chromiumPath();
if (!chromium) {
	console.warn(
		[
			'',
			`No Chromium at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}: the browser tests are skipped.`,
			'Install it with `apt-get install chromium` (Debian), or set CHROMIUM_PATH.',
			ci ? 'CI=true: a missing browser is a failure.' : '',
			''
		].join('\n')
	);
}

const result = spawnSync(
	process.execPath,
	[
		join(root, 'node_modules', 'vitest', 'vitest.mjs'),
		'run',
		'--config',
		'e2e/vitest.config.ts',
		...process.argv.slice(2)
	],
	{ cwd: root, stdio: 'inherit' }
);
if (result.error) throw result.error;
process.exit(result.status !== 0 ? (result.status ?? 1) : !chromium && ci ? 1 : 0);
