import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A maintenance script's options: prints `usage` and exits 0 on `--help`, or prints the
 * problem with the usage and exits 2 on an unknown or malformed option.
 */
export function parseCli<T extends ParseArgsConfig>(
	config: T,
	usage: string
): ReturnType<typeof parseArgs<T>>['values'] {
	let values: ReturnType<typeof parseArgs<T>>['values'];
	try {
		values = parseArgs(config).values;
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${usage}`);
		process.exit(2);
	}
	if ((values as { help?: unknown }).help) {
		console.log(usage);
		process.exit(0);
	}
	return values;
}
