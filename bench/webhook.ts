// `npm run bench:webhook`: signed-event throughput and p50/p99 latency of POST /webhook, ours side by side with a
// bare express + @line/bot-sdk echo handler (the SDK's own example shape: middleware, then reply per event),
// in the same run, on the embedded PostgreSQL and on the server at 127.0.0.1:5432 when one answers; then the handling
// throughput of real conversations (bench/flows.ts) with one and two bot processes on each. Prints the figures beside
// the standing targets, with the load average and CPU per event (the machine may be shared: read them together).
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import express from 'express';
import pg from 'pg';
import { messagingApi, middleware, type webhook } from '@line/bot-sdk';
import { loadConfig } from '../src/config.js';
import { startServices } from '../src/services.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { withDatabase } from '../src/db/client.js';
import { startLineFake, type LineFake } from '../src/dev/line-fake/index.js';
import type { LoadResult, LoadSpec } from './load-types.js';
import { flowTemplate, measureFlows, type FlowRow } from './flows.js';
import { DB_PREFIX, randomPort } from '../tests/support/ports.js';

const SECRET = 'bench-secret';
const TOKEN = 'bench-token';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const USERS = 500;
/** People in the real-conversation burst (ten events each). */
const FLOW_USERS = Number(process.env.BENCH_FLOW_USERS ?? 200);
/** BENCH_PARTS=flows (or webhook) measures only that part. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'webhook,flows').split(','));
const quiet = { info: () => {}, warn: () => {}, error: (m: string, e?: object) => console.error(m, e ?? '') };

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
}

function load(spec: Omit<LoadSpec, 'secret' | 'users' | 'tokens' | 'userIds'>, fake: LineFake): Promise<LoadResult> {
  const userIds = Array.from({ length: USERS }, (_, i) => 'U' + i.toString(16).padStart(32, '0'));
  // enough single-use reply tokens for every request the echo handler may answer
  const tokens = Array.from({ length: 60_000 }, (_, i) => fake.issueReplyToken(userIds[i % USERS]!));
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load.mjs', import.meta.url), {
      workerData: { ...spec, secret: SECRET, users: USERS, tokens, userIds },
    });
    w.once('message', (r: LoadResult) => {
      void w.terminate();
      resolve(r);
    });
    w.once('error', reject);
  });
}

async function startEcho(fake: LineFake): Promise<{ url: string; close(): Promise<void> }> {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url });
  const app = express();
  app.post('/webhook', middleware({ channelSecret: SECRET }), async (req, res) => {
    const events = (req.body as webhook.CallbackRequest).events;
    await Promise.all(
      events.map((e) =>
        e.type === 'message' && e.message.type === 'text' && e.replyToken
          ? client.replyMessage({ replyToken: e.replyToken, messages: [{ type: 'text', text: e.message.text }] }).catch(() => {})
          : null,
      ),
    );
    res.json({});
  });
  const server = await new Promise<http.Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/webhook`, close: () => new Promise((r) => server.close(() => r())) };
}

async function startOurs(databaseUrl: string, fake: LineFake) {
  const config = loadConfig({
    LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: fake.url, LINE_DATA_API_BASE_URL: fake.url,
    DATABASE_URL: databaseUrl, PORT: '0', CRON: 'off', DEMO_DATA: 'no', LOG_LEVEL: 'silent',
  });
  const services = await startServices(config, quiet);
  return { url: `http://127.0.0.1:${services.port}/webhook`, services };
}

async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${DB_PREFIX}_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

type Row = { backend: string; handler: string; mode: string; eventsPerSec: number; p50: number; p99: number; failed: number; processedPerSec?: number; load?: number };

async function measureBoth(backend: string, serverUrl: string, rows: Row[], flows: FlowRow[]) {
  if (PARTS.has('webhook')) {
    const db = await createDatabase(serverUrl);
    try {
      await measure(backend, db.url, rows);
    } finally {
      await db.drop();
    }
  }
  if (!PARTS.has('flows')) return;
  const template = await flowTemplate(serverUrl);
  try {
    for (const processes of [1, 2]) flows.push(await measureFlows(backend, serverUrl, template.name, processes, FLOW_USERS));
  } finally {
    await template.drop();
  }
}

async function measure(backend: string, databaseUrl: string, rows: Row[]) {
  for (const handler of ['echo (express + SDK)', 'ours (inbox + async)'] as const) {
    const fake = await startLineFake({ channelAccessToken: TOKEN });
    const target = handler.startsWith('echo') ? await startEcho(fake) : await startOurs(databaseUrl, fake);
    try {
      await load({ url: target.url, mode: 'max', seconds: 2, concurrency: 16, rate: 0 }, fake); // warm-up
      if ('services' in target) await target.services.dispatcher.idle();
      const t0 = performance.now();
      const max = await load({ url: target.url, mode: 'max', seconds: SECONDS, concurrency: 32, rate: 0 }, fake);
      let processedPerSec: number | undefined;
      if ('services' in target) {
        await target.services.dispatcher.idle();
        processedPerSec = max.ok / ((performance.now() - t0) / 1000);
      }
      rows.push({ backend, handler, mode: 'max (32 concurrent)', eventsPerSec: max.ok / max.seconds, p50: pct(max.latenciesMs, 50), p99: pct(max.latenciesMs, 99), failed: max.failed, processedPerSec, load: os.loadavg()[0] });
      const fixed = await load({ url: target.url, mode: 'rate', seconds: SECONDS, concurrency: 0, rate: 200 }, fake);
      if ('services' in target) await target.services.dispatcher.idle();
      rows.push({ backend, handler, mode: '200 events/s', eventsPerSec: fixed.ok / fixed.seconds, p50: pct(fixed.latenciesMs, 50), p99: pct(fixed.latenciesMs, 99), failed: fixed.failed, load: os.loadavg()[0] });
    } finally {
      if ('services' in target) await target.services.close();
      else await target.close();
      await fake.close();
    }
  }
}

const rows: Row[] = [];
const flows: FlowRow[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'otop-bench-pg-'));
const embedded = await startEmbeddedPostgres({ dataDir: dir, port: randomPort() });
try {
  await measureBoth('embedded PostgreSQL 17', embedded.url, rows, flows);
} finally {
  await embedded.stop();
  rmSync(dir, { recursive: true, force: true });
}
const server = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const reachable = await new pg.Client({ connectionString: server }).connect().then(
  (c) => c.end().then(() => true),
  (err: Error) => (console.log(`(no PostgreSQL server at ${server}: ${err.message})`), false),
);
if (reachable) await measureBoth('server 127.0.0.1:5432', server, rows, flows);

console.log(`\nPOST /webhook, one signed text event per request, ${USERS} users, ${SECONDS} s per measurement, ${os.cpus().length} cores`);
console.log('backend                  | handler               | load                | accepted ev/s | p50 ms | p99 ms | failed | processed ev/s | load (1 min)');
for (const r of rows) {
  console.log(
    `${r.backend.padEnd(24)} | ${r.handler.padEnd(21)} | ${r.mode.padEnd(19)} | ${r.eventsPerSec.toFixed(0).padStart(13)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.failed).padStart(6)} | ${(r.processedPerSec ? r.processedPerSec.toFixed(0) : '-').padStart(14)} | ${r.load?.toFixed(2) ?? '-'}`,
  );
}
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
for (const backend of new Set(rows.map((r) => r.backend))) {
  const echo = rows.find((r) => r.backend === backend && r.handler.startsWith('echo') && r.mode.startsWith('max'));
  const ours = rows.find((r) => r.backend === backend && r.handler.startsWith('ours') && r.mode.startsWith('max'));
  const fixed = rows.find((r) => r.backend === backend && r.handler.startsWith('ours') && r.mode.startsWith('200'));
  if (echo && ours && fixed) {
    const share = ours.eventsPerSec / echo.eventsPerSec;
    console.log(`${backend}: webhook/echo throughput = ${(100 * share).toFixed(0)}% (target ≥ 80%: ${met(share >= 0.8)}); webhook p99 at 200 ev/s = ${fixed.p99.toFixed(1)} ms (target < 50 ms: ${met(fixed.p99 < 50)})`);
  }
}

console.log(`\nReal conversations handled (burst of ${FLOW_USERS} people × 10 steps: sales entry start → month → category → four amounts → ยืนยัน → own figures → menu; one in ten a district officer confirming), from the first post until every event is handled and every answer accepted`);
console.log('backend                  | processes | events | seconds | handled ev/s | failed | bot CPU ms/ev | machine CPU ms/ev | load (1 min)');
for (const f of flows) {
  console.log(
    `${f.backend.padEnd(24)} | ${String(f.processes).padStart(9)} | ${String(f.events).padStart(6)} | ${f.seconds.toFixed(1).padStart(7)} | ${f.eventsPerSec.toFixed(0).padStart(12)} | ${String(f.failed).padStart(6)} | ${f.botCpuMs.toFixed(1).padStart(13)} | ${f.machineCpuMs.toFixed(1).padStart(17)} | ${f.load.toFixed(2).padStart(12)}`,
  );
}
for (const backend of new Set(flows.map((f) => f.backend))) {
  const one = flows.find((f) => f.backend === backend && f.processes === 1);
  const two = flows.find((f) => f.backend === backend && f.processes === 2);
  if (!one || !two) continue;
  const scale = two.eventsPerSec / one.eventsPerSec;
  console.log(`${backend}: one process ${one.eventsPerSec.toFixed(0)} ev/s (target ≥ 200: ${met(one.eventsPerSec >= 200)}); two processes ${scale.toFixed(2)}× one (target ≥ 1.8×: ${met(scale >= 1.8)})`);
}
