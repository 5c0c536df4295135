// Issue 7 (points 5, 7, 10, 11, 13, 15): entering sales without needless taps and correcting without losing work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { buttons, everything, press, quickLabels } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 2 Nov 2569: October is the month to report
let bot: TestBot;
let officerId: number;

/** A producer of district 2402 with a LINE user and September figures to compare with. */
async function producer(seed: string, categories: ('FOOD' | 'DRINK' | 'TEXTILE')[] = ['FOOD', 'DRINK']) {
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2402, categories });
  const user = (await makeUser(db, seed, 'PRODUCER', { producerId: p.id })).lineUserId;
  await db.salesEntry.create({
    data: { producerId: p.id, month: new Date('2026-09-01'), category: 'FOOD', domesticOffline: 100_000_00n, domesticOnline: 5_000_00n, exportOffline: 0n, exportOnline: 0n, status: 'DISTRICT_CONFIRMED', enteredById: officerId },
  });
  return { id: p.id, user };
}
const lastText = (user: string) => everything(bot, user, 1);
const october = (producerId: number, category: 'FOOD' | 'DRINK' | 'TEXTILE') =>
  bot.services.db.salesEntry.findUnique({ where: { producerId_month_category: { producerId, month: new Date('2026-10-01'), category } }, include: { exports: true } });

async function toFoodAmounts(user: string) {
  await bot.say(user, 'รายงานยอดขาย');
  await press(bot, user, 'ตุลาคม 2569');
  await press(bot, user, 'อาหาร');
}

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  officerId = (await makeUser(bot.services.db, 'corr-officer', 'DISTRICT_OFFICER', { districtId: 2402 })).user.id;
});
afterAll(async () => {
  await bot?.close();
});

describe('sales entry: fewer taps, corrections that keep work', () => {
  it('the one-message example, typed as shown, gives all four amounts and goes straight to the summary', async () => {
    const { user } = await producer('corr-example');
    await toFoodAmounts(user);
    const prompt = lastText(user).split('\n');
    const example = prompt[prompt.findIndex((l) => l.includes('ในข้อความเดียวได้')) + 1]!;
    await bot.say(user, example);
    const after = everything(bot, user, 2);
    expect(after).not.toMatch(/\(\d\/4\)/);
    expect(after).toContain('ตรวจสอบก่อนส่ง');
  });

  it('"ย้อนกลับ" goes one question back at every step and keeps the other answers; "แก้ไข" changes one amount', async () => {
    const { id, user } = await producer('corr-back');
    await bot.say(user, 'รายงานยอดขาย');
    await press(bot, user, 'ตุลาคม 2569');
    await press(bot, user, 'ย้อนกลับ');
    expect(lastText(user)).toContain('ของเดือนไหน');
    await press(bot, user, 'ตุลาคม 2569');
    await press(bot, user, 'อาหาร');
    await press(bot, user, 'กรอกทีละช่อง');
    await bot.say(user, '100000');
    expect(lastText(user)).toContain('(2/4)');
    await bot.say(user, 'ย้อนกลับ');
    expect(lastText(user)).toContain('(1/4)');
    await bot.say(user, '100000');
    await bot.say(user, '5000');
    await bot.say(user, '0');
    expect(lastText(user)).toContain('(4/4)');
    await press(bot, user, 'ย้อนกลับ');
    expect(lastText(user)).toContain('(3/4)');
    await bot.say(user, '0');
    await bot.say(user, '0');
    expect(lastText(user)).toContain('ตรวจสอบก่อนส่ง');

    await press(bot, user, 'แก้ไข');
    expect(lastText(user)).toContain('ต้องการแก้ไขช่องไหน');
    await press(bot, user, 'ในประเทศ ออนไลน์');
    await bot.say(user, '6,000');
    const summary = everything(bot, user, 2);
    expect(summary).toContain('แก้ไขแล้ว: ในประเทศ (ออนไลน์) 6,000 บาท');
    expect(summary).toContain('100,000 บาท'); // the other amounts were kept
    await press(bot, user, 'ยืนยัน ส่งข้อมูล');
    expect(await october(id, 'FOOD')).toMatchObject({ domesticOffline: 100_000_00n, domesticOnline: 6_000_00n, exportOffline: 0n, exportOnline: 0n });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('at the unusual-figure question a typed number is the correction; "แก้ไข" says only the flagged amounts are asked', async () => {
    const { user } = await producer('corr-unusual');
    await toFoodAmounts(user);
    await bot.say(user, 'หน้าร้าน 900,000 ออนไลน์ 5,000 ส่งออก 0 ส่งออกออนไลน์ 0');
    expect(lastText(user)).toContain('ต่างจากเดือนที่แล้วมาก');
    await bot.say(user, '90,000');
    const fixed = everything(bot, user, 2);
    expect(fixed).toContain('ตรวจสอบก่อนส่ง');
    expect(fixed).toContain('90,000 บาท');
    expect(fixed).not.toContain('900,000');

    await bot.say(user, 'ยกเลิก');
    await toFoodAmounts(user);
    await bot.say(user, 'หน้าร้าน 900,000 ออนไลน์ 50,000 ส่งออก 0 ส่งออกออนไลน์ 0');
    await press(bot, user, 'แก้ไข');
    const asked = lastText(user);
    expect(asked).toContain('จะถามใหม่เฉพาะช่องที่ต่างจากเดือนที่แล้วมาก');
    expect(asked).toContain('(1/4)');
  });

  it('a number is not a country; countries come from the country list, with close matches or the name confirmed as typed', async () => {
    const { id, user } = await producer('corr-country');
    await toFoodAmounts(user);
    await bot.say(user, 'หน้าร้าน 100,000 ออนไลน์ 5,000 ส่งออก 5,000 ส่งออกออนไลน์ 0');
    expect(lastText(user)).toContain('ประเทศไหน');
    await bot.say(user, '0');
    expect(everything(bot, user, 2)).toContain('ตัวเลขใช้แทนชื่อประเทศไม่ได้');
    expect(everything(bot, user, 2)).toContain('ยอดส่งออกที่กรอกไว้คือ 5,000 บาท');
    await bot.say(user, 'ญีปุ่น');
    expect(lastText(user)).toContain('ไม่พบประเทศชื่อ "ญีปุ่น"');
    expect(quickLabels(bot, user)).toContain('ญี่ปุ่น');
    await press(bot, user, 'ญี่ปุ่น');
    expect(everything(bot, user, 2)).toContain('ประเทศ: ญี่ปุ่น');
    await press(bot, user, 'ย้อนกลับ');
    expect(lastText(user)).toContain('ประเทศไหน');
    await bot.say(user, 'ดาวอังคาร');
    expect(lastText(user)).toContain('ไม่พบประเทศชื่อ "ดาวอังคาร"');
    expect(quickLabels(bot, user)).not.toContain('ดาวอังคาร');
    await bot.say(user, 'พม่า, จีน');
    expect(everything(bot, user, 2)).toContain('ประเทศ: เมียนมา, จีน');
    await press(bot, user, 'ผ่านตัวแทน');
    await press(bot, user, 'ไม่มี');
    await press(bot, user, 'ยืนยัน ส่งข้อมูล');
    expect((await october(id, 'FOOD'))?.exports.map((x) => x.country)).toEqual(['เมียนมา, จีน']);

    await bot.say(user, 'รายงานยอดขาย');
    await press(bot, user, 'ตุลาคม 2569');
    await press(bot, user, 'เครื่องดื่ม');
    await bot.say(user, 'หน้าร้าน 0 ออนไลน์ 0 ส่งออก 1,000 ส่งออกออนไลน์ 0');
    await bot.say(user, 'บรูไนดารุสซาลามใหม่');
    await press(bot, user, 'ใช้ชื่อตามที่พิมพ์');
    expect(everything(bot, user, 2)).toContain('ประเทศ: บรูไนดารุสซาลามใหม่');
  });

  it('says that the month just ended is locked instead of calling an older month the usual one', async () => {
    const { user } = await producer('corr-locked');
    const key = { districtId: 2402, month: new Date('2026-10-01') };
    const confirmed = { provinceConfirmedAt: new Date('2026-11-01T05:00:00Z') };
    await bot.services.db.districtMonth.upsert({ where: { districtId_month: key }, create: { ...key, ...confirmed }, update: confirmed });
    try {
      await bot.say(user, 'รายงานยอดขาย');
      const text = lastText(user);
      expect(text).toContain('เดือนตุลาคม 2569 จังหวัดยืนยันและปิดรับแล้ว');
      expect(text).not.toContain('ปกติคือเดือนกันยายน');
      expect(buttons(bot, user, 1).map((b) => b.label)).not.toContain('ตุลาคม 2569');
    } finally {
      await bot.services.db.districtMonth.update({ where: { districtId_month: key }, data: { provinceConfirmedAt: null } });
      await bot.say(user, 'ยกเลิก');
    }
  });

  it('"ไม่มียอดทุกประเภท" records zero for every category without an entry, after a confirmation tap', async () => {
    const { id, user } = await producer('corr-none', ['FOOD', 'DRINK', 'TEXTILE']);
    await toFoodAmounts(user);
    await press(bot, user, 'เหมือนเดือนที่แล้ว');
    await press(bot, user, 'ยืนยัน ส่งข้อมูล');
    // a reminder's button names the month: it is not asked again
    await bot.tap(user, { action: 'start', params: { flow: 'sales-entry', month: '2026-10' } });
    expect(lastText(user)).toContain('เดือนตุลาคม 2569: ยอดขายของผลิตภัณฑ์ประเภทไหน');
    await press(bot, user, 'ไม่มียอดทุกประเภท');
    const preview = lastText(user);
    expect(preview).toContain('2 ประเภท: เครื่องดื่ม, ผ้า เครื่องแต่งกาย');
    expect(preview).toContain('ไม่รวม อาหาร');
    expect(await october(id, 'DRINK')).toBeNull(); // nothing written before the tap
    await press(bot, user, 'ยืนยัน');
    for (const c of ['DRINK', 'TEXTILE'] as const) {
      expect(await october(id, c)).toMatchObject({ status: 'SUBMITTED', domesticOffline: 0n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n });
    }
    expect(await october(id, 'FOOD')).toMatchObject({ domesticOffline: 100_000_00n });
    expect(bot.fake.rejected()).toEqual([]);
  });
});

describe('"เมนู" in the middle of an entry', () => {
  it('warns that typed amounts will be dropped; "ทำรายการต่อ" keeps them, "ทิ้งข้อมูล ไปที่เมนู" drops them', async () => {
    const { user } = await producer('corr-menu');
    await toFoodAmounts(user);
    await press(bot, user, 'กรอกทีละช่อง');
    await bot.say(user, '100000');
    await bot.say(user, 'เมนู');
    const warning = lastText(user);
    expect(warning).toContain('ยอดขายอาหาร เดือนตุลาคม 2569 ที่ยังไม่ได้ส่ง');
    expect(warning).toContain('จะไม่ถูกบันทึก');
    expect(await bot.services.db.conversation.count({ where: { user: { lineUserId: user } } })).toBe(1);
    await press(bot, user, 'ทำรายการต่อ');
    expect(lastText(user)).toContain('(2/4)');
    await bot.say(user, '5000');
    expect(lastText(user)).toContain('(3/4)'); // the first amount was kept
    await bot.say(user, 'เมนู');
    await press(bot, user, 'ทิ้งข้อมูล ไปที่เมนู');
    expect(lastText(user)).toContain('ต้องการทำรายการใด');
    expect(await bot.services.db.conversation.count({ where: { user: { lineUserId: user } } })).toBe(0);
  });
});
