import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTargetFile, problemLine, type ImportRequest } from '../../src/cli/targets/import-file.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { fixture, fixtureRows } from './fixtures.js';

let t: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), 'targets-'));
const now = new Date('2026-11-20T03:00:00Z');
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const csvFile = (name: string, rows: string[][]) => {
  const file = path.join(dir, name);
  writeFileSync(file, rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
  return file;
};
const run = (file: string, extra: Partial<ImportRequest> = {}) => importTargetFile(t.db, { file, fiscalYear: 2570, now, ...extra });
const thresholds = async (fiscalYear: number) =>
  (await t.db.target.findMany({ where: { fiscalYear }, include: { levels: { orderBy: { level: 'asc' } } }, orderBy: [{ round: 'asc' }, { districtId: 'asc' }] }))
    .map((x) => [x.round, x.districtId, ...x.levels.map((l) => `${l.label}=${l.threshold}/${l.score}`)].join(' '));

/** The ฉะเชิงเทรา round-1 table as the province prints it: title rows, a two-row Thai header, formatted numbers, รวม. */
async function departmentXlsx(file: string, opts: { total?: bigint } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('รอบที่ 1');
  ws.addRow(['ทะเบียนเป้าหมายการจัดเก็บรายได้จากการจำหน่ายผลิตภัณฑ์ OTOP ประจำปีงบประมาณ พ.ศ. ๒๕๗๐ (รอบที่ ๑)']);
  ws.mergeCells('A1:H1');
  ws.addRow(['จังหวัดฉะเชิงเทรา']);
  ws.mergeCells('A2:H2');
  ws.addRow(['ที่', 'อำเภอ', 'รายได้จากการจำหน่าย OTOP ไตรมาส ๑ และ ๒', '', '', 'ค่าเป้าหมายการจัดเก็บรายได้ ปี ๒๕๗๐', '', '']);
  ws.addRow(['', '', '๒๕๖๓', '๒๕๖๔', '๒๕๖๕', 'ขั้นต้น', 'ขั้นมาตรฐาน', 'ขั้นสูง']);
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:E3');
  ws.mergeCells('F3:H3');
  const rows = fixtureRows('fy2566-chachoengsao-district-targets.csv').filter((r) => r[0] === 'round1_oct_mar');
  const sums = [0n, 0n, 0n, 0n, 0n, 0n];
  for (const r of rows) {
    const nums = r.slice(3).map(Number);
    nums.forEach((n, i) => (sums[i]! += BigInt(n)));
    ws.addRow([Number(r[1]), `อ. ${r[2]}`, ...nums]);
  }
  if (opts.total !== undefined) sums[3] = opts.total;
  ws.addRow(['รวม', '', ...sums.map(Number)]);
  ws.mergeCells(`A${ws.rowCount}:B${ws.rowCount}`);
  for (let c = 3; c <= 8; c++) ws.getColumn(c).numFmt = '#,##0';
  await wb.xlsx.writeFile(file);
}

describe('importing the department target tables', () => {
  it('the three seed target files import, and importing again replaces each target with an audit row', async () => {
    const a = await run(fixture('fy2566-chachoengsao-district-targets.csv').pathname, { fiscalYear: 2566, province: 'ฉะเชิงเทรา', allowUnorderedTiers: true });
    expect(a).toMatchObject({ ok: true, units: 33, summary: { replaced: 33 } });
    expect(await run(fixture('fy2561-province-targets.csv').pathname, { fiscalYear: 2561 })).toMatchObject({ ok: true, units: 76 });
    expect(await run(fixture('fy2564-sakaeo-round2-sales-targets.csv').pathname, { fiscalYear: 2564, round: 'ROUND_2', province: '27' })).toMatchObject({ ok: true, summary: { created: 9 } });
    expect(await run(fixture('fy2564-sakaeo-round2-online-product-targets.csv').pathname, { fiscalYear: 2564, round: 'ROUND_2', province: 'สระแก้ว' })).toMatchObject({ ok: true, summary: { created: 9 } });
    const online = await t.db.target.findFirstOrThrow({ where: { fiscalYear: 2564, kind: 'ONLINE_PRODUCTS', districtId: 2701 }, include: { levels: { orderBy: { level: 'asc' } } } });
    expect(online.levels.map((l) => l.threshold)).toEqual([29n, 33n, 37n, 41n, 45n]);
    const sales = await t.db.target.findFirstOrThrow({ where: { fiscalYear: 2564, kind: 'SALES', districtId: 2701 } });
    expect([sales.baseline, sales.baselineFiscalYear, sales.floorScore]).toEqual([6830286000n, 2563, 1]);
    const replaced = await t.db.auditLog.findMany({ where: { action: 'target.replace', entityType: 'Target' } });
    expect(replaced.length).toBe(33 + 76);
    expect(replaced[0]!.before).not.toBeNull();
  }, 240_000); // 118 targets written one by one: slow on a loaded 2-core machine

  it('an XLSX laid out like the department’s own table imports the same as the CSV, its รวม row checked and not imported', async () => {
    const csv = csvFile('r1.csv', [
      ['round', 'no', 'district', 'sales_fy2563_baht', 'sales_fy2564_baht', 'sales_fy2565_baht', 'target_basic', 'target_standard', 'target_advanced'],
      ...fixtureRows('fy2566-chachoengsao-district-targets.csv').filter((r) => r[0] === 'round1_oct_mar'),
    ]);
    expect(await run(csv, { fiscalYear: 2571, province: '24' })).toMatchObject({ ok: true, units: 11 });
    const xlsx = path.join(dir, 'r1.xlsx');
    await departmentXlsx(xlsx);
    expect(await run(xlsx, { fiscalYear: 2572, round: 'ROUND_1', province: 'ฉะเชิงเทรา' })).toMatchObject({ ok: true, units: 11 });
    const fromXlsx = await thresholds(2572);
    expect(fromXlsx).toEqual(await thresholds(2571));
    expect(fromXlsx[0]).toBe('ROUND_1 2401 ขั้นต้น=9751031000/2 ขั้นมาตรฐาน=12721817300/3 ขั้นสูง=15692603700/5');
  });
});

describe('a bad file is refused whole, naming the row and the column in Thai, and nothing is written', () => {
  const header = ['no', 'district', 'target_basic', 'target_standard', 'target_advanced'];
  const good = ['1', 'บางคล้า', '100', '200', '300'];
  const cases: [string, string[][], RegExp][] = [
    ['wrong header', [['no', 'district', 'target_low', 'target_standard', 'target_advanced'], good], /^แถว 1 คอลัมน์ C \(target_low\): ไม่รู้จักหัวคอลัมน์/],
    ['unknown district', [header, good, ['2', 'บางคลา', '1', '2', '3']], /^แถว 3 คอลัมน์ B \(district\): ไม่รู้จักอำเภอ "บางคลา" ชื่อที่ใกล้เคียง: บางคล้า/],
    ['duplicate row', [header, good, ['2', 'อำเภอบางคล้า', '1', '2', '3']], /^แถว 3 คอลัมน์ B \(district\): บางคล้า ซ้ำกับแถว 2/],
    ['negative amount', [header, ['1', 'บางคล้า', '-100', '200', '300']], /^แถว 2 คอลัมน์ C \(target_basic\): ติดลบไม่ได้/],
    ['non-numeric amount', [header, ['1', 'บางคล้า', '100', 'สองร้อย', '300']], /^แถว 2 คอลัมน์ D \(target_standard\): ไม่ใช่ตัวเลข/],
    ['tiers out of order', [header, ['1', 'บางคล้า', '300', '200', '400']], /^แถว 2 คอลัมน์ D \(target_standard\): ขั้นมาตรฐาน \(200\) ต้องมากกว่า ขั้นต้น \(300\)/],
    ['a total row that disagrees', [header, good, ['2', 'บางปะกง', '1,000', '๒,๐๐๐', '3000'], ['', 'รวม', '1,100', '2,200', '3,301']], /^แถว 4 คอลัมน์ E \(target_advanced\): แถว "รวม" ไม่ตรงกับผลรวม.*พิมพ์ 3,301 แต่รวมได้ 3,300/],
  ];
  for (const [what, rows, message] of cases) {
    it(what, async () => {
      const before = await t.db.target.count();
      const audits = await t.db.auditLog.count();
      const out = await run(csvFile(`${what}.csv`, rows), { province: 'ฉะเชิงเทรา' });
      if (out.ok) throw new Error('accepted a bad file');
      expect(out.problems.map(problemLine)[0]).toMatch(message);
      expect([await t.db.target.count(), await t.db.auditLog.count()]).toEqual([before, audits]);
    });
  }

  it('an XLSX whose รวม row disagrees with its rows is refused', async () => {
    const xlsx = path.join(dir, 'bad-total.xlsx');
    await departmentXlsx(xlsx, { total: 515_180_000n });
    const out = await run(xlsx, { fiscalYear: 2573, round: 'ROUND_1', province: '24' });
    if (out.ok) throw new Error('accepted a bad total');
    expect(problemLine(out.problems[0]!)).toMatch(/^แถว 16 คอลัมน์ F \(ค่าเป้าหมายการจัดเก็บรายได้ ปี ๒๕๗๐ ขั้นต้น\): แถว "รวม" ไม่ตรงกับผลรวมของแถวข้างบน: พิมพ์ 515,180,000 แต่รวมได้ /);
    expect(await t.db.target.count({ where: { fiscalYear: 2573 } })).toBe(0);
  });

  it('a growth figure that is not baseline × (1 + p) is refused with both figures', async () => {
    const rows = fixtureRows('fy2564-sakaeo-round2-sales-targets.csv');
    rows[3]![5] = String(Number(rows[3]![5]) + 1);
    const out = await run(csvFile('growth.csv', rows), { round: 'ROUND_2', province: 'สระแก้ว' });
    if (out.ok) throw new Error('accepted a wrong growth figure');
    expect(problemLine(out.problems[0]!)).toBe('แถว 4 คอลัมน์ F (level3_plus8pct): ตัวเลข 41,569,741 ไม่เท่ากับ ยอดปีฐาน 38,490,500 × (1 + 8%) = 41,569,740 (ปัดเศษครึ่งขึ้นเป็นบาท)');
  });
});

describe('targets list and show', () => {
  it('list names each loaded year, round and kind; show prints thresholds, scores and the standing of each unit', async () => {
    const { listLines, showLines } = await import('../../src/cli/targets/show.js');
    expect((await listLines(t.db)).join('\n')).toMatch(/ปีงบประมาณ 2564\tรอบที่ 2 \(เม\.ย\.–ก\.ย\.\)\tผลิตภัณฑ์ขายออนไลน์\t9 หน่วย/);
    const lines = (await showLines(t.db, { fiscalYear: 2564, round: 'ROUND_2', provinceId: 27, now })).join('\n');
    expect(lines).toContain('เป้าหมายปีงบประมาณ 2564 รอบที่ 2 (เม.ย.–ก.ย.) — ยอดที่ยืนยันแล้วถึงเดือนกันยายน 2564');
    expect(lines).toContain('อำเภอเมืองสระแก้ว\n  ต่ำกว่าร้อยละ 7: 1 คะแนน\n  ระดับ 2: ไม่น้อยกว่า 73,084,060 บาท = 2 คะแนน');
    expect(lines).toContain('  ยืนยันแล้ว 6/6 เดือน: 0 บาท → ต่ำกว่าร้อยละ 7 (1 คะแนน)');
    expect(lines).toContain('อำเภอโคกสูง (ผลิตภัณฑ์ขายออนไลน์)\n  ระดับ 1: ไม่น้อยกว่า 6 ผลิตภัณฑ์ = 1 คะแนน');
  });
});
