// Every report type on the demo data (ฉะเชิงเทรา, fiscal 2569) with some entries moved back to the district:
// totals equal SQL sums of the same rows, the PDF's extracted text equals the drawn strings, empty months print
// "ไม่มีข้อมูล", and the XLSX keeps formulas with cached results.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportType } from '../../src/domain/reports/catalogue.js';
import { REPORT_TYPES } from '../../src/domain/reports/catalogue.js';
import { periodOf } from '../../src/domain/reports/period.js';
import { cellText } from '../../src/reports/model.js';
import type { ReportDocument } from '../../src/domain/reports/document.js';
import { generateReportFile, reportFileLink } from '../../src/reports/generate.js';
import { diskReportStore } from '../../src/reports/store.js';
import { verifyReportLink } from '../../src/domain/report-links.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPdf } from '../../src/reports/pdf/render.js';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { pdfPages, pdfText } from './pdf-text.js';

let t: TestDatabase;
const now = new Date('2026-11-21T03:00:00Z');
const NOV = periodOf(2569, 11);
let producerId = 0;
const scopeOf = (type: ReportType) =>
  type === 'producer' ? { producerId } : type.startsWith('rt1') || type === 'rt2' || type === 'certification' ? { districtId: 2401 } : type === 'summary' ? { nation: true as const } : { provinceId: 24 };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  // district 2401: two entries back to "submitted", one only district-confirmed (so province reports leave it out)
  const ids = await t.db.$queryRaw<{ id: number }[]>`
    SELECT e.id FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId"
    WHERE p."districtId" = 2401 AND e.month = '2025-11-01' ORDER BY e.id LIMIT 3`;
  await t.db.salesEntry.updateMany({ where: { id: { in: ids.slice(0, 2).map((r) => r.id) } }, data: { status: 'SUBMITTED', districtConfirmedAt: null, provinceConfirmedAt: null } });
  await t.db.salesEntry.update({ where: { id: ids[2]!.id }, data: { status: 'DISTRICT_CONFIRMED', provinceConfirmedAt: null } });
  // the producer of the first (now submitted) entry: its statement shows it although no district report counts it
  const [first] = await t.db.$queryRaw<{ producerId: number }[]>`SELECT "producerId" FROM "SalesEntry" WHERE id = ${ids[0]!.id}`;
  producerId = first!.producerId;
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

async function sqlSum(where: string): Promise<bigint> {
  const [r] = await t.db.$queryRawUnsafe<{ s: string }[]>(`
    SELECT COALESCE(SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline"), 0)::text AS s
    FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId" JOIN "District" d ON d.id = p."districtId" WHERE ${where}`);
  return BigInt(r!.s);
}

const totalRow = (doc: ReportDocument) => doc.table.rows.filter((r) => r.kind === 'total' || r.kind === 'subtotal');
const money = (c: unknown): bigint => (c as { money: bigint }).money;
const squash = (s: string) => s.replace(/\s+/g, '');
const charCounts = (s: string) => [...squash(s)].sort().join('');

describe('reports on the demo data', () => {
  it('รต.2 counts only district-confirmed entries of the district, says how many are unconfirmed, and its total equals the SQL sum', async () => {
    const f = await generateReportFile(t.db, { type: 'rt2', scope: { districtId: 2401 }, period: NOV, format: 'pdf' }, now);
    const total = totalRow(f.document).at(-1)!;
    expect(total.cells[1]).toBe('รวมทั้งสิ้น');
    expect(money(total.cells[14])).toBe(await sqlSum(`d.id = 2401 AND e.month = '2025-11-01' AND e.status IN ('DISTRICT_CONFIRMED','PROVINCE_CONFIRMED')`));
    expect(f.document.notes.join('\n')).toMatch(/ไม่รวมรายการที่ยังไม่ได้ยืนยัน 2 รายการ/);
    expect(f.fileName).toBe('รต.2-เมืองฉะเชิงเทรา-2025-11.pdf');
  });

  it('รต.3 and รต.4 count only province-confirmed entries, and say what they left out', async () => {
    const counted = await sqlSum(`d."provinceId" = 24 AND e.month = '2025-11-01' AND e.status = 'PROVINCE_CONFIRMED'`);
    const ytd = await sqlSum(`d."provinceId" = 24 AND e.month BETWEEN '2025-10-01' AND '2025-11-01' AND e.status = 'PROVINCE_CONFIRMED'`);
    const rt3 = (await generateReportFile(t.db, { type: 'rt3', scope: { provinceId: 24 }, period: NOV, format: 'pdf' }, now)).document;
    const [month, year] = totalRow(rt3);
    expect(money(month!.cells[14])).toBe(counted);
    expect(money(year!.cells[14])).toBe(ytd);
    expect(money(month!.cells[7]) + money(month!.cells[13])).toBe(counted);
    expect(rt3.notes[0]).toMatch(/ไม่รวม 3 รายการ/);
    const rt4 = (await generateReportFile(t.db, { type: 'rt4', scope: { provinceId: 24 }, period: NOV, format: 'pdf' }, now)).document;
    const prov = totalRow(rt4)[0]!;
    expect(money(prov.cells[2])).toBe(counted);
    expect(money(prov.cells[3])).toBe(ytd);
    expect(rt4.table.rows.filter((r) => r.kind === 'body')).toHaveLength(11);
  });

  it('the export report total equals its detail lines and is compared with the export columns of the same entries', async () => {
    const doc = (await generateReportFile(t.db, { type: 'export', scope: { provinceId: 24 }, period: NOV, format: 'pdf' }, now)).document;
    const [r] = await t.db.$queryRaw<{ s: string }[]>`
      SELECT COALESCE(SUM(x.value), 0)::text AS s FROM "ExportDetail" x JOIN "SalesEntry" e ON e.id = x."salesEntryId"
      JOIN "Producer" p ON p.id = x."producerId" JOIN "District" d ON d.id = p."districtId"
      WHERE d."provinceId" = 24 AND e.month = '2025-11-01' AND e.status = 'PROVINCE_CONFIRMED'`;
    const rows = doc.table.rows;
    if (BigInt(r!.s) === 0n) expect(rows).toHaveLength(0);
    else expect(money(totalRow(doc)[0]!.cells[3])).toBe(BigInt(r!.s));
    const exportCols = await t.db.$queryRaw<{ s: string }[]>`
      SELECT COALESCE(SUM(e."exportOffline" + e."exportOnline"), 0)::text AS s FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId"
      JOIN "District" d ON d.id = p."districtId" WHERE d."provinceId" = 24 AND e.month = '2025-11-01' AND e.status = 'PROVINCE_CONFIRMED'`;
    const printed = BigInt(exportCols[0]!.s);
    expect(doc.notes[0]).toContain((Number(printed / 100n)).toLocaleString('en-US'));
  });

  it('the producer statement shows only its own sent entries (not drafts), every month of the period, totals equal to SQL', async () => {
    const entry = await t.db.salesEntry.findFirstOrThrow({ where: { producerId, month: new Date('2025-12-01') } });
    const taken = (await t.db.salesEntry.findMany({ where: { producerId, month: entry.month } })).map((e) => e.category);
    const free = (['FOOD', 'DRINK', 'TEXTILE', 'HOUSEHOLD', 'HERBAL'] as const).find((c) => !taken.includes(c))!;
    await t.db.salesEntry.create({ data: { producerId, month: entry.month, category: free, status: 'DRAFT', enteredById: entry.enteredById,
      domesticOffline: 777_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n } });
    const p = periodOf(2569, 10, 12);
    const doc = (await generateReportFile(t.db, { type: 'producer', scope: { producerId }, period: p, format: 'pdf' }, now)).document;
    const body = doc.table.rows.filter((r) => r.kind === 'body');
    expect(body.map((r) => r.cells[0])).toEqual(['ตุลาคม 2568', 'พฤศจิกายน 2568', 'ธันวาคม 2568']);
    const total = totalRow(doc)[0]!;
    const sent = `p.id = ${producerId} AND e.month BETWEEN '2025-10-01' AND '2025-12-01' AND e.status <> 'DRAFT'`;
    expect(money(total.cells[5])).toBe(await sqlSum(sent));
    const [x] = await t.db.$queryRawUnsafe<{ s: string }[]>(`SELECT COALESCE(SUM(e."exportOffline"), 0)::text AS s FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId" WHERE ${sent}`);
    expect(money(total.cells[3])).toBe(BigInt(x!.s));
    expect(String(body[1]!.cells[6])).toContain('รอยืนยัน');
    const other = await sqlSum(`p."districtId" = 2401 AND p.id <> ${producerId} AND e.month = '2025-11-01'`);
    expect(other).toBeGreaterThan(0n);
    expect(doc.title[1]).toContain((await t.db.producer.findUniqueOrThrow({ where: { id: producerId } })).registrationCode);
    const f = await generateReportFile(t.db, { type: 'producer', scope: { producerId }, period: NOV, format: 'xlsx' }, now);
    expect(f.fileName).toMatch(/^ยอดจำหน่ายผู้ผลิต-.+-2025-11\.xlsx$/);
  });

  it('completeness counts expected producers by the registry rule, reported on time / late by the due dates, and on-time district confirmation', async () => {
    // 2402: every November entry sent on 2 Dec and confirmed on 3 Dec (on time); 2403: one producer left the registry in October
    const nov = new Date('2025-11-01');
    const in2402 = { month: nov, producer: { districtId: 2402 } };
    await t.db.salesEntry.updateMany({ where: in2402, data: { submittedAt: new Date('2025-12-02T05:00:00Z'), districtConfirmedAt: new Date('2025-12-03T05:00:00Z') } });
    const gone = await t.db.producer.findFirstOrThrow({ where: { districtId: 2403 }, orderBy: { id: 'asc' } });
    await t.db.producer.update({ where: { id: gone.id }, data: { active: false, deregisteredAt: new Date('2025-10-15T00:00:00Z') } });
    const doc = (await generateReportFile(t.db, { type: 'completeness', scope: { provinceId: 24 }, period: NOV, format: 'pdf' }, now)).document;
    const ids = (await t.db.district.findMany({ where: { provinceId: 24 }, orderBy: { id: 'asc' } })).map((d) => d.id);
    const row = (id: number) => doc.table.rows[ids.indexOf(id)]!;
    const count = async (sql: string) => (await t.db.$queryRawUnsafe<{ n: number }[]>(sql))[0]!.n;
    const expectedIn = (d: number) => `SELECT COUNT(*)::int AS n FROM "Producer" p WHERE p."districtId" = ${d} AND (p.active OR p."deregisteredAt" >= '2025-11-01')`;
    const reportedIn = (d: number) => `SELECT COUNT(DISTINCT e."producerId")::int AS n FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId" WHERE p."districtId" = ${d} AND e.month = '2025-11-01' AND e.status <> 'DRAFT'`;
    const [r2401, r2402, r2403] = [row(2401), row(2402), row(2403)];
    expect(r2403.cells[2]).toEqual({ int: await count(expectedIn(2403)) });
    expect(await count(expectedIn(2403))).toBe((await t.db.producer.count({ where: { districtId: 2403 } })) - 1);
    expect(r2402.cells.slice(2, 6)).toEqual([{ int: await count(expectedIn(2402)) }, { int: await count(reportedIn(2402)) }, { int: await count(reportedIn(2402)) }, { int: 0 }]);
    expect(r2402.cells[8]).toBe('ตรงเวลา');
    expect(r2401.cells[5]).toEqual({ int: await count(reportedIn(2401)) }); // demo data is sent on the 5th: late
    expect(r2401.cells[8]).toBe('ยังไม่ยืนยัน'); // two entries still wait for the district
    const total = totalRow(doc)[0]!;
    expect(total.cells[2]).toEqual({ int: await count(`SELECT COUNT(*)::int AS n FROM "Producer" p JOIN "District" d ON d.id = p."districtId" WHERE d."provinceId" = 24 AND (p.active OR p."deregisteredAt" >= '2025-11-01')`) });
    expect(total.cells[8]).toBe('ตรงเวลา 1 จาก 11');
  });

  it('รต.1 lists every expected producer of the district; filled it sums every sent entry, blank it has empty amounts and spare lines', async () => {
    const filled = (await generateReportFile(t.db, { type: 'rt1', scope: { districtId: 2401 }, period: NOV, format: 'pdf' }, now)).document;
    const blank = (await generateReportFile(t.db, { type: 'rt1-blank', scope: { districtId: 2401 }, period: NOV, format: 'xlsx' }, now)).document;
    expect(money(totalRow(filled)[0]!.cells[14])).toBe(await sqlSum(`d.id = 2401 AND e.month = '2025-11-01' AND e.status <> 'DRAFT'`));
    const expected = await t.db.producer.count({ where: { districtId: 2401, OR: [{ active: true }, { deregisteredAt: { gte: new Date('2025-11-01') } }] } });
    const named = blank.table.rows.filter((r) => r.cells[1]);
    expect(named).toHaveLength(expected);
    expect(blank.table.rows).toHaveLength(named.length + 5);
    expect(blank.table.rows.every((r) => r.cells.slice(10).every((c) => c === null))).toBe(true);
    expect(filled.notes[1]).toContain(`ผู้ผลิตที่ต้องรายงาน ${expected} ราย`);
  });

  it('asking for the same report twice gives a link to the same file', async () => {
    const store = diskReportStore(mkdtempSync(path.join(tmpdir(), 'otop-links-')));
    const req = { type: 'rt4' as const, scope: { provinceId: 24 }, period: NOV, format: 'pdf' as const };
    const a = await reportFileLink(t.db, store, 's', req, now);
    const first = verifyReportLink('s', a.token, now);
    if (typeof first === 'string') throw new Error(first);
    const bytes = await store.get(first.key);
    const b = await reportFileLink(t.db, store, 's', req, new Date(now.getTime() + 3_600_000));
    const second = verifyReportLink('s', b.token, now);
    expect(typeof second !== 'string' && second.key).toBe(first.key);
    expect((await store.get(first.key))!.equals(bytes!)).toBe(true);
    expect(b.fileName).toBe('รต.4-ฉะเชิงเทรา-2025-11.pdf');
    expect(a.fileName).toBe(b.fileName);
  });

  for (const type of REPORT_TYPES) {
    it(`${type}: pdftotext returns exactly the strings that were drawn, on the demo month and on an empty month`, async () => {
      for (const period of [NOV, periodOf(2570, 11)]) {
        const f = await generateReportFile(t.db, { type, scope: scopeOf(type), period, format: 'pdf' }, now);
        const trace: string[] = [];
        const pdf = await renderPdf(f.document, { printedAt: now, trace });
        const text = pdfText(pdf);
        expect(charCounts(text)).toBe(charCounts(trace.join('')));
        const flat = squash(text);
        for (const s of trace) expect(flat).toContain(squash(s));
        // completeness of a month nobody reported is a real figure (0 of N reported), not an empty report
        // the blank รต.1 lists the registered producers whatever was sent
        if (period !== NOV && type === 'rt1-blank') expect(f.document.table.rows.every((r) => r.cells.slice(10).every((c) => c === null))).toBe(true);
        else if (period !== NOV && type === 'completeness') expect(f.document.table.rows.at(-1)!.cells[3]).toEqual({ int: 0 });
        else if (period !== NOV) expect(trace).toContain('ไม่มีข้อมูล');
        expect(trace.filter((s) => /^หน้า \d+\/\d+$/.test(s))).toHaveLength(pdfPages(pdf));
        for (const row of f.document.table.rows) for (const c of row.cells) if (cellText(c)) expect(flat).toContain(squash(cellText(c)));
      }
    }, 60_000);

    it(`${type}: the XLSX has the same totals as real formulas with cached results`, async () => {
      const f = await generateReportFile(t.db, { type, scope: scopeOf(type), period: NOV, format: 'xlsx' }, now);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(f.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const formulas: { formula: string; result: number }[] = [];
      ws.eachRow((row) => row.eachCell((c) => { const v = c.value as { formula?: string; result?: number }; if (v && v.formula) formulas.push(v as never); }));
      const totals = totalRow(f.document).filter((r) => r.cells.some((c) => c && typeof c === 'object' && 'money' in c));
      if (totals.length) {
        expect(formulas.length).toBeGreaterThan(0);
        const last = totals.at(-1)!.cells.filter((c) => c && typeof c === 'object' && 'money' in c).map((c) => Number(money(c)) / 100);
        expect(formulas.map((x) => x.result)).toEqual(expect.arrayContaining(last.filter((v) => v !== 0 || true).slice(0, 1)));
      }
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    });
  }
});
