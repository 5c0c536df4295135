// The signature block never stands alone on a page: when it does not fit below the table, the last rows move to the
// next page with it (under a repeated header). Checked on รต.1 of the demo month, whose signature used to spill.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../../src/domain/reports/period.js';
import { REPORT_TYPES } from '../../src/domain/reports/catalogue.js';
import { generateReportFile } from '../../src/reports/generate.js';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { pdfPages, tempFile } from './pdf-text.js';

let t: TestDatabase;
const now = new Date('2026-11-21T03:00:00Z');
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
}, 180_000);
afterAll(async () => {
  await t?.drop();
});

const pageText = (file: string, n: number) => execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('signature placement', () => {
  it('the page with the signature also has the last table rows and the table header', async () => {
    const types = REPORT_TYPES.filter((x) => x === 'rt1' || x === 'rt2' || x === 'rt4');
    for (const type of types) {
      const scope = type === 'rt4' ? { provinceId: 24 } : { districtId: 2401 };
      const f = await generateReportFile(t.db, { type, scope, period: periodOf(2569, 11), format: 'pdf' }, now);
      const file = tempFile(f.bytes, 'pdf');
      const pages = pdfPages(f.bytes);
      const last = pageText(file, pages);
      expect(last, type).toContain('ลงชื่อ');
      const totalLabel = String(f.document.table.rows.at(-1)!.cells[1]).replace(/\s+/g, '');
      expect(last, type).toContain(totalLabel);
      expect(last, type).toContain(f.document.table.header[0]![1]!.text.replace(/\s+/g, ''));
    }
  }, 120_000);
});
