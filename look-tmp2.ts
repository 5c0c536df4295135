import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { migrate } from './src/db/migrate.js';
import { createDb, withDatabase } from './src/db/client.js';
import { seedReferenceData } from './src/seed/seed-db.js';
import { seedDemoData } from './src/seed/seed-demo.js';
import { copyTargetsTo2569 } from './tests/reports/targets-2569.js';
import { generateReportFile } from './src/reports/generate.js';
import { periodOf } from './src/domain/reports/period.js';
const server = 'postgresql://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: server });
await admin.connect();
const fresh = process.argv[2] === 'fresh';
if (fresh) { await admin.query('DROP DATABASE IF EXISTS h4_look2 WITH (FORCE)'); await admin.query('CREATE DATABASE h4_look2'); }
await admin.end();
const url = withDatabase(server, 'h4_look2');
const db = createDb(url, { poolSize: 2 });
const now = new Date('2026-11-21T03:00:00Z');
if (fresh) { await migrate(url); await seedReferenceData(db); await seedDemoData(db, now); await copyTargetsTo2569(db); }
for (const [pid, m] of [[24, 11], [12, 5], [24, 5]] as const) for (const format of ['pdf', 'xlsx'] as const) {
  const f = await generateReportFile(db, { type: 'score', scope: { provinceId: pid }, period: periodOf(2569, m), format }, now);
  writeFileSync(`/tmp/h4-look/score-${pid}-${m}.${format}`, f.bytes);
  if (format === 'pdf') console.log(pid, m, JSON.stringify(f.document.table.rows.slice(0, 2).map((r) => r.cells), (_k, v) => typeof v === 'bigint' ? String(v) : v), JSON.stringify(f.document.table.rows.at(-1)!.cells, (_k, v) => typeof v === 'bigint' ? String(v) : v));
}
await db.$disconnect();
