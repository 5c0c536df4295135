// Creates the next migration offline: `npm run db:migration -- <name>`.
// `prisma migrate dev` does not work with the js engine, so this diffs the committed migrations against the
// schema (shadow database through the CLI adapter) and writes prisma/migrations/<UTC timestamp>_<name>/.
// Uses MIGRATION_DATABASE_URL or DATABASE_URL when set, otherwise a throwaway embedded PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { MIGRATIONS_DIR } from '../src/db/migrate.ts';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in snake_case>');
  process.exit(2);
}

let url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL || '';
let stop = async () => {};
let tmp = '';
if (!/^postgres(ql)?:/.test(url)) {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'otop-migration-'));
  const server = await startEmbeddedPostgres({ dataDir: tmp, port: 20000 + Math.floor(Math.random() * 20000) });
  url = server.url;
  stop = server.stop;
}

try {
  mkdirSync(MIGRATIONS_DIR, { recursive: true });
  const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
  const hasMigrations = readdirSync(MIGRATIONS_DIR).some((d) => existsSync(path.join(MIGRATIONS_DIR, d, 'migration.sql')));
  const out = path.join(os.tmpdir(), `otop-migration-${process.pid}.sql`);
  const from = hasMigrations ? ['--from-migrations', MIGRATIONS_DIR] : ['--from-empty'];
  const r = spawnSync(
    'node',
    ['scripts/prisma.mjs', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script', '--exit-code', '--output', out],
    { stdio: 'inherit', env: { ...process.env, MIGRATION_DATABASE_URL: url } },
  );
  if (r.status === 0) {
    console.log('schema and migrations agree: nothing to do');
  } else if (r.status === 2) {
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'migration.sql'), readFileSync(out, 'utf8'));
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } else {
    process.exitCode = 1;
  }
  rmSync(out, { force: true });
} finally {
  await stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
