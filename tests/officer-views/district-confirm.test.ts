import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { OCTOBER, seedDistrict, statuses } from '../district-review/helpers.js';
import { buttons, lastCardText, press } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

async function officerWith(districtId: number, seed: string) {
  const o = await makeUser(bot.services.db, seed, 'DISTRICT_OFFICER', { districtId }, seed);
  const seeded = await seedDistrict(
    bot.services.db,
    districtId,
    o.user.id,
    [
      { producer: 'กลุ่มกล้วยตาก', category: 'FOOD', baht: 53_000 },
      { producer: 'กลุ่มผ้าทอ', category: 'TEXTILE', baht: 20_000, exportBaht: 5_000 },
      { producer: 'กลุ่มสมุนไพร', category: 'HERBAL', baht: 7_000 },
    ],
    ['กลุ่มหัตถกรรม', 'กลุ่มจักสาน'],
  );
  await bot.say(o.lineUserId, 'ตรวจสอบ/ยืนยัน');
  await press(bot, o.lineUserId, 'ตุลาคม 2569');
  bot.take(o.lineUserId);
  return { line: o.lineUserId, ...seeded };
}

describe('district confirmation shows what it will do first', () => {
  it('the list shows the four amounts of every entry, so a transposed figure can be seen', async () => {
    const o = await officerWith(2402, 'four-amounts');
    await press(bot, o.line, 'ดูรายการ');
    const card = lastCardText(bot, o.line);
    expect(card).toContain('ผ้า/เครื่องแต่งกาย · รวม 25,000 บาท\nในประเทศ หน้าร้าน 20,000 · ออนไลน์ 0\nส่งออก ออฟไลน์ 5,000 · ออนไลน์ 0');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('"ยืนยันทั้งหมด ยกเว้น ๒" shows count, total and the excepted number and writes nothing until the button', async () => {
    const o = await officerWith(2403, 'preview-except');
    await bot.say(o.line, 'ยืนยันทั้งหมด ยกเว้น ๒');
    const preview = bot.take(o.line).join('\n');
    expect(preview).toContain('จะยืนยัน 2 รายการ รวม 60,000 บาท · เว้นไว้ รายการที่ 2 · ยังไม่รายงาน 2 ราย');
    expect(await statuses(bot.services.db, o.entries)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    await bot.say(o.line, 'ดูรายการ'); // looking elsewhere writes nothing either
    expect(await statuses(bot.services.db, o.entries)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    await bot.say(o.line, 'ยืนยันทั้งหมด ยกเว้น 2');
    await bot.say(o.line, 'ยืนยัน'); // typed "ยืนยัน" on the preview: confirms what it showed
    const done = bot.take(o.line).join('\n');
    expect(done).toContain('ยืนยัน 2 รายการ รวม 60,000 บาท');
    expect(done).toContain('ยังมีผู้ผลิต 2 รายที่ไม่ได้รายงานเดือนนี้ (ยืนยันโดยทราบแล้ว)');
    expect(await statuses(bot.services.db, o.entries)).toEqual(['DISTRICT_CONFIRMED', 'SUBMITTED', 'DISTRICT_CONFIRMED']);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('producers that did not report can be marked "no sales this month" and confirmed with the rest', async () => {
    const o = await officerWith(2404, 'preview-no-sales');
    await press(bot, o.line, 'ยืนยันทั้งหมด');
    expect(bot.take(o.line).join('\n')).toContain('จะยืนยัน 3 รายการ รวม 85,000 บาท · ยังไม่รายงาน 2 ราย');
    const card = lastCardText(bot, o.line);
    expect(card).toContain('ยังไม่รายงาน 2 ราย');
    expect(card).toContain('กลุ่มจักสาน');
    await press(bot, o.line, 'ไม่มียอดขาย+ยืนยัน', '', 1);
    const done = bot.take(o.line).join('\n');
    expect(done).toContain('บันทึก "ไม่มียอดขายเดือนนี้" ให้ผู้ผลิตที่ยังไม่รายงานแล้ว 2 รายการ');
    expect(done).toContain('ยืนยัน 5 รายการ รวม 85,000 บาท');
    expect(done).toContain('ข้อมูลของอำเภอเดือนนี้ยืนยันครบแล้ว');
    expect(done).not.toContain('ยังมีผู้ผลิต');
    const zero = await bot.services.db.salesEntry.findMany({ where: { month: OCTOBER, producerId: { in: [o.producers.get('กลุ่มหัตถกรรม')!, o.producers.get('กลุ่มจักสาน')!] } } });
    expect(zero.map((e) => [e.status, e.enteredByOfficer, e.domesticOffline + e.domesticOnline + e.exportOffline + e.exportOnline])).toEqual([
      ['DISTRICT_CONFIRMED', true, 0n],
      ['DISTRICT_CONFIRMED', true, 0n],
    ]);
    expect(await bot.services.db.auditLog.count({ where: { action: 'sales.submit', entityId: { in: zero.map((e) => String(e.id)) } } })).toBe(2);
    expect(buttons(bot, o.line, 1).map((b) => b.label)).toContain('ตรวจสอบ/ยืนยัน');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a tap on an older preview (other exceptions) confirms nothing', async () => {
    const o = await officerWith(2405, 'preview-stale');
    await bot.say(o.line, 'ยืนยันทั้งหมด ยกเว้น 1');
    const old = buttons(bot, o.line, 1).find((b) => (b.data ?? '').includes('dr-confirm-ok'))!.data!;
    await bot.say(o.line, 'ยืนยันทั้งหมด ยกเว้น 3');
    await bot.tap(o.line, old);
    expect(bot.take(o.line).join('\n')).toContain('ปุ่มนี้เป็นของการ์ดก่อนหน้า');
    expect(await statuses(bot.services.db, o.entries)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
  });
});
