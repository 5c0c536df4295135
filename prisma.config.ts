// Prisma CLI configuration for an offline machine (see README "Database"): the wasm schema engine talks to
// PostgreSQL through @prisma/adapter-pg, so no native engine is ever downloaded.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { cliAdapter } from './scripts/prisma-cli-adapter.ts';

try {
  process.loadEnvFile?.('.env');
} catch {
  /* no .env: defaults apply */
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => cliAdapter(),
});
