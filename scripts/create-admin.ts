// `npm run admin:create -- --email x --name y`: the first network admin of a real
// deployment (demo data off). Uses the same database settings as the app.
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { portInUse, root } from './lib/app-build.ts';
import { parseCli } from './lib/cli.ts';

process.chdir(root);

const usage = `Usage: npm run admin:create -- --email <e-mail> --name "<full name>" [--magic-link]

Creates a network admin (netwerkbureau) and prints a one-time password to sign in with
at /inloggen; change it after signing in. With --magic-link no password is set: the admin
signs in with an e-mail link (needs SMTP_URL, or the link cannot reach them).
Uses DATABASE_URL, or the embedded database in DATA_DIR (default ./data/pglite) —
stop the server first when it uses the embedded database.`;

const args = parseCli(
	{
		options: {
			email: { type: 'string' },
			name: { type: 'string' },
			'magic-link': { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	},
	usage
);

const { requiredEmail, requiredText } = await import('#lib/domain/organisation/codes.ts');
const email = requiredEmail('e-mailadres').safeParse(args.email ?? '');
const name = requiredText('naam', 2, 200).safeParse(args.name ?? '');
if (!email.success || !name.success) {
	for (const result of [email, name]) if (!result.success) console.error(result.error.issues[0]?.message);
	console.error(`\n${usage}`);
	process.exit(2);
}
const magicLink = args['magic-link'];

const { config } = await import('#lib/server/config.ts');
if (magicLink && !config.smtpUrl) {
	console.error(
		'--magic-link needs SMTP_URL: without it the sign-in e-mail stays in the outbox, which only admins can read.'
	);
	process.exit(2);
}
// The embedded database takes one process at a time: a second one would corrupt it.
const port = Number(process.env.PORT || 3000);
if (!config.databaseUrl && (await portInUse(port))) {
	console.error(
		`Something runs on port ${port}: stop Kwaliteitsspiegel first (the embedded database allows one process).`
	);
	process.exit(1);
}
const { connect } = await import('#lib/server/db/connect.ts');
const { user, account } = await import('#lib/server/auth/auth.table.ts');
const { roleAssignment } = await import('#lib/server/people/people.table.ts');
const { recordAudit } = await import('#lib/server/audit/audit.service.ts');
const { seedDemoIfEmpty } = await import('#lib/server/demo/seed.ts');

const connection = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
try {
	await connection.migrate();
	const { db } = connection;
	// Same start as the app: the network row (and demo data only when DEMO_DATA is on).
	await seedDemoIfEmpty(db);
	const [existing] = await db
		.select({ id: user.id })
		.from(user)
		.where(eq(sql`lower(${user.email})`, email.data));
	if (existing) {
		console.error(`There is already an account for ${email.data}; nothing was changed.`);
		process.exitCode = 1;
	} else {
		// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
		const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
		const password = magicLink
			? null
			: [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
		const id = randomUUID();
		await db.transaction(async (tx) => {
			await tx.insert(user).values({ id, name: name.data, email: email.data, emailVerified: true });
			if (password) {
				await tx.insert(account).values({
					id: randomUUID(),
					userId: id,
					accountId: id,
					providerId: 'credential',
					password: await hashPassword(password)
				});
			}
			await tx.insert(roleAssignment).values({ userId: id, role: 'network_admin' });
			await recordAudit(tx, null, {
				action: 'person.create_admin',
				entityType: 'user',
				entityId: id,
				details: { email: email.data, via: 'npm run admin:create' }
			});
		});
		console.log(`Network admin created: ${name.data} <${email.data}>`);
		if (password) {
			console.log(`\nOne-time password (shown only now): ${password}\n`);
			console.log(`Sign in at ${config.origin}/inloggen and change this password under "Mijn account".`);
		} else {
			console.log(
				`\nNo password was set. Sign in at ${config.origin}/inloggen with "Inloggen met een e-maillink".`
			);
		}
	}
} finally {
	await connection.close();
}
