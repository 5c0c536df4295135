import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { acceptPreview, buttons, OCTOBER, press, seedDistrict, statuses } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let officer: string;
let officerId: number;
let ids: number[];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const o = await makeUser(db, 'dr-officer-2402', 'DISTRICT_OFFICER', { districtId: 2402 }, 'วิไล');
  officer = o.lineUserId;
  officerId = o.user.id;
  const rows = Array.from({ length: 13 }, (_, i) => ({ producer: `กลุ่มบ้าน ${String(i + 1).padStart(2, '0')}`, category: 'FOOD' as const, baht: 1_000 * (i + 1) }));
  ids = (await seedDistrict(db, 2402, officerId, rows)).entries;
});
afterAll(async () => {
  await bot?.close();
});

describe('entries list pages', () => {
  it('shows 10 entries a page and "12" means the same entry on every page, even when new entries arrive', async () => {
    const db = bot.services.db;
    await bot.say(officer, 'ตรวจสอบ');
    await press(bot, officer, 'ตุลาคม 2569');
    await press(bot, officer, 'ดูรายการ');
    const page1 = bot.take(officer).at(-1)!;
    expect(page1).toContain('หน้า 1/2');
    expect(page1).toContain('1. กลุ่มบ้าน 01 · อาหาร · 1,000 บาท');
    expect(page1).toContain('10. กลุ่มบ้าน 10');
    expect(page1).not.toContain('11. ');
    expect(buttons(bot, officer).filter((b) => b.label === 'ส่งกลับแก้ไข')).toHaveLength(10);

    await press(bot, officer, 'ถัดไป');
    const page2 = bot.take(officer).at(-1)!;
    expect(page2).toContain('หน้า 2/2');
    expect(page2).toContain('12. กลุ่มบ้าน 12 · อาหาร · 12,000 บาท');

    // a producer whose name sorts first reports now: it is appended as 14, the numbers seen stay
    const late = await makeProducer(db, { districtId: 2402, name: 'กลุ่มก่อนใคร' });
    const fresh = await db.salesEntry.create({
      data: { producerId: late.id, month: OCTOBER, category: 'FOOD', domesticOffline: 500_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: officerId },
    });
    // and entry 3 is corrected after the officer looked at it
    await db.salesEntry.update({ where: { id: ids[2]! }, data: { domesticOffline: 3_500_00n, revision: { increment: 1 } } });

    await press(bot, officer, 'ก่อนหน้า');
    expect(bot.take(officer).at(-1)!).toContain('1. กลุ่มบ้าน 01');
    await bot.say(officer, 'หน้า 2');
    const again = bot.take(officer).at(-1)!;
    expect(again).toContain('12. กลุ่มบ้าน 12');
    expect(again).toContain('14. กลุ่มก่อนใคร · อาหาร · 500 บาท');

    await bot.say(officer, 'ยืนยันทั้งหมด ยกเว้น 12');
    await acceptPreview(bot, officer);
    const reply = bot.take(officer).join('\n');
    // entry 3 was seen on page 1 before its correction and page 1 was shown again after it: it was seen as it is
    expect(reply).toContain('ยืนยัน 13 รายการ');
    expect(reply).toContain('เว้นไว้ รายการที่ 12');
    expect(await statuses(db, [ids[11]!, ids[2]!, fresh.id])).toEqual(['SUBMITTED', 'DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED']);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('an entry changed or arrived after the officer looked is reported, not confirmed blindly', async () => {
    const db = bot.services.db;
    await db.salesEntry.updateMany({ where: { id: { in: ids } }, data: { status: 'SUBMITTED', districtConfirmedAt: null, districtConfirmedById: null } });
    await bot.say(officer, 'ตรวจสอบ');
    await press(bot, officer, 'ตุลาคม 2569');
    await press(bot, officer, 'ดูรายการ'); // page 1 only: entries 1–10 seen as they are now
    await db.salesEntry.update({ where: { id: ids[6]! }, data: { domesticOffline: 9_999_00n, revision: { increment: 1 } } });
    const newcomer = await makeProducer(db, { districtId: 2402, name: 'กลุ่มมาใหม่' });
    const arrived = await db.salesEntry.create({
      data: { producerId: newcomer.id, month: OCTOBER, category: 'DRINK', domesticOffline: 100_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: officerId },
    });
    bot.take(officer);
    await bot.say(officer, 'ยืนยันทั้งหมด');
    await acceptPreview(bot, officer);
    const reply = bot.take(officer).join('\n');
    // numbering of this review: 1 = กลุ่มก่อนใคร (already confirmed), 2–14 = กลุ่มบ้าน 01–13, 15 = the newcomer
    expect(reply).toContain('ยืนยัน 12 รายการ'); // กลุ่มบ้าน 01–13 less กลุ่มบ้าน 07 (number 8)
    expect(reply).toContain('รายการที่ 8 มีการแก้ไขหลังจากที่คุณเปิดดู กรุณาตรวจอีกครั้ง');
    expect(reply).toMatch(/รายการที่ 15 ส่งเข้ามาใหม่หลังจากที่คุณเปิดดู/);
    expect(await statuses(db, [ids[6]!, arrived.id])).toEqual(['SUBMITTED', 'SUBMITTED']);
    expect(await statuses(db, [ids[0]!, ids[12]!])).toEqual(['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED']);
  });
});
