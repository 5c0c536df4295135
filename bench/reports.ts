// `npm run bench:reports` — reports at national scale: 76 provinces, their 878 districts, 80,000 producers, 12 months
// (about 1M sales entries, loaded with COPY) in the PostgreSQL server at BENCH_DATABASE_URL (default: database
// otop_bench on 127.0.0.1:5432), or in an embedded server (port BENCH_PG_PORT, default 54329) when that is unreachable. Prints in one run:
//   1. the national summary's time beside the bare SQL GROUP BY it needs (target ≤ 3×);
//   2. a province-scale รต.2 PDF of 2,000+ rows: time (target < 3 s) and peak memory;
//   3. the full national XLSX export, streamed, at 100k and 1M rows: time and peak memory (target < 400 MB, flat).
// Each measurement runs in its own child process so its peak RSS (getrusage maxrss) is its own. `--reuse` keeps
// the loaded data of an earlier run.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createDb, withDatabase } from '../src/db/client.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { periodOf } from '../src/domain/reports/period.js';
import { seedReferenceData } from '../src/seed/seed-db.js';
// the measured code is imported in the child that measures it: the export's process does not also hold pdfkit and
// the fonts of the PDF parts (their start RSS is printed beside each peak)

const PRODUCERS = 80_000;
const BIG_DISTRICT = 2401; // gets 2,000 producers: its month is the 2,000-row รต.2
const BIG_DISTRICT_PRODUCERS = 2_000;
const MONTHS = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
const CATS = ['FOOD', 'DRINK', 'TEXTILE', 'HOUSEHOLD', 'HERBAL'];
const TYPES = ['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME'];
const FY = periodOf(2569, 9, 9);
const YEAR: ReturnType<typeof periodOf> = periodOf(2569, 10, 9);
const now = new Date('2026-10-11T03:00:00Z');

/** Deterministic pseudo-random in [0, 1) (mulberry32 of the key). */
function rnd(n: number): number {
  let t = (n + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

async function serverUrl(): Promise<{ url: string; stop(): Promise<void>; where: string }> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/otop_bench';
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    const name = new URL(url).pathname.slice(1);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
    const v = (await admin.query('SHOW server_version')).rows[0].server_version;
    await admin.end();
    return { url, stop: async () => {}, where: `PostgreSQL ${v} at ${new URL(url).host}/${name}` };
  } catch (err) {
    await admin.end().catch(() => {});
    console.log(`(${url} unreachable: ${(err as Error).message}; using an embedded server)`);
    const dir = path.join(tmpdir(), 'otop-bench-pg');
    mkdirSync(dir, { recursive: true });
    const server = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? 54329) });
    const a = new pg.Client({ connectionString: server.url });
    await a.connect();
    if (!(await a.query(`SELECT 1 FROM pg_database WHERE datname = 'otop_bench'`)).rowCount) await a.query('CREATE DATABASE otop_bench');
    await a.end();
    return { url: withDatabase(server.url, 'otop_bench'), stop: server.stop, where: 'embedded PostgreSQL' };
  }
}

async function copyIn(client: pg.Client, sql: string, lines: Iterable<string>): Promise<void> {
  async function* chunks() {
    let buf: string[] = [];
    for (const l of lines) {
      buf.push(l);
      if (buf.length === 5_000) { yield buf.join(''); buf = []; }
    }
    if (buf.length) yield buf.join('');
  }
  await pipeline(Readable.from(chunks()), client.query(copyStreams.from(sql)));
}

/** Loads producers and entries with COPY (unless --reuse finds them); returns the counts. */
async function load(url: string, reuse: boolean): Promise<{ districts: number; provinces: number; producers: number; entries: number; loadS: number | null }> {
  await migrate(url);
  const db = createDb(url);
  await seedReferenceData(db);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async (t: string) => Number((await client.query(`SELECT COUNT(*)::int AS n FROM "${t}"`)).rows[0].n);
  let loadS: number | null = null;
  if (!(reuse && (await count('SalesEntry')) > 900_000)) {
    const t0 = performance.now();
    await client.query(`TRUNCATE "SalesEntry", "Producer" RESTART IDENTITY CASCADE`);
    const user = await db.user.upsert({ where: { lineUserId: 'Ubench' }, create: { lineUserId: 'Ubench', displayName: 'bench' }, update: {} });
    const districts = (await client.query(`SELECT id FROM "District" ORDER BY id`)).rows.map((r) => r.id as number);
    const others = districts.filter((d) => d !== BIG_DISTRICT);
    function* producers() {
      for (let i = 1; i <= PRODUCERS; i++) {
        const d = i <= BIG_DISTRICT_PRODUCERS ? BIG_DISTRICT : others[i % others.length]!;
        const cats = i % 12 === 0 ? `{${CATS[i % 5]},${CATS[(i + 1) % 5]}}` : `{${CATS[i % 5]}}`;
        yield `B-${i},ผู้ผลิตทดสอบ ${i} กลุ่มวิสาหกิจชุมชนบ้านตัวอย่าง,${TYPES[i % 3]},"${cats}",${d},ตำบลตัวอย่าง,t\n`;
      }
    }
    await copyIn(client, `COPY "Producer" ("registrationCode", "name", "type", "categories", "districtId", "tambon", "active") FROM STDIN (FORMAT csv)`, producers());
    function* entries() {
      for (let i = 1; i <= PRODUCERS; i++) {
        const cats = i % 12 === 0 ? [CATS[i % 5], CATS[(i + 1) % 5]] : [CATS[i % 5]];
        for (const [m, month] of MONTHS.entries()) for (const c of cats) {
          const r = rnd(i * 97 + m * 7 + c!.length);
          const status = r < 0.95 ? 'PROVINCE_CONFIRMED' : r < 0.98 ? 'DISTRICT_CONFIRMED' : 'SUBMITTED';
          const base = Math.floor(5_000 + rnd(i * 13 + m) * 200_000) * 100;
          const online = Math.floor(base * 0.2 / 100) * 100;
          const exp = i % 40 === 0 ? Math.floor(base * 0.3 / 100) * 100 : 0;
          yield `${i},${month}-01,${c},${base},${online},${exp},0,${status},${user.id},${month}-28 03:00:00,${month}-28 03:00:00\n`;
        }
      }
    }
    await copyIn(client, `COPY "SalesEntry" ("producerId", "month", "category", "domesticOffline", "domesticOnline", "exportOffline", "exportOnline", "status", "enteredById", "submittedAt", "updatedAt") FROM STDIN (FORMAT csv)`, entries());
    await client.query('ANALYZE');
    loadS = (performance.now() - t0) / 1000;
  }
  const r = { districts: await count('District'), provinces: await count('Province'), producers: await count('Producer'), entries: await count('SalesEntry'), loadS };
  await client.end();
  await db.$disconnect();
  return r;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (kb: number) => Math.round(kb / 1024);

/** One measurement in this (child) process; prints one JSON line. */
async function child(part: string, url: string, arg: string | undefined): Promise<void> {
  const db = createDb(url, { poolSize: 2 });
  const before = process.memoryUsage().rss;
  let out: Record<string, unknown> = {};
  if (part === 'summary') {
    const { buildReport } = await import('../src/domain/reports/catalogue.js');
    const { generateReportFile } = await import('../src/reports/generate.js');
    const bare = async () => {
      const t0 = performance.now();
      await db.$queryRaw`
        SELECT d."provinceId", SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline")::text
        FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId" JOIN "District" d ON d."id" = pr."districtId"
        WHERE e."month" BETWEEN '2025-10-01'::date AND '2026-09-01'::date AND e."status"::text = 'PROVINCE_CONFIRMED'
        GROUP BY d."provinceId"`;
      return performance.now() - t0;
    };
    const report = async () => {
      const t0 = performance.now();
      await db.$transaction((tx) => buildReport(tx, 'summary', { nation: true }, FY), { isolationLevel: 'RepeatableRead', timeout: 60_000 });
      return performance.now() - t0;
    };
    await bare(); await report(); // warm
    const b: number[] = []; const r: number[] = [];
    for (let i = 0; i < 5; i++) { b.push(await bare()); r.push(await report()); }
    const t0 = performance.now();
    const pdf = await generateReportFile(db, { type: 'summary', scope: { nation: true }, period: FY, format: 'pdf' }, now);
    out = { bareMs: median(b), summaryMs: median(r), pdfMs: performance.now() - t0, pdfPages: pdf.bytes.length };
  } else if (part === 'pdf') {
    const { generateReportFile } = await import('../src/reports/generate.js');
    const t0 = performance.now();
    const f = await generateReportFile(db, { type: 'rt2', scope: { districtId: BIG_DISTRICT }, period: FY, format: 'pdf' }, now);
    out = { ms: performance.now() - t0, rows: f.document.table.rows.filter((x) => x.kind === 'body').length, bytes: f.bytes.length };
  } else if (part === 'xlsx') {
    const { exportLines } = await import('../src/domain/reports/entries-export.js');
    const { writeExportXlsx } = await import('../src/reports/xlsx/stream-export.js');
    const limit = Number(arg);
    const file = path.join(tmpdir(), `otop-bench-export-${limit}.xlsx`);
    const t0 = performance.now();
    let samples = 0; let peakSampled = 0;
    const timer = setInterval(() => { samples++; peakSampled = Math.max(peakSampled, process.memoryUsage().rss); }, 50);
    const rows = await db.$transaction(async (tx) => {
      async function* upTo() {
        let n = 0;
        for await (const batch of exportLines(tx, {}, YEAR)) {
          const take = batch.slice(0, limit - n);
          n += take.length;
          yield take;
          if (n >= limit) return;
        }
      }
      return writeExportXlsx(createWriteStream(file), 'ข้อมูลยอดจำหน่ายทั้งประเทศ ปีงบประมาณ พ.ศ. 2569', upTo(), now);
    }, { timeout: 1_800_000, isolationLevel: 'RepeatableRead' });
    clearInterval(timer);
    out = { ms: performance.now() - t0, rows, bytes: statSync(file).size, file, samples, peakSampledMb: Math.round(peakSampled / 2 ** 20) };
  }
  await db.$disconnect();
  console.log(JSON.stringify({ ...out, startRssMb: Math.round(before / 2 ** 20), peakRssMb: mb(process.resourceUsage().maxRSS) }));
}

type ChildResult = { bareMs: number; summaryMs: number; pdfMs: number; ms: number; rows: number; bytes: number; peakRssMb: number; startRssMb: number };

function runChild(part: string, url: string, arg?: string): ChildResult {
  // the export runs with a bounded V8 heap: without it V8 lets garbage pile up to ~500 MB RSS before collecting.
  // Node 24's V8 also grows the young generation with the allocation rate: measured at 1M rows it reserved a heap of
  // ~167 MB to use ~40 MB (RSS 357 MB, over 400 MB on a loaded machine); 16 MB semi-spaces keep it at ~70 MB.
  const heap = part === 'xlsx' ? ['--max-old-space-size=192', '--max-semi-space-size=16'] : [];
  const r = spawnSync(process.execPath, [...heap, ...process.execArgv, process.argv[1]!, '--child', part, ...(arg ? [arg] : [])],
    { env: { ...process.env, BENCH_CHILD_URL: url }, encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${part} failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line) as ChildResult;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--child');
  if (i > 0) return child(process.argv[i + 1]!, process.env.BENCH_CHILD_URL!, process.argv[i + 2]);
  const server = await serverUrl();
  try {
    const c = await load(server.url, process.argv.includes('--reuse'));
    console.log(`data: ${c.provinces} provinces, ${c.districts} districts, ${c.producers.toLocaleString('en-US')} producers, ` +
      `${c.entries.toLocaleString('en-US')} entries in ${server.where}${c.loadS === null ? ' (reused)' : `, loaded with COPY in ${c.loadS.toFixed(1)} s`}`);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    const s = runChild('summary', server.url);
    const ratio = s.summaryMs / s.bareMs;
    console.log('1. national summary (fiscal 2569 to September, 76 provinces by zone; median of 5)');
    console.log(`   bare SQL GROUP BY province:   ${s.bareMs.toFixed(0)} ms`);
    console.log(`   summary report data:          ${s.summaryMs.toFixed(0)} ms   = ${ratio.toFixed(2)}× the bare GROUP BY   (target ≤ 3×) ${ratio <= 3 ? 'OK' : 'MISSED'}`);
    console.log(`   summary as PDF (data + render): ${s.pdfMs.toFixed(0)} ms\n`);
    const p = runChild('pdf', server.url);
    console.log(`2. รต.2 PDF of ${p.rows.toLocaleString('en-US')} rows (district with ${BIG_DISTRICT_PRODUCERS.toLocaleString('en-US')} producers, September 2569)`);
    console.log(`   time ${(p.ms / 1000).toFixed(2)} s (target < 3 s) ${p.ms < 3000 ? 'OK' : 'MISSED'}; peak RSS ${p.peakRssMb} MB (process start ${p.startRssMb} MB); ${Math.round(p.bytes / 1024)} KB\n`);
    console.log('3. national XLSX export, streamed (exceljs WorkbookWriter, cursor batches of 5,000; node --max-old-space-size=192 --max-semi-space-size=16)');
    for (const n of ['100000', '1000000']) {
      const x = runChild('xlsx', server.url, n);
      console.log(`   ${Number(x.rows).toLocaleString('en-US').padStart(9)} rows: ${(x.ms / 1000).toFixed(1)} s, peak RSS ${x.peakRssMb} MB ` +
        `(target < 400 MB) ${x.peakRssMb < 400 ? 'OK' : 'MISSED'} (process start ${x.startRssMb} MB), file ${(x.bytes / 2 ** 20).toFixed(1)} MB`);
    }
  } finally {
    await server.stop();
  }
}

await main();
