import { resolve } from 'node:path';

const env = process.env;
const production = env.NODE_ENV === 'production';

function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** A whole number of at least `min`, else the fallback. */
function whole(value: string | undefined, fallback: number, min: number): number {
	const n = Number(value);
	return value && Number.isInteger(n) && n >= min ? n : fallback;
}

/** Settings from the environment, read once; see README "Configuration". */
export const config = {
	production,
	databaseUrl: env.DATABASE_URL || undefined,
	dataDir: resolve(env.DATA_DIR ?? 'data/pglite'),
	origin: env.ORIGIN ?? `http://localhost:${env.PORT ?? '3000'}`,
	authSecret: env.AUTH_SECRET ?? '',
	demoData: flag(env.DEMO_DATA, !production),
	smtpUrl: env.SMTP_URL || undefined,
	mailFrom: env.MAIL_FROM ?? 'Kwaliteitsspiegel <no-reply@kwaliteitsspiegel.local>',
	logLevel: env.LOG_LEVEL ?? 'info',
	rateLimit: flag(env.RATE_LIMIT, true),
	// Durable jobs (reminders): JOBS=false runs none in this instance; see docs/agenda-and-ambitions.md.
	jobs: {
		enabled: flag(env.JOBS, true),
		pollMs: whole(env.JOBS_POLL_SECONDS, 15, 1) * 1000,
		reminderDaysBefore: whole(env.ACTION_REMINDER_DAYS, 7, 1)
	},
	oidc: {
		surfconext: {
			issuer: env.OIDC_SURFCONEXT_ISSUER || undefined,
			clientId: env.OIDC_SURFCONEXT_CLIENT_ID ?? '',
			clientSecret: env.OIDC_SURFCONEXT_CLIENT_SECRET ?? ''
		},
		eduid: {
			issuer: env.OIDC_EDUID_ISSUER || undefined,
			clientId: env.OIDC_EDUID_CLIENT_ID ?? '',
			clientSecret: env.OIDC_EDUID_CLIENT_SECRET ?? ''
		}
	}
};

/** Refuses to run in production without the settings that protect users. */
export function assertProductionConfig(): void {
	if (!config.production) return;
	if (config.authSecret.length < 32) {
		throw new Error('AUTH_SECRET must be set (at least 32 characters) when NODE_ENV=production.');
	}
}
