// The target and score report and the zone / national summary on the demo data with fiscal-2569 targets: every
// figure equals the SQL sum of province-confirmed entries, levels are what the targets API scores, and entries only
// the district confirmed are left out and said so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/domain/reports/document.js';
import { periodOf } from '../../src/domain/reports/period.js';
import { reportScopeFor } from '../../src/domain/reports/report-scope.js';
import { BELOW_LEVEL_ONE_TH, loadTarget, scoreOf } from '../../src/domain/targets/index.js';
import { NO_TARGET_TH } from '../../src/domain/reports/score-report.js';
import { generateReportFile } from '../../src/reports/generate.js';
import { renderPdf } from '../../src/reports/pdf/render.js';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { copyTargetsTo2569 } from './targets-2569.js';

let t: TestDatabase;
const now = new Date('2026-11-21T03:00:00Z');
const money = (c: unknown): bigint => (c as { money: bigint }).money;
const body = (d: ReportDocument) => d.table.rows.filter((r) => r.kind === 'body');

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  await copyTargetsTo2569(t.db);
  // one November entry of 2401 only district-confirmed: neither report counts it
  const [e] = await t.db.$queryRaw<{ id: number }[]>`
    SELECT e.id FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId" WHERE p."districtId" = 2401 AND e.month = '2025-11-01' ORDER BY e.id LIMIT 1`;
  await t.db.salesEntry.update({ where: { id: e!.id }, data: { status: 'DISTRICT_CONFIRMED', provinceConfirmedAt: null } });
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

async function sum(where: string): Promise<bigint> {
  const [r] = await t.db.$queryRawUnsafe<{ s: string }[]>(`
    SELECT COALESCE(SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline"), 0)::text AS s
    FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId" JOIN "District" d ON d.id = p."districtId"
    JOIN "Province" pv ON pv.id = d."provinceId" WHERE e.status = 'PROVINCE_CONFIRMED' AND ${where}`);
  return BigInt(r!.s);
}

describe('target and score report', () => {
  it('per district each month and the round total equal SQL sums of province-confirmed entries, and the level is what the target scores', async () => {
    const doc = (await generateReportFile(t.db, { type: 'score', scope: { provinceId: 24 }, period: periodOf(2569, 11), format: 'pdf' }, now)).document;
    expect(doc.title[1]).toContain('รอบที่ 1');
    const districts = await t.db.district.findMany({ where: { provinceId: 24 }, orderBy: { id: 'asc' } });
    const rows = body(doc);
    expect(rows).toHaveLength(districts.length);
    const levels = new Set<string>();
    for (const [i, d] of districts.entries()) {
      const cells = rows[i]!.cells;
      expect(cells[1]).toBe(d.nameTh);
      // ที่, อำเภอ, 3 tiers, ต.ค., พ.ย., รวม, ระดับ
      expect(money(cells[5])).toBe(await sum(`d.id = ${d.id} AND e.month = '2025-10-01'`));
      expect(money(cells[6])).toBe(await sum(`d.id = ${d.id} AND e.month = '2025-11-01'`));
      expect(money(cells[7])).toBe(await sum(`d.id = ${d.id} AND e.month BETWEEN '2025-10-01' AND '2025-11-01'`));
      const target = (await loadTarget(t.db, { districtId: d.id }, 2569, 'ROUND_1'))!;
      expect(cells.slice(2, 5).map(money)).toEqual(target.tiers.map((x) => x.threshold));
      expect(cells[8]).toBe(scoreOf(target, money(cells[7])).scoreLabel);
      levels.add(String(cells[8]));
    }
    expect(levels.has(BELOW_LEVEL_ONE_TH)).toBe(true);
    expect([...levels].some((l) => l !== BELOW_LEVEL_ONE_TH)).toBe(true);
    const province = doc.table.rows.find((r) => r.kind === 'total')!;
    expect(money(province.cells[7])).toBe(await sum(`d."provinceId" = 24 AND e.month BETWEEN '2025-10-01' AND '2025-11-01'`));
    expect(province.cells[8]).toBe('ไม่มีเป้าหมาย'); // the province has a full-year target only
    // no target of the round: one line across the tier columns, not three empty tiers
    expect(province.cells.slice(2, 5)).toEqual([{ text: NO_TARGET_TH, span: 3 }, null, null]);
    expect(doc.notes[0]).toMatch(/ไม่รวม 1 รายการ/);
    expect(doc.chart!.groups.map((g) => g.actual)).toEqual(rows.map((r) => money(r.cells[7])));
    expect(doc.chart!.groups[0]!.tiers).toEqual(rows[0]!.cells.slice(2, 5).map(money));
  });

  it('in round 2 the months run from April, and a full-year-only province falls back to the full year', async () => {
    const doc = (await generateReportFile(t.db, { type: 'score', scope: { provinceId: 24 }, period: periodOf(2569, 5), format: 'xlsx' }, now)).document;
    expect(doc.title[1]).toContain('รอบที่ 2');
    expect(doc.table.header[1]!.slice(3).map((h) => h.text)).toEqual(['เม.ย. 69', 'พ.ค. 69']);
    const other = (await generateReportFile(t.db, { type: 'score', scope: { provinceId: 12 }, period: periodOf(2569, 5), format: 'pdf' }, now)).document;
    expect(other.title[1]).toContain('ทั้งปีงบประมาณ');
    const total = other.table.rows.find((r) => r.kind === 'total')!;
    expect(total.cells.at(-1)).toBe(BELOW_LEVEL_ONE_TH); // no sales in นนทบุรี in the demo, a full-year target to reach
    // its districts have no target: each prints one line over the province's five tier columns
    const district = other.table.rows.find((r) => r.kind === 'body')!;
    expect(district.cells.slice(2, 7)).toEqual([{ text: NO_TARGET_TH, span: 5 }, null, null, null, null]);
    const trace: string[] = [];
    await renderPdf(other, { printedAt: now, trace });
    expect(trace.filter((s) => s === NO_TARGET_TH)).toHaveLength(other.table.rows.filter((r) => r.kind === 'body').length);
  });
});

describe('zone and national summary', () => {
  it('the national total, each zone subtotal and each province equal SQL sums of province-confirmed entries; growth is against the same months a year before', async () => {
    const p = periodOf(2569, 9);
    const doc = (await generateReportFile(t.db, { type: 'summary', scope: { nation: true }, period: p, format: 'pdf' }, now)).document;
    expect(body(doc)).toHaveLength(await t.db.province.count());
    const total = doc.table.rows.at(-1)!;
    expect(total.cells[1]).toBe('รวมทั้งหมด');
    expect(money(total.cells[5])).toBe(await sum(`e.month BETWEEN '2025-10-01' AND '2026-09-01'`));
    expect(money(total.cells[4])).toBe(await sum(`e.month = '2026-09-01'`));
    const prev = await sum(`e.month BETWEEN '2024-10-01' AND '2025-09-01'`);
    expect(money(total.cells[6])).toBe(prev);
    expect(prev).toBeGreaterThan(0n);
    const ytd = money(total.cells[5]);
    expect(total.cells[7]).toEqual({ tenthsPercent: ((ytd - prev) * 2000n / prev + 1n) / 2n });
    const zone = (await t.db.province.findUniqueOrThrow({ where: { id: 24 }, include: { zone: true } })).zone;
    const sub = doc.table.rows.find((r) => r.kind === 'subtotal' && r.cells[1] === `รวม${zone.nameTh}`)!;
    expect(money(sub.cells[5])).toBe(await sum(`pv."zoneId" = ${zone.id} AND e.month BETWEEN '2025-10-01' AND '2026-09-01'`));
    const row = body(doc).find((r) => r.cells[1] === 'ฉะเชิงเทรา')!;
    const target = (await loadTarget(t.db, { provinceId: 24 }, 2569, 'FULL_YEAR'))!;
    expect(row.cells[2]).toEqual({ money: target.baseline });
    expect(row.cells[8]).toBe(scoreOf(target, money(row.cells[5])).scoreLabel);
    expect(doc.table.rows.filter((r) => r.kind === 'group')).toHaveLength(await t.db.zone.count());
  });

  it('a zone summary has only the zone\'s provinces, and leaves out the entry only the district confirmed', async () => {
    const zoneId = (await t.db.province.findUniqueOrThrow({ where: { id: 24 } })).zoneId;
    const doc = (await generateReportFile(t.db, { type: 'summary', scope: { zoneId }, period: periodOf(2569, 11), format: 'xlsx' }, now)).document;
    const names = body(doc).map((r) => r.cells[1]);
    expect(names).toEqual((await t.db.province.findMany({ where: { zoneId }, orderBy: { id: 'asc' } })).map((x) => x.nameTh));
    const row = body(doc).find((r) => r.cells[1] === 'ฉะเชิงเทรา')!;
    expect(money(row.cells[4])).toBe(await sum(`d."provinceId" = 24 AND e.month = '2025-11-01'`));
    expect(doc.notes[0]).toMatch(/ไม่รวม 1 รายการ/);
  });

  it('who gets which summary: a zone user its own zone, the department the nation, a province or district officer none', async () => {
    const actor = (role: string, extra: object = {}) => ({ userId: 1, lineUserId: 'U', role, producerId: null, districtId: null, provinceId: null, zoneId: null, ...extra }) as never;
    expect(await reportScopeFor(t.db, actor('ZONE_ADMIN', { zoneId: 3 }), 'summary')).toEqual({ zoneId: 3 });
    expect(await reportScopeFor(t.db, actor('DEPARTMENT_ADMIN'), 'summary')).toEqual({ nation: true });
    await expect(reportScopeFor(t.db, actor('PROVINCE_OFFICER', { provinceId: 24 }), 'summary')).rejects.toThrow();
    await expect(reportScopeFor(t.db, actor('DISTRICT_OFFICER', { districtId: 2401 }), 'score')).rejects.toThrow();
  });
});
