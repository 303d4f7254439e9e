// drizzle-kit's settings: `pnpm --filter @fastbox/store db:generate` writes a migration for each change to the tables.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/tables.ts',
  out: './drizzle',
})
