// A fresh database per test file, copied from the migrated and seeded template (fast: no migrations per test).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, withDatabase, type Db } from '../../src/db/client.js';
import { DB_PREFIX } from './ports.js';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('pgServerUrl') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(opts: { template?: boolean } = {}): Promise<TestDatabase> {
  const name = `${DB_PREFIX}_t_${randomBytes(6).toString('hex')}`;
  const template = opts.template === false ? '' : ` TEMPLATE "${inject('pgTemplate')}"`;
  for (let i = 0; ; i++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}"${template}`);
      break;
    } catch (err) {
      // another file copying the template at the same instant: wait and retry
      if (i >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = withDatabase(inject('pgServerUrl'), name);
  const db = createDb(url, { poolSize: 5 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
