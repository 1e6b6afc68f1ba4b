import { existsSync } from 'node:fs';

/** The Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium; null when there is none. */
export function chromiumPath(): string | null {
	const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	return existsSync(path) ? path : null;
}
