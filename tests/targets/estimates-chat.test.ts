// Estimates (ประมาณการ) through signed webhooks: the province previews the even split of each district's gap over the
// remaining months of fiscal 2570 and sends it; one district certifies (รับรอง), the other does not and types its own
// figures (ไม่รับรอง โดยขอแก้ไข); the province sees who certified and the corrected total; a re-split makes old cards
// stale; a month later each side sees actual against estimate.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTargetFile } from '../../src/cli/targets/import-file.js';
import { importEstimateFile } from '../../src/cli/targets/estimates.js';
import { readFileSync } from 'node:fs';
import { estimateSheet } from '../../src/domain/targets/index.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { addEntries } from '../province/helpers.js';
import { buttons, everything, lastCardText, press } from '../support/screen.js';

const clock = testClock('2027-06-02T03:00:00Z'); // June 2570: months left June–September, actual to date = Oct–May
let bot: TestBot;
let muang: string;
let thaTakiap: string;
let prov: string;
let producer: string;
let provUserId: number;

async function confirmedEntry(districtId: number, month: string, satang: bigint, by: number) {
  const p = await makeProducer(bot.services.db, { districtId });
  await bot.services.db.salesEntry.create({
    data: {
      producerId: p.id, month: new Date(`${month}-01`), category: 'FOOD', domesticOffline: satang, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n,
      status: 'DISTRICT_CONFIRMED', enteredById: by, submittedAt: new Date(`${month}-28T03:00:00Z`), districtConfirmedAt: new Date(`${month}-28T05:00:00Z`), districtConfirmedById: by,
    },
  });
}

const monthsOf = async (districtId: number) => {
  const e = await bot.services.db.districtEstimate.findUniqueOrThrow({ where: { fiscalYear_districtId: { fiscalYear: 2570, districtId } }, include: { months: { orderBy: { month: 'asc' } } } });
  return { ...e, amounts: e.months.map((m) => m.amount / 100n), corrected: e.months.map((m) => (m.corrected === null ? null : m.corrected / 100n)) };
};

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const a = await makeUser(db, 'est-2401', 'DISTRICT_OFFICER', { districtId: 2401 }, 'พัฒนากรเมือง');
  muang = a.lineUserId;
  thaTakiap = (await makeUser(db, 'est-2410', 'DISTRICT_OFFICER', { districtId: 2410 }, 'พัฒนากรท่าตะเกียบ')).lineUserId;
  const p = await makeUser(db, 'est-prov-24', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี');
  prov = p.lineUserId;
  provUserId = p.user.id;
  // เมืองฉะเชิงเทรา: 1,200,000.50 baht confirmed before June (satang on purpose); ท่าตะเกียบ: only a submitted entry.
  await confirmedEntry(2401, '2026-12', 60_000_000n, a.user.id);
  await confirmedEntry(2401, '2027-03', 60_000_050n, a.user.id);
  const [entry] = await addEntries(db, { districtId: 2410, statuses: ['SUBMITTED'], by: a.user.id, month: '2027-02', baht: 100_000 });
  producer = (await makeUser(db, 'est-producer', 'PRODUCER', { producerId: entry!.producerId })).lineUserId;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'estimates-chat-'));
  const file = path.join(dir, 'fy2570.csv');
  writeFileSync(file, 'ที่,อำเภอ,ขั้นต้น,ขั้นมาตรฐาน,ขั้นสูง\n1,เมืองฉะเชิงเทรา,1000000,2000000,3000003\n2,ท่าตะเกียบ,500000,600000,700000\n');
  const imported = await importTargetFile(db, { file, fiscalYear: 2570, round: 'FULL_YEAR', province: 'ฉะเชิงเทรา', now: clock.now() });
  expect(imported.ok).toBe(true);
});
afterAll(async () => {
  await bot?.close();
});

describe('estimates: even split, certification round trip, progress', () => {
  it('the province previews the even split: whole baht, the remainder baht in the earliest months, nothing stored yet', async () => {
    await bot.say(prov, 'ประมาณการ');
    expect(everything(bot, prov, 1)).toContain('ยังไม่ได้ตั้งประมาณการของปีงบประมาณ 2570');
    await press(bot, prov, 'แบ่งเท่ากัน');
    const card = lastCardText(bot, prov);
    // gap 3,000,003 − 1,200,000.50 = 1,800,002.50 → 1,800,003 → 450,001 × 3 + 450,000
    expect(card).toMatch(/เมืองฉะเชิงเทรา\n1,800,003\n450,001/);
    expect(card).toMatch(/ท่าตะเกียบ\n700,000\n175,000/); // the submitted (unconfirmed) 100,000 does not count
    expect(card).toMatch(/รวม\n2,500,003\n4 เดือน/);
    expect(card).toContain('บางคล้า'); // listed as without a full-year target
    await bot.say(prov, 'ยืนยัน');
    expect(everything(bot, prov, 1)).toContain('ตัวเลขยังไม่ถูกบันทึก');
    expect(await bot.services.db.districtEstimate.count()).toBe(0);
  });

  it('confirming the preview stores months summing exactly to each gap and sends each district officer its card', async () => {
    await press(bot, prov, 'ยืนยันและส่งให้อำเภอ');
    expect(everything(bot, prov, 2)).toContain('บันทึกประมาณการ 2 อำเภอแล้ว (ใหม่ 2, แทนที่ของเดิม 0) และส่งให้พัฒนาการอำเภอรับรอง 2 คน');
    const m = await monthsOf(2401);
    expect(m.amounts).toEqual([450_001n, 450_001n, 450_001n, 450_000n]);
    expect(m.amounts.reduce((s, x) => s + x, 0n)).toBe(1_800_003n);
    expect(m.actualToDate).toBe(120_000_050n);
    expect((await monthsOf(2410)).amounts).toEqual([175_000n, 175_000n, 175_000n, 175_000n]);
    const pushed = lastCardText(bot, muang);
    expect(pushed).toContain('ประมาณการ อำเภอเมืองฉะเชิงเทรา');
    expect(pushed).toMatch(/มิ.ย. 70\n450,001\n—/);
    expect(pushed).toMatch(/ก.ย. 70\n450,000\n—/);
    expect(buttons(bot, muang, 1).map((b) => b.label)).toEqual(expect.arrayContaining(['รับรอง', 'ไม่รับรอง ขอแก้ไข']));
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a district certifies with one tap (audited); tapping the same card again writes nothing more', async () => {
    await press(bot, muang, 'รับรอง', 'x=certify', 1);
    expect(everything(bot, muang, 2)).toContain('รับรองประมาณการของอำเภอเมืองฉะเชิงเทราแล้ว แจ้งจังหวัดแล้ว');
    expect((await monthsOf(2401)).answer).toBe('CERTIFIED');
    const audits = await bot.services.db.auditLog.findMany({ where: { action: 'estimate.certify' } });
    expect(audits).toHaveLength(1);
    expect(everything(bot, prov, 1)).toContain('อำเภอเมืองฉะเชิงเทรารับรองประมาณการแล้ว (รวม 1,800,003 บาท)');
    const again = allCertifyTaps(muang)[0]!;
    await bot.tap(muang, again);
    expect(everything(bot, muang, 2)).toContain('การ์ดนั้นเป็นฉบับเก่า');
    expect(await bot.services.db.auditLog.count({ where: { action: 'estimate.certify' } })).toBe(1);
  });

  it('a district that does not certify types its own figure per month; every bad input is explained and keeps the month', async () => {
    await press(bot, thaTakiap, 'ไม่รับรอง ขอแก้ไข', 'x=correct', 1);
    expect(everything(bot, thaTakiap, 1)).toMatch(/เดือนมิถุนายน 2570[\s\S]*จังหวัดประมาณการไว้ 175,000 บาท/);
    for (const [bad, says] of [['abc', 'กรุณาพิมพ์ยอดขายเป็นตัวเลข'], ['-5', 'ติดลบไม่ได้'], ['200,000.50', 'จำนวนเต็มบาท']] as const) {
      await bot.say(thaTakiap, bad);
      const r = everything(bot, thaTakiap, 2);
      expect(r).toContain(says);
      expect(r).toContain('เดือนมิถุนายน 2570');
    }
    await bot.say(thaTakiap, '2 แสน');
    expect(everything(bot, thaTakiap, 1)).toContain('เดือนกรกฎาคม 2570');
    await bot.say(thaTakiap, 'เท่าเดิม');
    expect(everything(bot, thaTakiap, 1)).toContain('เดือนสิงหาคม 2570');
    await bot.say(thaTakiap, 'ย้อนกลับ');
    expect(everything(bot, thaTakiap, 1)).toContain('เดือนกรกฎาคม 2570');
    await bot.say(thaTakiap, '180000');
    await bot.say(thaTakiap, '150,000 บาท');
    await bot.say(thaTakiap, '1.5 แสน');
    const review = lastCardText(bot, thaTakiap);
    expect(review).toMatch(/มิ.ย. 70\n175,000\n200,000/);
    expect(review).toMatch(/ก.ค. 70\n175,000\n180,000/);
    expect(review).toMatch(/รวม\n700,000\n680,000/);
    expect((await monthsOf(2410)).answer).toBe('PENDING');
    await press(bot, thaTakiap, 'ส่งตัวเลขที่แก้ไข');
    expect(everything(bot, thaTakiap, 2)).toContain('ส่งตัวเลขที่อำเภอขอแก้ไขแล้ว รวม 680,000 บาท (จังหวัดประมาณการไว้ 700,000 บาท)');
    const m = await monthsOf(2410);
    expect([m.answer, m.corrected]).toEqual(['CORRECTED', [200_000n, 180_000n, 150_000n, 150_000n]]);
    expect(await bot.services.db.auditLog.count({ where: { action: 'estimate.correct', entityId: String(m.id) } })).toBe(1);
    expect(everything(bot, prov, 1)).toContain('อำเภอท่าตะเกียบไม่รับรองประมาณการ ขอแก้ไขเป็นรวม 680,000 บาท (จังหวัดตั้งไว้ 700,000 บาท)');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('the province sees who certified, who corrected, and the corrected total; the sheet for reports agrees', async () => {
    await bot.say(prov, 'ประมาณการ');
    const card = lastCardText(bot, prov);
    expect(card).toMatch(/เมืองฉะเชิงเทรา\n1,800,003\nรับรองแล้ว/);
    expect(card).toMatch(/ท่าตะเกียบ\n680,000\nไม่รับรอง ขอแก้ไข/);
    expect(card).toMatch(/ประมาณการของจังหวัด\n2,500,003 บาท\nรวมหลังอำเภอแก้ไข\n2,480,003 บาท/);
    expect(card).toMatch(/รวม\n2,480,003\nรับรอง 1\/2/);
    const sheet = await estimateSheet(bot.services.db, { fy: 2570, provinceId: 24 });
    expect(sheet.months).toEqual(['2027-06', '2027-07', '2027-08', '2027-09']);
    expect(sheet.counts).toEqual({ certified: 1, corrected: 1, pending: 0, notSet: sheet.rows.length - 2 });
    expect(sheet.totals.effective).toBe(248_000_300n);
    const tt = sheet.rows.find((r) => r.districtId === 2410)!.estimate!;
    expect([tt.answer, tt.answeredBy, tt.months.map((x) => x.effective / 100n)]).toEqual(['CORRECTED', 'พัฒนากรท่าตะเกียบ', [200_000n, 180_000n, 150_000n, 150_000n]]);
  });

  it('a new split replaces the estimates and resets answers; a tap on the old card writes nothing and shows the current one', async () => {
    await press(bot, prov, 'ตั้งใหม่: แบ่งเท่ากัน');
    await press(bot, prov, 'ยืนยันและส่งให้อำเภอ');
    expect(everything(bot, prov, 2)).toContain('แทนที่ของเดิม 2');
    const oldTap = allCertifyTaps(muang).at(-1)!; // the first card's button (oldest)
    await bot.tap(muang, oldTap);
    expect(everything(bot, muang, 2)).toContain('การ์ดนั้นเป็นฉบับเก่า');
    expect((await monthsOf(2401)).answer).toBe('PENDING');
    expect(await bot.services.db.auditLog.count({ where: { action: 'estimate.replace', actorId: provUserId } })).toBe(2);
  });

  it('a month later, the district and the province see actual against estimate for June', async () => {
    await confirmedEntry(2401, '2027-06', 30_000_000n, provUserId);
    clock.set('2027-07-05T03:00:00Z');
    await bot.say(muang, 'ประมาณการ');
    expect(lastCardText(bot, muang)).toMatch(/มิ.ย. 70\n450,001\n300,000\nก.ค. 70\n450,001\n—/);
    await bot.say(prov, 'ประมาณการ');
    expect(lastCardText(bot, prov)).toMatch(/มิ.ย. 70 จริง \/ ประมาณการ\n300,000 \/ 625,001/);
  });

  it('a producer may not open estimates', async () => {
    await bot.say(producer, 'ประมาณการ');
    expect(everything(bot, producer, 2)).toContain('ขออภัย เมนูนี้ใช้ได้สำหรับ');
  });
});

describe('estimates import (npm run targets -- estimates import)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'estimates-import-'));
  const seed = readFileSync(new URL('../fixtures/targets/fy2563-phayao-district-estimates.csv', import.meta.url), 'utf8');
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const count = () => bot.services.db.districtEstimate.count({ where: { fiscalYear: 2563 } });

  it('the seed table as printed writes nothing: its garbled names are refused with the closest real ones', async () => {
    const out = await importEstimateFile(bot.services.db, { file: write('as-printed.csv', seed), fiscalYear: 2563, province: 'พะเยา', now: clock.now() });
    expect(out.ok ? [] : out.problems.map((p) => p.message)).toEqual([expect.stringContaining('ภูซาง'), expect.stringContaining('ภูกามยาว')]);
    expect(await count()).toBe(0);
  });

  it('with the real names all nine districts are stored; importing again replaces them (audited) and asks for certification again', async () => {
    const file = write('fixed.csv', seed.replace('กุชวาง', 'ภูซาง').replace('ภูพานยาว', 'ภูกามยาว'));
    const first = await importEstimateFile(bot.services.db, { file, fiscalYear: 2563, province: '56', now: clock.now() });
    expect(first.ok && [first.summary.created, first.summary.replaced]).toEqual([9, 0]);
    const jun = await bot.services.db.districtEstimate.findUniqueOrThrow({ where: { fiscalYear_districtId: { fiscalYear: 2563, districtId: 5602 } }, include: { months: { orderBy: { month: 'asc' } } } });
    expect([jun.method, jun.target, jun.actualToDate, jun.months.map((m) => m.amount / 100n)]).toEqual(['IMPORT', 77_716_399_600n, (777_163_996n - 314_459_317n) * 100n, [63_054_386n, 128_456_230n, 107_407_461n, 15_541_240n]]);
    await bot.services.db.districtEstimate.update({ where: { id: jun.id }, data: { answer: 'CERTIFIED', answeredAt: clock.now() } });
    const again = await importEstimateFile(bot.services.db, { file, fiscalYear: 2563, province: 'พะเยา', now: clock.now() });
    expect(again.ok && [again.summary.created, again.summary.replaced]).toEqual([0, 9]);
    expect((await bot.services.db.districtEstimate.findUniqueOrThrow({ where: { id: jun.id } })).answer).toBe('PENDING');
    expect(await bot.services.db.auditLog.count({ where: { action: 'estimate.replace', entityId: String(jun.id) } })).toBe(1);
  });

  it('a bad row anywhere leaves the stored estimates untouched', async () => {
    const before = await bot.services.db.districtEstimateMonth.findMany({ orderBy: { id: 'asc' } });
    const bad = seed.replace('กุชวาง', 'ภูซาง').replace('ภูพานยาว', 'ภูกามยาว').replace('986000', '-986000');
    const out = await importEstimateFile(bot.services.db, { file: write('bad.csv', bad), fiscalYear: 2563, province: 'พะเยา', now: clock.now() });
    expect(out.ok ? [] : out.problems).toEqual([{ row: 7, column: 'D (estimate_jun_2563)', message: 'ติดลบไม่ได้ ("-986000")' }]);
    expect(await bot.services.db.districtEstimateMonth.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});

/** Postback data of every "รับรอง" button the officer was ever sent, newest first. */
function allCertifyTaps(user: string): string[] {
  return (bot.fake.messagesTo(user) as { contents?: unknown }[])
    .slice()
    .reverse()
    .flatMap((m) => [...JSON.stringify(m.contents ?? {}).matchAll(/"data":"(1\|start\|[^"]*)"/g)].map((x) => x[1]!))
    .filter((d) => d.includes('flow=estimate-certify') && d.includes('x=certify'));
}
