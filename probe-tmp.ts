import { createWriteStream } from 'node:fs';
import { createDb } from './src/db/client.js';
import { exportLines } from './src/domain/reports/entries-export.js';
import { periodOf } from './src/domain/reports/period.js';
import { writeExportXlsx } from './src/reports/xlsx/stream-export.js';
const limit = Number(process.argv[2]);
const batchSize = Number(process.argv[3] ?? 5000);
const db = createDb('postgresql://postgres@127.0.0.1:5432/h4_bench', { poolSize: 2 });
const m = () => { const u = process.memoryUsage(); return `rss ${Math.round(u.rss / 2 ** 20)} heapUsed ${Math.round(u.heapUsed / 2 ** 20)} heapTotal ${Math.round(u.heapTotal / 2 ** 20)} ext ${Math.round(u.external / 2 ** 20)} ab ${Math.round(u.arrayBuffers / 2 ** 20)}`; };
console.log('start', m());
const t0 = performance.now();
let n = 0; let next = 100_000;
await db.$transaction(async (tx) => {
  async function* upTo() {
    for await (const batch of exportLines(tx, {}, periodOf(2569, 10, 9), batchSize)) {
      const take = batch.slice(0, limit - n);
      n += take.length;
      if (n >= next) { console.log(n, m()); next += 100_000; }
      yield take;
      if (n >= limit) return;
    }
  }
  return writeExportXlsx(createWriteStream('/tmp/h4-look/probe.xlsx'), 'x', upTo(), new Date());
}, { timeout: 1_800_000, isolationLevel: 'RepeatableRead' });
console.log('end', m(), 'maxrss', Math.round(process.resourceUsage().maxRSS / 1024), 'ms', Math.round(performance.now() - t0));
await db.$disconnect();
