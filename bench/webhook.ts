// `npm run bench:webhook`: signed-event throughput and p50/p99 latency of POST /webhook, ours side by side with a
// bare express + @line/bot-sdk echo handler (the SDK's own example shape: middleware, then reply per event),
// in the same run, on the embedded PostgreSQL and on the server at 127.0.0.1:5432 when one answers.
// Prints figures only; targets (ours ≥ 50% of echo throughput, p99 < 100 ms at 200 events/s) are read by people.
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

const SECRET = 'bench-secret';
const TOKEN = 'bench-token';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const USERS = 500;
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
  const name = `otop_bench_${Date.now().toString(36)}`;
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

type Row = { backend: string; handler: string; mode: string; eventsPerSec: number; p50: number; p99: number; failed: number; processedPerSec?: number };

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
      rows.push({ backend, handler, mode: 'max (32 concurrent)', eventsPerSec: max.ok / max.seconds, p50: pct(max.latenciesMs, 50), p99: pct(max.latenciesMs, 99), failed: max.failed, processedPerSec });
      const fixed = await load({ url: target.url, mode: 'rate', seconds: SECONDS, concurrency: 0, rate: 200 }, fake);
      if ('services' in target) await target.services.dispatcher.idle();
      rows.push({ backend, handler, mode: '200 events/s', eventsPerSec: fixed.ok / fixed.seconds, p50: pct(fixed.latenciesMs, 50), p99: pct(fixed.latenciesMs, 99), failed: fixed.failed });
    } finally {
      if ('services' in target) await target.services.close();
      else await target.close();
      await fake.close();
    }
  }
}

const rows: Row[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'otop-bench-pg-'));
const embedded = await startEmbeddedPostgres({ dataDir: dir, port: 40000 + Math.floor(Math.random() * 10000) });
try {
  const db = await createDatabase(embedded.url);
  await measure('embedded PostgreSQL 17', db.url, rows);
  await db.drop();
} finally {
  await embedded.stop();
  rmSync(dir, { recursive: true, force: true });
}
const server = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
try {
  const db = await createDatabase(server);
  await measure('server 127.0.0.1:5432', db.url, rows);
  await db.drop();
} catch (err) {
  console.log(`(no PostgreSQL server at ${server}: ${(err as Error).message})`);
}

console.log(`\nPOST /webhook, one signed text event per request, ${USERS} users, ${SECONDS} s per measurement, ${os.cpus().length} cores`);
console.log('backend                  | handler               | load                | accepted ev/s | p50 ms | p99 ms | failed | processed ev/s');
for (const r of rows) {
  console.log(
    `${r.backend.padEnd(24)} | ${r.handler.padEnd(21)} | ${r.mode.padEnd(19)} | ${r.eventsPerSec.toFixed(0).padStart(13)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.failed).padStart(6)} | ${r.processedPerSec ? r.processedPerSec.toFixed(0) : '-'}`,
  );
}
for (const backend of new Set(rows.map((r) => r.backend))) {
  const echo = rows.find((r) => r.backend === backend && r.handler.startsWith('echo') && r.mode.startsWith('max'));
  const ours = rows.find((r) => r.backend === backend && r.handler.startsWith('ours') && r.mode.startsWith('max'));
  const fixed = rows.find((r) => r.backend === backend && r.handler.startsWith('ours') && r.mode.startsWith('200'));
  if (echo && ours && fixed) {
    console.log(`${backend}: ours/echo throughput = ${((100 * ours.eventsPerSec) / echo.eventsPerSec).toFixed(0)}% (target ≥ 50%); ours p99 at 200 ev/s = ${fixed.p99.toFixed(1)} ms (target < 100 ms)`);
  }
}
