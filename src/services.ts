// Composition root: database (embedded or external) → migrations → reference/demo data → LINE client (or the
// built-in fake in local mode) → bot → express app → cron. `close()` stops all of it in reverse order.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.js';
import { createDb, withDatabase, type Db } from './db/client.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createDispatcher, type Dispatcher, type Logger } from './bot/dispatcher.js';
import { recordEvents, pendingEvents } from './bot/inbox.js';
import { createRouter } from './bot/router.js';
import type { LinePort } from './bot/ports.js';
import { botDefinition } from './conversations/index.js';
import { createApp } from './http/app.js';
import { createLineClients, createMessenger } from './line/messenger.js';
import { createRichMenus } from './line/rich-menu.js';
import { seedReferenceData } from './seed/seed-db.js';
import { seedDemoData } from './seed/seed-demo.js';
import { startLineFake, type LineFake } from './dev/line-fake/index.js';
import { startJobs } from './jobs/schedule.js';
import { createBulkSender } from './line/bulk-sender.js';
import type { BulkSendPort } from './bot/ports.js';

export interface Services {
  config: Config;
  db: Db;
  databaseUrl: string;
  line: LinePort;
  /** Scheduled sending (reminders): push/multicast with retry keys, and the quota. */
  bulk: BulkSendPort;
  dispatcher: Dispatcher;
  server: Server;
  /** Port the HTTP server listens on (useful with PORT=0). */
  port: number;
  /** The built-in LINE fake, in local mode only. */
  fake: LineFake | null;
  /** Demo invite codes created at start (local/demo mode). */
  demoInvites: { code: string; label: string }[];
  close(): Promise<void>;
}

export const APP_DATABASE = 'otop';

/** Creates the application database on a server if it does not exist yet. */
async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function startServices(config: Config, log: Logger, opts: { clock?: () => Date } = {}): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => log.error('shutdown step failed', { err: String(e) }));
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      mkdirSync(config.dataDir, { recursive: true });
      const pgServer = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, stopAdopted: true });
      stops.push(pgServer.stop);
      await ensureDatabase(pgServer.url, APP_DATABASE);
      databaseUrl = withDatabase(pgServer.url, APP_DATABASE);
      log.info('embedded PostgreSQL started', { port: pgServer.port, dataDir: path.join(config.dataDir, 'pg') });
    }
    const applied = await migrate(databaseUrl);
    if (applied.length) log.info('migrations applied', { applied });

    const db = createDb(databaseUrl);
    stops.push(() => db.$disconnect());
    const ingest = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    stops.push(() => ingest.end());
    await seedReferenceData(db);
    const demoInvites = config.demoData ? await seedDemoData(db, opts.clock?.() ?? new Date()) : [];

    let fake: LineFake | null = null;
    if (config.localMode && config.line.apiBaseUrl === `http://127.0.0.1:${config.lineFakePort}`) {
      fake = await startLineFake({ port: config.lineFakePort, channelAccessToken: config.line.channelAccessToken });
      stops.push(() => fake!.close());
    }
    const clients = createLineClients(config.line);
    const richMenus = createRichMenus(db, clients, { log });
    stops.push(() => richMenus.idle());
    const line = createMessenger(clients, richMenus);
    const dispatcher = createDispatcher({
      db,
      line,
      route: createRouter(botDefinition({ db })),
      log,
      publicBaseUrl: config.publicBaseUrl,
      clock: opts.clock,
    });
    stops.push(() => dispatcher.idle());

    const app = createApp({
      channelSecret: config.line.channelSecret,
      log,
      receive: async (events) => dispatcher.enqueue(await recordEvents(ingest, events)),
    });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.port, '0.0.0.0', () => resolve(s));
      s.once('error', reject);
    });
    stops.push(() => new Promise<void>((r) => server.close(() => r())));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;

    dispatcher.enqueue(await pendingEvents(db)); // resume what a crash left unprocessed
    const bulk = createBulkSender(clients);
    if (config.cron) stops.push(startJobs({ db, line, bulk, log }));

    return { config, db, databaseUrl, line, bulk, dispatcher, server, port, fake, demoInvites, close };
  } catch (err) {
    await close();
    throw err;
  }
}
