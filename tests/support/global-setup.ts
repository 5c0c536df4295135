// One PostgreSQL server for the whole test run: an external one when TEST_DATABASE_URL is set (CI also runs the
// suite against the machine's PostgreSQL 15), otherwise the embedded PostgreSQL 17 the app itself uses.
// A template database is migrated and seeded once; each test file copies it (CREATE DATABASE … TEMPLATE).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createDb, withDatabase } from '../../src/db/client.js';
import { seedReferenceData } from '../../src/seed/seed-db.js';
import { DB_PREFIX, randomPort } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
    pgKind: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL ?? '';
  let stop = async () => {};
  let kind = 'external';
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'otop-test-pg-'));
    const port = randomPort();
    const server = await startEmbeddedPostgres({ dataDir: dir, port });
    serverUrl = server.url;
    kind = 'embedded';
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  // TEST_DB_PREFIX: where several people share one server, each keeps to its own database names.
  const template = `${DB_PREFIX}_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  const url = withDatabase(serverUrl, template);
  await migrate(url);
  const db = createDb(url, { poolSize: 2 });
  await seedReferenceData(db);
  await db.$disconnect();
  const { rows } = await admin.query<{ v: string }>('SHOW server_version');
  kind = `${kind} PostgreSQL ${rows[0]?.v}`;
  project.provide('pgServerUrl', serverUrl);
  project.provide('pgTemplate', template);
  project.provide('pgKind', kind);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    await stop();
  };
}
