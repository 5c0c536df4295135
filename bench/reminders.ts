// `npm run bench:reminders` — reminders at national scale: on the entry due day of November 2026, every producer
// (8,000, then 80,000, each with one LINE user and nothing reported) and the 878 district officers are reminded
// through the LINE fake. Each scale gets its own database (h2_bench_<n>k on the PostgreSQL server at
// BENCH_PG_URL, default postgresql://postgres@127.0.0.1:5432; producers and users made with generate_series in
// SQL, not row by row), its own fake and its own child process (so the peak RSS is its own), and is dropped at the
// end. Prints side by side: plan time, send time, peak requests per second per endpoint (the fake's rate meter),
// largest multicast, peak RSS and heap — with LINE's limits and the targets beside them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import v8 from 'node:v8';
import pg from 'pg';
import { createDb, withDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/seed/seed-db.js';
import { createLineClients } from '../src/line/messenger.js';
import { createBulkSender } from '../src/line/bulk-sender.js';
import { run } from '../src/jobs/reminders.js';
import { startLineFake, type EndpointRate } from '../src/dev/line-fake/index.js';

const SCALES = (process.env.BENCH_SCALES ?? '8000,80000').split(',').map(Number);
const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 42010);
const NOW = new Date('2026-12-03T02:00:00Z'); // 09:00 Bangkok, the entry due day of November 2026
const TOKEN = 'bench-token';
/** Old-space limit of the sending process: the job must finish inside it at every scale (memory bounded, not just GC-lazy). */
const OLD_SPACE_MB = Number(process.env.BENCH_OLD_SPACE_MB ?? 160);
const dbName = (n: number) => `h2_bench_${Math.round(n / 1000)}k`;

interface ChildResult {
  planned: number;
  sent: number;
  requests: { push: number; multicast: number };
  failed: number;
  planMs: number;
  sendMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  planHeapMb: number;
  sendHeapMb: number;
  heapAfterGcMb: number;
}

/** Creates the scale's database: schema, reference data, producers and users in a few set-based statements. */
async function load(n: number): Promise<{ url: string; districts: number; loadS: number }> {
  const t0 = performance.now();
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName(n)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName(n)}`);
  await admin.end();
  const url = withDatabase(SERVER, dbName(n));
  await migrate(url);
  const db = createDb(url, { poolSize: 2 });
  await seedReferenceData(db);
  await db.$disconnect();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`
    INSERT INTO "Producer" ("registrationCode", name, type, categories, "districtId", tambon)
    SELECT 'B-' || i, 'ผู้ผลิตทดสอบ ' || i, (ARRAY['COMMUNITY_GROUP','SINGLE_OWNER','SME']::"ProducerType"[])[1 + i % 3],
           ARRAY[(ARRAY['FOOD','DRINK','TEXTILE','HOUSEHOLD','HERBAL']::"ProductCategory"[])[1 + i % 5]], d.ids[1 + i % d.n], 'ตำบลตัวอย่าง'
    FROM generate_series(1, $1::int) i, (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "District") d`, [n]);
  await c.query(`
    INSERT INTO "User" ("lineUserId", "displayName", role, "producerId", "updatedAt")
    SELECT 'U' || lpad(to_hex(id), 32, '0'), 'ผู้ผลิต ' || id, 'PRODUCER', id, now() FROM "Producer"`);
  await c.query(`
    INSERT INTO "User" ("lineUserId", "displayName", role, "districtId", "updatedAt")
    SELECT 'U' || lpad(to_hex(1000000 + id), 32, 'f'), 'พัฒนากร ' || id, 'DISTRICT_OFFICER', id, now() FROM "District"`);
  await c.query('ANALYZE');
  const districts = Number((await c.query('SELECT count(*) FROM "District"')).rows[0].count);
  await c.end();
  return { url, districts, loadS: (performance.now() - t0) / 1000 };
}

/** One scale's run, in this (child) process: the real job, memory sampled every 100 ms. */
async function child(url: string, fakeUrl: string): Promise<void> {
  const db = createDb(url, { poolSize: 4 });
  const bulk = createBulkSender(createLineClients({ channelAccessToken: TOKEN, apiBaseUrl: fakeUrl, dataApiBaseUrl: fakeUrl }));
  const samples: [number, number][] = [];
  const start = performance.now();
  const sample = setInterval(() => samples.push([performance.now() - start, v8.getHeapStatistics().used_heap_size]), 100);
  const log = { info() {}, warn() {}, error: (m: string, x?: object) => console.error(m, x ?? '') };
  const r = await run({ db, bulk, log }, NOW);
  clearInterval(sample);
  const peak = (from: number, to: number) => Math.max(0, ...samples.filter(([t]) => t >= from && t < to).map(([, h]) => h));
  const planEnd = r.planMs ?? 0;
  (globalThis as { gc?: () => void }).gc?.();
  const mb = (b: number) => Math.round(b / 1048576);
  const out: ChildResult = {
    planned: r.planned, sent: r.sent ?? 0, requests: r.requests ?? { push: 0, multicast: 0 }, failed: r.failed ?? 0,
    planMs: r.planMs ?? 0, sendMs: r.sendMs ?? 0,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapMb: mb(peak(0, Infinity)), planHeapMb: mb(peak(0, planEnd)), sendHeapMb: mb(peak(planEnd, Infinity)), heapAfterGcMb: mb(process.memoryUsage().heapUsed),
  };
  await db.$disconnect();
  console.log(JSON.stringify(out));
}

/** The fake in its own process, so its recorded requests do not count in the sender's memory. */
async function fakeProcess(): Promise<void> {
  const fake = await startLineFake({ port: FAKE_PORT, channelAccessToken: TOKEN });
  console.log(`ready ${fake.url}`);
  process.once('SIGTERM', () => process.exit(0));
}

function startFake(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--fake'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (b: Buffer) => {
      const m = /ready (\S+)/.exec(b.toString());
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.once('exit', (code) => reject(new Error(`fake exited ${code}`)));
  });
}

async function main(): Promise<void> {
  console.log(`bench:reminders — ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, reminding on ${NOW.toISOString()}`);
  const rows: { n: number; districts: number; loadS: number; r: ChildResult; rates: Record<string, EndpointRate> }[] = [];
  for (const n of SCALES) {
    const { url, districts, loadS } = await load(n);
    const fake = await startFake();
    try {
      const c = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${OLD_SPACE_MB}`, ...process.execArgv, process.argv[1]!, '--child', url, fake.url], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (c.status !== 0) throw new Error(`child failed (${c.status}): ${c.stderr}`);
      const r = JSON.parse(c.stdout.trim().split('\n').at(-1)!) as ChildResult;
      const rates = (await (await fetch(`${fake.url}/__fake/rates`)).json()) as Record<string, EndpointRate>;
      rows.push({ n, districts, loadS, r, rates });
      console.log(`  ${n.toLocaleString('en-US')} producers: loaded in ${loadS.toFixed(1)} s, reminded in ${((r.planMs + r.sendMs) / 1000).toFixed(1)} s`);
    } finally {
      fake.proc.kill('SIGTERM');
      const admin = new pg.Client({ connectionString: SERVER });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName(n)} WITH (FORCE)`);
      await admin.end();
    }
  }
  const col = (label: string, f: (x: (typeof rows)[number]) => string, target = '') =>
    console.log(`${label.padEnd(34)}${rows.map((x) => f(x).padStart(16)).join('')}   ${target}`);
  const rate = (x: (typeof rows)[number], e: string) => x.rates[e] ?? { total: 0, peakPerSecond: 0, maxRecipients: 0, peakAt: null };
  console.log('');
  col('producers + district officers', (x) => `${x.n.toLocaleString('en-US')} + ${x.districts}`);
  col('reminders sent', (x) => `${x.r.sent.toLocaleString('en-US')} / ${x.r.planned.toLocaleString('en-US')}`, 'all planned are sent');
  col('failed', (x) => String(x.r.failed), '0');
  col('plan (snapshot + rows), s', (x) => (x.r.planMs / 1000).toFixed(1));
  col('send, s', (x) => (x.r.sendMs / 1000).toFixed(1));
  col('plan + send, s', (x) => ((x.r.planMs + x.r.sendMs) / 1000).toFixed(1), 'target < 120 s');
  col('push requests (peak req/s)', (x) => `${rate(x, 'push').total} (${rate(x, 'push').peakPerSecond})`, 'LINE limit 2,000 req/s');
  col('multicast requests (peak req/s)', (x) => `${rate(x, 'multicast').total} (${rate(x, 'multicast').peakPerSecond})`, 'LINE limit 200 req/s');
  col('largest multicast, recipients', (x) => String(rate(x, 'multicast').maxRecipients), 'LINE limit 500');
  col('quota reads (peak req/s)', (x) => `${rate(x, 'quota').total + rate(x, 'quota.consumption').total} (${Math.max(rate(x, 'quota').peakPerSecond, rate(x, 'quota.consumption').peakPerSecond)})`);
  col('peak RSS, MB', (x) => String(x.r.peakRssMb), 'flat as the count grows');
  col('peak heap used (sampled), MB', (x) => String(x.r.peakHeapMb));
  col('  while planning / while sending', (x) => `${x.r.planHeapMb} / ${x.r.sendHeapMb}`);
  col('heap after GC at the end, MB', (x) => String(x.r.heapAfterGcMb));
  if (rows.length > 1) {
    const [a, b] = [rows[0]!, rows.at(-1)!];
    console.log(`\nRSS ${a.n.toLocaleString('en-US')} → ${b.n.toLocaleString('en-US')}: ×${(b.r.peakRssMb / a.r.peakRssMb).toFixed(2)}; peak heap ×${(b.r.peakHeapMb / a.r.peakHeapMb).toFixed(2)}`);
  }
}

const i = process.argv.indexOf('--child');
if (i > 0) await child(process.argv[i + 1]!, process.argv[i + 2]!);
else if (process.argv.includes('--fake')) await fakeProcess();
else await main();
