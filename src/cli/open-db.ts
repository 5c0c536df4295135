// Database access for command-line tools: DATABASE_URL, or the embedded server under DATA_DIR (used as it is when
// the bot is running, started and stopped again when it is not). Migrations and reference data are ensured.
import path from 'node:path';
import { loadConfig } from '../config.js';
import { createDb, withDatabase, type Db } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { seedReferenceData } from '../seed/seed-db.js';
import { APP_DATABASE } from '../services.js';
import pg from 'pg';

export async function openCliDb(): Promise<{ db: Db; close(): Promise<void> }> {
  try {
    process.loadEnvFile?.('.env');
  } catch {
    /* none */
  }
  const config = loadConfig();
  let url = config.databaseUrl;
  let stop = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort });
    stop = server.stop;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${APP_DATABASE}"`);
    await admin.end();
    url = withDatabase(server.url, APP_DATABASE);
  }
  await migrate(url);
  const db = createDb(url, { poolSize: 2 });
  await seedReferenceData(db);
  return {
    db,
    async close() {
      await db.$disconnect();
      await stop();
    },
  };
}
