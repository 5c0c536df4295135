// Composition root: instance lock → database (embedded or external) → migrations → reference/demo data → LINE client
// (or the built-in fake in local mode) → courier + dispatcher → express app → cron. `close()` stops all of it in
// reverse order within a bounded time, whatever state the database is in.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Config } from './config.js';
import { connectClient, createDb, createPool, withDatabase, type Db } from './db/client.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { migrate, pendingMigrations } from './db/migrate.js';
import { createCourier } from './bot/courier.js';
import { referencePlaces } from './seed/places.js';
import type { BotModule } from './conversations/module.js';
import { createDispatcher, type Dispatcher, type Logger } from './bot/dispatcher.js';
import { lateEvents, recordEvents } from './bot/inbox.js';
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
import { acquireInstanceLock, assertPortFree, listen } from './startup-guards.js';
import { createSimulatorHub } from './dev/simulator/hub.js';
import { mountSimulator } from './dev/simulator/routes.js';
import { mountReportDownloads } from './http/report-download.js';
import { mountAddFriendQr } from './http/add-friend-qr.js';
import { diskReportStore } from './reports/store.js';
import { createReportDelivery } from './jobs/report-delivery.js';
import { createHmac } from 'node:crypto';
import nodePath from 'node:path';

export interface Services {
  config: Config;
  db: Db;
  databaseUrl: string;
  line: LinePort;
  /** Scheduled sending (reminders): push/multicast with retry keys, and the quota. */
  bulk: BulkSendPort;
  dispatcher: Dispatcher;
  /** Reports asked for in chat: `resume` delivers what a crash left pending (also run at start and every 5 min). */
  reports: { resume(minAgeMs?: number): Promise<number> };
  server: Server;
  /** Port the HTTP server listens on (useful with PORT=0). */
  port: number;
  /** The built-in LINE fake, in local mode only. */
  fake: LineFake | null;
  /** Demo invite codes created at start (local/demo mode). */
  demoInvites: { code: string; label: string }[];
  /** Stops taking events, drains, closes pools, stops the embedded PostgreSQL; bounded by `timeoutMs` (default 10 s). */
  close(opts?: { timeoutMs?: number }): Promise<void>;
}

export const APP_DATABASE = 'otop';

/** Creates the application database on a server if it does not exist yet. */
async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = await connectClient(serverUrl);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref())]);

/** `opts.modules`: conversation modules added to the product's own (tests use it to put a faulty one in). */
export async function startServices(config: Config, log: Logger, opts: { clock?: () => Date; modules?: BotModule[] } = {}): Promise<Services> {
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  let closing: Promise<void> | null = null;
  let stopping = false;
  const close = (o: { timeoutMs?: number } = {}) =>
    (closing ??= (async () => {
      stopping = true;
      const deadline = Date.now() + (o.timeoutMs ?? 10_000);
      for (const { name, stop } of stops.reverse()) {
        const left = Math.max(200, deadline - Date.now());
        await within(stop(), left, name).catch((e) => log.warn('shutdown step cut short', { step: name, err: String(e) }));
      }
    })());
  const onDbError = (where: string, err: Error) => {
    if (!stopping) log.warn('database connection lost (reconnects on next use)', { where, err: err.message });
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      mkdirSync(config.dataDir, { recursive: true });
      stops.push({ name: 'instance lock', stop: acquireInstanceLock(config.dataDir) });
      await assertPortFree(config.port, 'PORT');
      if (config.localMode) await assertPortFree(config.lineFakePort, 'LINE_FAKE_PORT');
      const pgServer = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, stopAdopted: true });
      stops.push({ name: 'embedded PostgreSQL', stop: pgServer.stop });
      await ensureDatabase(pgServer.url, APP_DATABASE);
      databaseUrl = withDatabase(pgServer.url, APP_DATABASE);
      log.info('embedded PostgreSQL started', { port: pgServer.port, dataDir: path.join(config.dataDir, 'pg') });
    }
    const applied = await migrate(databaseUrl);
    if (applied.length) log.info('migrations applied', { applied });

    const db = createDb(databaseUrl, { onError: onDbError });
    stops.push({ name: 'database pool', stop: () => db.$disconnect() });
    const ingest = createPool(databaseUrl, { max: 4, onError: onDbError });
    stops.push({ name: 'webhook pool', stop: () => ingest.end() });
    await seedReferenceData(db);
    const demoInvites = config.demoData ? await seedDemoData(db, opts.clock?.() ?? new Date()) : [];

    let fake: LineFake | null = null;
    const hub = createSimulatorHub();
    if (config.localMode && config.line.apiBaseUrl === `http://127.0.0.1:${config.lineFakePort}`) {
      fake = await startLineFake({ port: config.lineFakePort, channelAccessToken: config.line.channelAccessToken, onRequest: hub.onRequest });
      stops.push({ name: 'LINE fake', stop: () => fake!.close() });
    }
    // LINE_FAKE_PORT=0 (tests): the fake picked a free port, so the clients use its real address.
    const clients = createLineClients(fake ? { ...config.line, apiBaseUrl: fake.url, dataApiBaseUrl: fake.url } : config.line);
    const richMenus = createRichMenus(db, clients, { log });
    stops.push({ name: 'rich menus', stop: () => richMenus.idle() });
    const line = createMessenger(clients, richMenus, { timeoutMs: config.lineTimeoutMs });
    const courier = createCourier({ db, line, log, lineTimeoutMs: config.lineTimeoutMs });
    stops.push({ name: 'outbox', stop: () => (courier.stop(), courier.idle()) });
    // Report download links are signed with a key derived from the channel secret; files live under DATA_DIR/reports.
    const reportStore = diskReportStore(nodePath.join(config.dataDir, 'reports'));
    const reportLinkSecret = createHmac('sha256', config.line.channelSecret).update('report-links').digest('hex');
    const reportDeps = { db, line, courier, store: reportStore, secret: reportLinkSecret, publicBaseUrl: config.publicBaseUrl, log, addFriendUrl: config.addFriendUrl };
    const reports = createReportDelivery(reportDeps, opts.clock);
    const dispatcherDeps = {
      reports,
      db,
      line,
      courier,
      route: createRouter(botDefinition({ db, inviteGuard: config.inviteGuard, modules: opts.modules })),
      log,
      publicBaseUrl: config.publicBaseUrl,
      places: referencePlaces(db),
      addFriendUrl: config.addFriendUrl,
      clock: opts.clock,
    };
    const dispatcher = createDispatcher(dispatcherDeps);
    stops.push({ name: 'event handling', stop: () => dispatcher.stop() });

    const app = createApp({
      channelSecret: config.line.channelSecret,
      log,
      receive: async (events) => {
        if (stopping) throw new Error('stopping: LINE will redeliver');
        const fresh = await recordEvents(ingest, events);
        for (const { event, ageMinutes } of lateEvents(fresh, opts.clock?.() ?? new Date())) {
          log.warn('late webhook event (handled once, like any other)', { event: event.id, user: event.lineUserId, ageMinutes, redelivery: event.redelivery });
        }
        dispatcher.enqueue(fresh);
      },
      notReady: async () => {
        if (stopping) return 'stopping';
        try {
          const pending = await within(pendingMigrations((sql) => ingest.query(sql)), 3_000, 'database');
          return pending.length ? `migrations pending: ${pending.join(', ')}` : null;
        } catch (err) {
          return `database unreachable: ${(err as Error).message}`;
        }
      },
      // The browser chat simulator exists only beside the built-in fake (local mode), never with a real channel.
      routes: (a) => {
        mountReportDownloads(a, { secret: reportLinkSecret, store: reportStore, ...(opts.clock ? { now: opts.clock } : {}) });
        mountAddFriendQr(a, { addFriendUrl: config.addFriendUrl });
        if (fake) mountSimulator(a, { fake: fake!, hub, channelSecret: config.line.channelSecret, demoInvites });
      },
    });
    const server = await listen(app, config.port);
    stops.push({
      name: 'http server',
      stop: () =>
        new Promise<void>((r) => {
          server.close(() => r());
          server.closeIdleConnections();
        }),
    });
    stops.push({ name: 'simulator streams', stop: async () => hub.closeAll() }); // open pages would hold the server

    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // Without PUBLIC_BASE_URL the default is this server's own address; with PORT=0 only now is the real port known
    // (links made before this point would say localhost:0).
    if (config.publicBaseUrl === `http://localhost:${config.port}`) {
      config.publicBaseUrl = `http://localhost:${port}`;
      reportDeps.publicBaseUrl = dispatcherDeps.publicBaseUrl = config.publicBaseUrl;
    }

    await courier.poll(); // what a previous run left unsent
    await dispatcher.resume(); // what a crash or an outage left unprocessed
    void reports.resume(0).catch((err) => log.warn('pending report requests not resumed', { err: String(err) }));
    const bulk = createBulkSender(clients);
    if (config.cron) {
      const stopJobs = startJobs({ db, line, bulk, log, reportStore, reports, reminderSettings: { progressDay: config.reminderProgressDay }, reportLinks: { secret: reportLinkSecret, publicBaseUrl: config.publicBaseUrl } });
      stops.push({ name: 'jobs', stop: stopJobs });
    }

    return { config, db, databaseUrl, line, bulk, dispatcher, reports, server, port, fake, demoInvites, close };
  } catch (err) {
    await close();
    throw err;
  }
}
