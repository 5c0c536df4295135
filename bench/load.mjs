// Load generator for the webhook benchmark, run in a worker thread so it has its own core: signed LINE webhook
// requests (one text event each, from many users) over keep-alive HTTP, either as fast as `concurrency` allows
// or at a fixed rate. Reports per-request latency.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

// Plain JavaScript: worker threads do not get tsx's loader on Node 20. Types: bench/load-types.ts.

function body(spec, i) {
  const u = i % spec.users;
  const event = {
    type: 'message', mode: 'active', timestamp: Date.now(), webhookEventId: randomBytes(13).toString('hex').toUpperCase(),
    deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: spec.userIds[u] }, replyToken: spec.tokens[i % spec.tokens.length],
    message: { type: 'text', id: String(i), quoteToken: 'q', text: 'สวัสดีค่ะ' },
  };
  return JSON.stringify({ destination: 'U' + '0'.repeat(32), events: [event] });
}

async function run(spec) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(spec.concurrency, 64) });
  const target = new URL(spec.url);
  const latencies = [];
  let sent = 0;
  let ok = 0;
  let failed = 0;
  const one = (i) =>
    new Promise((resolve) => {
      const raw = body(spec, i);
      const sig = createHmac('sha256', spec.secret).update(raw).digest('base64');
      const t0 = performance.now();
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw), 'x-line-signature': sig } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            if (res.statusCode === 200) ok++;
            else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(raw);
    });
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  if (spec.mode === 'max') {
    await Promise.all(
      Array.from({ length: spec.concurrency }, async () => {
        while (performance.now() < deadline) await one(sent++);
      }),
    );
  } else {
    const inflight = [];
    const interval = 1000 / spec.rate;
    for (let i = 0; performance.now() < deadline; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(one(sent++));
    }
    await Promise.all(inflight);
  }
  agent.destroy();
  return { sent, ok, failed, seconds: (performance.now() - started) / 1000, latenciesMs: latencies };
}

if (parentPort && workerData) {
  run(workerData).then((r) => parentPort.postMessage(r));
}
