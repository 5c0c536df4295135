// The estimate form and the certification form (fy2563 พะเยา letter), filled from stored estimates: the province's
// table of the letter imported, one district certifying and one correcting. Totals equal SQL sums of the stored
// months, the PDF's extracted text equals the drawn strings, the XLSX converts in LibreOffice, a district officer
// gets only its own district's form, and chat asks for no month.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEstimateFile } from '../../src/cli/targets/estimates.js';
import { actorOf } from '../../src/domain/actor.js';
import { wholeYearPeriod } from '../../src/domain/reports/period.js';
import { reportScopeFor } from '../../src/domain/reports/report-scope.js';
import { certifyEstimate, correctEstimate } from '../../src/domain/targets/index.js';
import { cellText } from '../../src/reports/model.js';
import { generateReportFile } from '../../src/reports/generate.js';
import { renderPdf } from '../../src/reports/pdf/render.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { allActions, everything, quickLabels } from '../support/screen.js';
import { pdfPages, pdfText } from './pdf-text.js';

const clock = testClock('2020-06-20T03:00:00Z'); // fiscal year 2563, the letter's
const FY = wholeYearPeriod(2563);
const B = (baht: number) => BigInt(baht) * 100n;
let bot: TestBot;
const db = () => bot.services.db;
const money = (c: unknown): bigint => (c as { money: bigint }).money;
const squash = (s: string) => s.replace(/\s+/g, '');
const charCounts = (s: string) => [...squash(s)].sort().join('');
const doc = async (type: 'estimate' | 'certification', scope: object, format: 'pdf' | 'xlsx' = 'pdf', period = FY) =>
  generateReportFile(db(), { type, scope: scope as never, period, format }, clock.now());

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const seed = readFileSync(new URL('../fixtures/targets/fy2563-phayao-district-estimates.csv', import.meta.url), 'utf8');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'estimate-forms-')), 'phayao.csv');
  writeFileSync(file, seed.replace('กุชวาง', 'ภูซาง').replace('ภูพานยาว', 'ภูกามยาว'));
  const out = await importEstimateFile(db(), { file, fiscalYear: 2563, province: '56', now: clock.now() });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  const officer = async (districtId: number, name: string) => {
    const { user } = await makeUser(db(), name, 'DISTRICT_OFFICER', { districtId }, `นาย${name}`);
    const e = await db().districtEstimate.findUniqueOrThrow({ where: { fiscalYear_districtId: { fiscalYear: 2563, districtId } } });
    return { actor: actorOf(user)!, id: e.id, revision: e.revision, now: clock.now() };
  };
  const a = await officer(5601, 'สมชาย');
  await db().$transaction((tx) => certifyEstimate(tx, a.actor, a));
  const b = await officer(5602, 'สมหญิง');
  await db().$transaction((tx) => correctEstimate(tx, b.actor, { ...b, amounts: [B(60_000_000), B(120_000_000), B(100_000_000), B(15_000_000)] }));
}, 120_000);
afterAll(async () => {
  await bot?.close();
});

async function sql(q: string): Promise<bigint> {
  const [r] = await db().$queryRawUnsafe<{ s: string }[]>(q);
  return BigInt(r!.s);
}
/** The effective figure of stored months (the district's own when it corrected), summed in SQL. */
const effective = (where: string) => sql(`
  SELECT COALESCE(SUM(CASE WHEN e.answer = 'CORRECTED' THEN m.corrected ELSE m.amount END), 0)::text AS s
  FROM "DistrictEstimateMonth" m JOIN "DistrictEstimate" e ON e.id = m."estimateId" JOIN "District" d ON d.id = e."districtId"
  WHERE e."fiscalYear" = 2563 AND ${where}`);

describe('the estimate form of a province', () => {
  it('has a row per district with its target and each month, and every figure and the province total equal SQL sums of the stored estimates', async () => {
    const d = (await doc('estimate', { provinceId: 56 })).document;
    expect(d.title[0]).toBe('ประมาณการยอดจำหน่ายสินค้าหนึ่งตำบล หนึ่งผลิตภัณฑ์ รายอำเภอ ปีงบประมาณ 2563');
    expect(d.table.header[1]!.map((h) => h.text)).toEqual(['มิ.ย. 63', 'ก.ค. 63', 'ส.ค. 63', 'ก.ย. 63']);
    const body = d.table.rows.filter((r) => r.kind === 'body');
    const districts = await db().district.findMany({ where: { provinceId: 56 }, orderBy: { id: 'asc' } });
    expect(body.map((r) => r.cells[1])).toEqual(districts.map((x) => x.nameTh));
    const months = ['2020-06-01', '2020-07-01', '2020-08-01', '2020-09-01'];
    for (const [i, x] of districts.entries()) {
      const cells = body[i]!.cells;
      expect(money(cells[2])).toBe(await sql(`SELECT target::text AS s FROM "DistrictEstimate" WHERE "fiscalYear" = 2563 AND "districtId" = ${x.id}`));
      for (const [k, m] of months.entries()) expect(money(cells[4 + k])).toBe(await effective(`d.id = ${x.id} AND m.month = '${m}'`));
      expect(money(cells[8])).toBe(money(cells[3]) + (await effective(`d.id = ${x.id}`)));
    }
    expect(body[0]!.cells[9]).toBe('รับรองแล้ว');
    expect(body[1]!.cells[9]).toBe('ไม่รับรอง ขอแก้ไข');
    expect(body[2]!.cells[9]).toBe('รออำเภอรับรอง');
    // เมืองพะเยา as the letter prints it: target 418,453,794 = its total; whole baht
    expect(cellText(body[0]!.cells[2]!)).toBe('418,453,794');
    expect(cellText(body[0]!.cells[8]!)).toBe('418,453,794');
    const total = d.table.rows.at(-1)!;
    expect(total.kind).toBe('total');
    expect(money(total.cells[2])).toBe(await sql(`SELECT SUM(target)::text AS s FROM "DistrictEstimate" e JOIN "District" d ON d.id = e."districtId" WHERE "fiscalYear" = 2563 AND d."provinceId" = 56`));
    // (the letter prints 2,139,405,996: one baht more than its own rows add up to)
    expect(money(total.cells[2])).toBe(B(2_139_405_995));
    for (const [k, m] of months.entries()) expect(money(total.cells[4 + k])).toBe(await effective(`d."provinceId" = 56 AND m.month = '${m}'`));
    expect(money(total.cells[8])).toBe(money(total.cells[3]) + (await effective('d."provinceId" = 56')));
    expect(d.notes.join('\n')).toContain('อำเภอรับรองแล้ว 1 อำเภอ ขอแก้ไข 1 อำเภอ รอรับรอง 7 อำเภอ');
  });

  it('a fiscal year with no estimates prints "ไม่มีข้อมูล"', async () => {
    const f = await doc('estimate', { provinceId: 56 }, 'pdf', wholeYearPeriod(2564));
    expect(f.document.table.rows).toEqual([]);
    expect(squash(pdfText(f.bytes))).toContain('ไม่มีข้อมูล');
  });
});

describe('the certification form of a district', () => {
  it('a certified district: its months as the province set them, the total in whole baht on the first line, who certified and when, and the signature block', async () => {
    const d = (await doc('certification', { districtId: 5601 })).document;
    expect(d.title).toEqual(['แบบรับรองข้อมูลรายได้จากการจำหน่ายผลิตภัณฑ์หนึ่งตำบล หนึ่งผลิตภัณฑ์ OTOP', 'ประจำปีงบประมาณ 2563', 'อำเภอเมืองพะเยา จังหวัดพะเยา']);
    expect(d.lead![0]).toMatch(/^\( √ \) รับรองข้อมูลรายได้ฯ .* 418,453,794 บาท\)$/);
    expect(d.lead![1]).toMatch(/^\( +\) ไม่รับรอง/);
    const body = d.table.rows.filter((r) => r.kind === 'body');
    expect(body.map((r) => cellText(r.cells[1]!))).toEqual(['40,600,500', '40,200,500', '42,516,494', '26,874,500']);
    expect(body.every((r) => r.cells[2] === null)).toBe(true);
    expect(money(d.table.rows.at(-1)!.cells[1])).toBe(await effective('d.id = 5601'));
    expect(d.notes[0]).toBe('อำเภอรับรองประมาณการนี้แล้ว โดย นายสมชาย เมื่อ 20 มิ.ย. 63 10:00 น.');
    expect(d.signature).toEqual({ role: 'ผู้รับรองข้อมูล', name: 'นายสมชาย', position: 'พัฒนาการอำเภอเมืองพะเยา', date: '20 มิถุนายน 2563' });
  });

  it('a correcting district: the box "ไม่รับรอง" is marked and its own figures stand beside the province\'s, summed as SQL sums them', async () => {
    const d = (await doc('certification', { districtId: 5602 })).document;
    expect(d.lead![0]).toMatch(/^\( +\) รับรอง/);
    expect(d.lead![1]).toMatch(/^\( √ \) ไม่รับรอง/);
    const total = d.table.rows.at(-1)!;
    expect(money(total.cells[1])).toBe(await sql(`SELECT SUM(m.amount)::text AS s FROM "DistrictEstimateMonth" m JOIN "DistrictEstimate" e ON e.id = m."estimateId" WHERE e."fiscalYear" = 2563 AND e."districtId" = 5602`));
    expect(money(total.cells[2])).toBe(await effective('d.id = 5602'));
    expect(money(total.cells[2])).toBe(B(295_000_000));
  });

  it('a district not answered yet has both boxes empty and a blank signature; a district with no estimate prints "ไม่มีข้อมูล"', async () => {
    const d = (await doc('certification', { districtId: 5603 })).document;
    expect(d.lead!.every((l) => !l.includes('√'))).toBe(true);
    expect(d.signature!.name).toBeNull();
    const none = await doc('certification', { districtId: 5603 }, 'pdf', wholeYearPeriod(2564));
    expect(none.document.table.rows).toEqual([]);
    expect(none.document.lead).toBeUndefined();
    expect(squash(pdfText(none.bytes))).toContain('ไม่มีข้อมูล');
  });

  it('a district officer may ask only for its own district\'s form, and not for the province\'s estimate form', async () => {
    const { user } = await makeUser(db(), 'cert-scope', 'DISTRICT_OFFICER', { districtId: 5601 });
    const actor = actorOf(user)!;
    expect(await reportScopeFor(db(), actor, 'certification', 56)).toEqual({ districtId: 5601 });
    await expect(reportScopeFor(db(), actor, 'estimate', 56)).rejects.toThrow();
  });
});

describe('the PDF and the XLSX', () => {
  for (const [type, scope] of [['estimate', { provinceId: 56 }], ['certification', { districtId: 5602 }]] as const) {
    it(`${type}: pdftotext returns exactly the strings that were drawn, every cell among them`, async () => {
      const f = await doc(type, scope);
      const trace: string[] = [];
      const pdf = await renderPdf(f.document, { printedAt: clock.now(), trace });
      const text = pdfText(pdf);
      expect(charCounts(text)).toBe(charCounts(trace.join('')));
      const flat = squash(text);
      for (const s of trace) expect(flat).toContain(squash(s));
      for (const line of f.document.lead ?? []) expect(flat).toContain(squash(line));
      for (const row of f.document.table.rows) for (const c of row.cells) if (cellText(c)) expect(flat).toContain(squash(cellText(c)));
      expect(trace.filter((s) => /^หน้า \d+\/\d+$/.test(s))).toHaveLength(pdfPages(pdf));
    });

    it(`${type}: the XLSX keeps whole baht, with the total as a formula whose cached result is the document's`, async () => {
      const f = await doc(type, scope, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(f.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const formulas: { formula: string; result: number; numFmt: string }[] = [];
      ws.eachRow((row) => row.eachCell((c) => { const v = c.value as { formula?: string; result?: number }; if (v && v.formula) formulas.push({ ...v, numFmt: c.numFmt } as never); }));
      const last = f.document.table.rows.at(-1)!.cells.filter((c) => c && typeof c === 'object' && 'money' in c).map((c) => Number(money(c)) / 100);
      expect(formulas.map((x) => x.result)).toEqual(expect.arrayContaining(last));
      expect(formulas.every((x) => x.numFmt === '#,##0')).toBe(true);
    });
  }

  it.skipIf(!['/usr/bin/soffice', '/usr/bin/libreoffice'].some(existsSync))('both XLSX files open in LibreOffice and convert to PDF showing the title and the total', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'estimate-xlsx-'));
    const files: { file: string; title: string; total: string }[] = [];
    for (const [type, scope] of [['estimate', { provinceId: 56 }], ['certification', { districtId: 5601 }]] as const) {
      const f = await doc(type, scope, 'xlsx');
      const file = path.join(dir, `${type}.xlsx`);
      writeFileSync(file, f.bytes);
      const total = f.document.table.rows.at(-1)!.cells.filter((c) => c && typeof c === 'object' && 'money' in c).at(-1)!;
      files.push({ file, title: f.document.title[0]!, total: cellText(total) });
    }
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync)!;
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => f.file)], { stdio: 'pipe', timeout: 180_000 });
    for (const f of files) {
      const text = squash(pdfText(readFileSync(f.file.replace(/\.xlsx$/, '.pdf'))));
      expect(text).toContain(squash(f.title));
      expect(text).toContain(f.total);
    }
  }, 240_000);
});

describe('in chat', () => {
  const links = (user: string) => allActions(bot, user).filter((a) => a.type === 'uri').map((a) => (a as unknown as { uri: string }).uri);
  const download = async (uri: string) => new Uint8Array(await (await fetch(`${bot.url}/reports/${uri.split('/reports/')[1]}`)).arrayBuffer());

  it('a district officer asks for the certification form: no month is asked, and the PDF is its own district\'s for the current fiscal year', async () => {
    const { lineUserId: a } = await makeUser(db(), 'cert-chat', 'DISTRICT_OFFICER', { districtId: 5602 });
    await bot.say(a, 'รายงาน');
    expect(quickLabels(bot, a)).toContain('แบบรับรองประมาณการ');
    expect(quickLabels(bot, a)).not.toContain('แบบประมาณการ');
    await bot.say(a, 'แบบรับรองประมาณการ');
    expect(quickLabels(bot, a)).toEqual(['PDF', 'Excel']);
    await bot.say(a, 'PDF');
    expect(everything(bot, a)).toContain('กำลังจัดทำแบบรับรองข้อมูลประมาณการของอำเภอ ปีงบประมาณ พ.ศ. 2563');
    expect(everything(bot, a, 1)).toContain('ปีงบประมาณ พ.ศ. 2563');
    const text = squash(pdfText(await download(links(a)[0]!)));
    expect(text).toContain(squash('อำเภอจุน จังหวัดพะเยา'));
    expect(text).not.toContain('เมืองพะเยา');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a zone user picks the province and gets the estimate form as Excel, with no month asked', async () => {
    const zoneId = (await db().province.findUniqueOrThrow({ where: { id: 56 } })).zoneId;
    const { lineUserId: z } = await makeUser(db(), 'est-zone', 'ZONE_ADMIN', { zoneId });
    await bot.say(z, 'รายงาน');
    await bot.say(z, 'แบบประมาณการ');
    await bot.say(z, 'พะเยา');
    expect(quickLabels(bot, z)).toEqual(['PDF', 'Excel']);
    await bot.say(z, 'Excel');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(links(z)[0]!)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('จังหวัดพะเยา');
    expect(cells).toContain('ภูกามยาว');
    expect(bot.fake.rejected()).toEqual([]);
  });
});

