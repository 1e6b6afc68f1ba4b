import { defineConfig } from 'drizzle-kit';

// Migrations are generated against the schema and committed; they are never pushed.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	casing: 'snake_case'
});
