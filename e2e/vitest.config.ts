import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: their own config, without the SvelteKit plugins (they test the built app).
export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['e2e/**/*.test.ts'],
		globalSetup: ['e2e/global-setup.ts'],
		environment: 'node',
		pool: 'forks',
		// One server and two cores: two files (two Chromiums) at a time is the sweet spot.
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
