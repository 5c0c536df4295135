// Handling throughput of real conversations for `npm run bench:webhook`: the burst of tests/support/conversation-burst.ts
// (producers reporting a month through the whole chat flow, district officers confirming) sent to one or two bot
// processes (src/main.ts, as `npm start` runs it) on one database, timed from the first post until every event is
// handled and every answer accepted by the LINE fake. Also the CPU the bot processes and the whole machine spent.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { createDb, withDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { startLineFake } from '../src/dev/line-fake/index.js';
import { seedReferenceData } from '../src/seed/seed-db.js';
import { TEST_TOKEN } from '../tests/support/bot.js';
import { startChildBot, type ChildBot } from '../tests/support/child-bot.js';
import { seedBurst, sendBurst } from '../tests/support/conversation-burst.js';
import { DB_PREFIX } from '../tests/support/ports.js';

export interface FlowRow {
  backend: string;
  processes: number;
  events: number;
  seconds: number;
  eventsPerSec: number;
  failed: number;
  /** CPU time of the bot processes per event (user + system). */
  botCpuMs: number;
  /** Busy CPU time of the whole machine per event (the bot, PostgreSQL, the load generator, anyone else). */
  machineCpuMs: number;
  /** 1-minute load average when the burst was handled. */
  load: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux
const processCpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
};
const machineBusyMs = () => {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (t.reduce((a, b) => a + b, 0) - t[3]! - t[4]!) * TICK_MS; // all but idle and iowait
};

async function admin(serverUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A migrated database with the reference data, to copy for each measurement. */
export async function flowTemplate(serverUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `${DB_PREFIX}_bench_tpl_${Date.now().toString(36)}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await migrate(url);
  const db = createDb(url, { poolSize: 2 });
  await seedReferenceData(db);
  await db.$disconnect();
  return { name, drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function until(check: () => Promise<boolean>, what: string, seconds = 900): Promise<void> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Seeds `users` people on a copy of the template, starts `processes` bots, sends the burst, waits until all is done. */
export async function measureFlows(backend: string, serverUrl: string, template: string, processes: number, users: number): Promise<FlowRow> {
  const name = `${DB_PREFIX}_bench_${Date.now().toString(36)}`;
  await admin(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, { poolSize: 2 });
  const fake = await startLineFake({ channelAccessToken: TEST_TOKEN });
  const bots: ChildBot[] = [];
  try {
    const warmUp = await seedBurst(db, 9); // producers only: their districts are not the officers'
    const burst = await seedBurst(db, users);
    for (let i = 0; i < processes; i++) bots.push(await startChildBot({ databaseUrl: url, lineUrl: fake.url }));
    const urls = bots.map((b) => `http://127.0.0.1:${b.port}/webhook`);
    const issueToken = (u: string) => fake.issueReplyToken(u);
    const count = async () => {
      const [h] = await db.$queryRaw<{ left: bigint; unsent: bigint }[]>`
        SELECT (SELECT count(*) FROM "WebhookEvent" WHERE "processedAt" IS NULL) AS "left",
               (SELECT count(*) FROM "OutboundMessage" WHERE "status" <> 'SENT') AS "unsent"`;
      return h!.left === 0n && h!.unsent === 0n;
    };
    await sendBurst(warmUp, urls, { issueToken });
    await until(count, 'warm-up handled');
    const before = await db.webhookEvent.count();

    const cpu0 = bots.map((b) => processCpuMs(b.process.pid!));
    const busy0 = machineBusyMs();
    const t0 = performance.now();
    await sendBurst(burst, urls, { issueToken, concurrency: 32 });
    await until(count, 'burst handled');
    const seconds = (performance.now() - t0) / 1000;
    const botCpu = bots.reduce((sum, b, i) => sum + processCpuMs(b.process.pid!) - cpu0[i]!, 0);
    const busy = machineBusyMs() - busy0;
    const load = os.loadavg()[0]!;

    const events = (await db.webhookEvent.count()) - before;
    const failed = await db.webhookEvent.count({ where: { lastError: { not: null } } });
    return { backend, processes, events, seconds, eventsPerSec: events / seconds, failed, botCpuMs: botCpu / events, machineCpuMs: busy / events, load };
  } finally {
    await Promise.all(bots.map((b) => b.kill('SIGTERM')));
    await fake.close();
    await db.$disconnect();
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
