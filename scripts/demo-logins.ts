// `npm run demo:logins`: the demo logins as a Markdown table, for the README and docs.
import { DEMO_PASSWORD, demoLoginMarkdown } from '#lib/server/demo/demo-accounts.ts';

console.log(`All demo accounts have the password \`${DEMO_PASSWORD}\`.\n\n${demoLoginMarkdown()}`);
