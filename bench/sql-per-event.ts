// `npx tsx bench/sql-per-event.ts`: SQL statements sent to PostgreSQL per handled event of the real-conversation
// burst (tests/support/conversation-burst.ts), counted at the `pg` driver in process, webhook insert to answer sent,
// and the statements that occur most. A guide for speed work: each statement is a round trip inside a transaction
// that holds the person's lock. Uses the server at 127.0.0.1:5432 (BENCH_SERVER_URL) with a database of its own.
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { createDb, withDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { startLineFake } from '../src/dev/line-fake/index.js';
import { seedReferenceData } from '../src/seed/seed-db.js';
import { startServices } from '../src/services.js';
import { TEST_SECRET, TEST_TOKEN } from '../tests/support/bot.js';
import { seedBurst, sendBurst } from '../tests/support/conversation-burst.js';
import { DB_PREFIX } from '../tests/support/ports.js';

const server = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `${DB_PREFIX}_sqlcount_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const url = withDatabase(server, name);
try {
  await migrate(url);
  const seedDb = createDb(url, { poolSize: 2 });
  await seedReferenceData(seedDb);
  const burst = await seedBurst(seedDb, Number(process.env.BENCH_FLOW_USERS ?? 20));
  await seedDb.$disconnect();

  const counts = new Map<string, number>();
  let counting = false;
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
    if (counting) {
      const q = a[0] as string | { text?: string };
      const sql = (typeof q === 'string' ? q : q?.text ?? '?').replace(/\s+/g, ' ').trim().slice(0, 90);
      counts.set(sql, (counts.get(sql) ?? 0) + 1);
    }
    return query.apply(this, a);
  } as typeof pg.Client.prototype.query;

  const fake = await startLineFake({ channelAccessToken: TEST_TOKEN });
  const config = loadConfig({
    LINE_CHANNEL_SECRET: TEST_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TEST_TOKEN, LINE_API_BASE_URL: fake.url, LINE_DATA_API_BASE_URL: fake.url,
    DATABASE_URL: url, PORT: '0', CRON: 'off', DEMO_DATA: 'no', LOG_LEVEL: 'silent',
  });
  const quiet = { info: () => {}, warn: () => {}, error: (m: string, e?: object) => console.error(m, e ?? '') };
  const services = await startServices(config, quiet);
  counting = true;
  await sendBurst(burst, [`http://127.0.0.1:${services.port}/webhook`], { issueToken: (u) => fake.issueReplyToken(u), concurrency: 8 });
  await services.dispatcher.idle();
  counting = false;
  await services.close();
  await fake.close();

  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`${burst.events} events, ${total} statements: ${(total / burst.events).toFixed(1)} per event`);
  for (const [sql, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(n / burst.events).toFixed(2).padStart(6)}  ${sql}`);
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
