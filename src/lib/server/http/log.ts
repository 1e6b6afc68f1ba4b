import { config } from '../config.ts';

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof levels;
const threshold = levels[(config.logLevel as Level) in levels ? (config.logLevel as Level) : 'info'];

/** One JSON object per line on stdout, for a log collector. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	if (levels[level] < threshold) return;
	process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
}
