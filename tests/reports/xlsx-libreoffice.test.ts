// Every report's XLSX opens in LibreOffice and converts to PDF, with its title and totals visible in the result.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_TYPES } from '../../src/domain/reports/catalogue.js';
import { periodOf } from '../../src/domain/reports/period.js';
import { generateReportFile } from '../../src/reports/generate.js';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { pdfText } from './pdf-text.js';
import { copyTargetsTo2569 } from './targets-2569.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
let t: TestDatabase;
const now = new Date('2026-11-21T03:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  await copyTargetsTo2569(t.db);
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

describe.skipIf(!soffice)('XLSX in LibreOffice', () => {
  it('converts every report type to PDF without error, showing the title and the grand total', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'otop-xlsx-'));
    const files: { file: string; title: string; total: string | null }[] = [];
    for (const type of REPORT_TYPES) {
      const scope = type === 'producer' ? { producerId: (await t.db.producer.findFirstOrThrow({ where: { districtId: 2401 }, orderBy: { id: 'asc' } })).id }
        : type === 'rt2' || type === 'certification' || type.startsWith('rt1') ? { districtId: 2401 } : type === 'summary' ? { nation: true as const } : { provinceId: 24 };
      const f = await generateReportFile(t.db, { type, scope, period: periodOf(2569, 11), format: 'xlsx' }, now);
      const file = path.join(dir, `${type}.xlsx`);
      writeFileSync(file, f.bytes);
      const last = f.document.table.rows.filter((r) => r.kind !== 'body' && r.kind !== 'group').at(-1);
      const money = last?.cells.filter((c) => c && typeof c === 'object' && 'money' in c).at(-1) as { money: bigint } | undefined;
      files.push({ file, title: f.document.title[0]!, total: money ? (Number(money.money) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }) : null });
    }
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => f.file)],
      { stdio: 'pipe', timeout: 180_000 });
    for (const f of files) {
      const pdf = readFileSync(f.file.replace(/\.xlsx$/, '.pdf'));
      const text = pdfText(pdf).replace(/\s+/g, '');
      expect(text).toContain(f.title.replace(/\s+/g, ''));
      if (f.total) expect(text).toContain(f.total);
    }
  }, 240_000);
});
