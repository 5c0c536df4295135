import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { buttons, press, quickLabels, seedDistrict, statuses } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let officer: string;
let producer: string;
let ids: number[];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const o = await makeUser(db, 'dr-officer-2408', 'DISTRICT_OFFICER', { districtId: 2408 }, 'สมพร');
  officer = o.lineUserId;
  const seeded = await seedDistrict(db, 2408, o.user.id, [
    { producer: 'กลุ่มกล้วยตาก', category: 'FOOD', baht: 53_000 },
    { producer: 'กลุ่มขนมไทย', category: 'FOOD', baht: 40_000 },
    { producer: 'กลุ่มผ้าทอ', category: 'TEXTILE', baht: 20_000 },
  ]);
  ids = seeded.entries;
  producer = (await makeUser(db, 'dr-producer-2408', 'PRODUCER', { producerId: seeded.producers.get('กลุ่มกล้วยตาก')! })).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

async function openList(): Promise<void> {
  await bot.say(officer, 'ตรวจสอบ/ยืนยัน');
  await press(bot, officer, 'ตุลาคม 2569');
  await press(bot, officer, 'ดูรายการ');
  bot.take(officer);
}

const returns = (entryId: number) => bot.services.db.auditLog.count({ where: { action: 'sales.district-return', entityId: String(entryId) } });

/** The data of the "ยืนยันส่งกลับ" quick reply last shown to the officer. */
const confirmButton = () => buttons(bot, officer).find((b) => b.label === 'ยืนยันส่งกลับ')!.data!;

describe('sending an entry back asks for confirmation first', () => {
  it('a typed reason alone sends nothing back until ยืนยันส่งกลับ', async () => {
    const db = bot.services.db;
    await openList();
    await bot.say(officer, 'ส่งกลับ 1');
    bot.take(officer);
    await bot.say(officer, '  ยอดไม่ตรงกับ   สมุดบัญชี  ');
    expect(bot.take(officer).join('\n')).toBe(
      'ส่งกลับรายการที่ 1 (กลุ่มกล้วยตาก · อาหาร · 53,000 บาท) ให้ผู้ผลิตแก้ไข\nเหตุผล: ยอดไม่ตรงกับ สมุดบัญชี\n\nยืนยันส่งกลับไหมคะ?',
    );
    expect(quickLabels(bot, officer)).toEqual(['ยืนยันส่งกลับ', 'แก้เหตุผล', 'ไม่ส่งกลับ', 'ยกเลิก']);
    expect(await statuses(db, [ids[0]!])).toEqual(['SUBMITTED']);
    expect(await returns(ids[0]!)).toBe(0);
    expect(bot.take(producer)).toEqual([]);

    // anything else, even a review command, keeps the question and writes nothing
    for (const typed of ['ส่งเลย', 'ยืนยันทั้งหมด', 'ส่งกลับ 2']) {
      await bot.say(officer, typed);
      const said = bot.take(officer).join('\n');
      expect(said).toContain('กรุณากด "ยืนยันส่งกลับ" เพื่อส่งกลับ');
      expect(said).toContain('เหตุผล: ยอดไม่ตรงกับ สมุดบัญชี');
    }
    expect(await statuses(db, ids)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    expect(await db.auditLog.count({ where: { action: { startsWith: 'sales.district' } } })).toBe(0);

    await press(bot, officer, 'ยืนยันส่งกลับ');
    expect(bot.take(officer).join('\n')).toContain('ส่งกลับรายการที่ 1 ให้แก้ไขแล้ว');
    expect(await db.salesEntry.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({ status: 'RETURNED', returnReason: 'ยอดไม่ตรงกับ สมุดบัญชี' });
    expect(await returns(ids[0]!)).toBe(1);
    expect(bot.take(producer).join('\n')).toContain('สิ่งที่ต้องแก้ไข: ยอดไม่ตรงกับ สมุดบัญชี');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('แก้เหตุผล lets the officer retype the reason', async () => {
    const db = bot.services.db;
    await openList();
    await bot.say(officer, 'ส่งกลับ 2');
    bot.take(officer);
    await bot.say(officer, 'ยอดสูงไป');
    const first = confirmButton();
    await press(bot, officer, 'แก้เหตุผล');
    const again = bot.take(officer).join('\n');
    expect(again).toContain('ส่งกลับรายการที่ 2 ให้ผู้ผลิตแก้ไข');
    expect(again).toContain('ต้องแก้ไขเรื่องอะไรคะ?');
    expect(await statuses(db, [ids[1]!])).toEqual(['SUBMITTED']);

    await bot.say(officer, 'ยอดในประเทศสูงกว่าสมุดบัญชี 10,000 บาท');
    expect(bot.take(officer).join('\n')).toContain('เหตุผล: ยอดในประเทศสูงกว่าสมุดบัญชี 10,000 บาท');
    // the confirmation of the first reason is old: it never sends the entry back
    await bot.tap(officer, first);
    const old = bot.take(officer).join('\n');
    expect(old).toContain('ปุ่มนี้เป็นของการ์ดก่อนหน้า');
    expect(old).toContain('เหตุผล: ยอดในประเทศสูงกว่าสมุดบัญชี 10,000 บาท');
    expect(await statuses(db, [ids[1]!])).toEqual(['SUBMITTED']);

    await bot.say(officer, 'ใช่');
    expect(bot.take(officer).join('\n')).toContain('ส่งกลับรายการที่ 2 ให้แก้ไขแล้ว');
    expect(await db.salesEntry.findUniqueOrThrow({ where: { id: ids[1]! } })).toMatchObject({
      status: 'RETURNED', returnReason: 'ยอดในประเทศสูงกว่าสมุดบัญชี 10,000 บาท',
    });
    expect(await returns(ids[1]!)).toBe(1);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('ไม่ส่งกลับ returns to the list without a change', async () => {
    const db = bot.services.db;
    await openList();
    await bot.say(officer, 'ส่งกลับ 3');
    bot.take(officer);
    await press(bot, officer, 'ประเภทสินค้าผิด');
    expect(bot.take(officer).join('\n')).toContain('เหตุผล: ประเภทสินค้าไม่ถูกต้อง');
    const confirm = confirmButton();
    await press(bot, officer, 'ไม่ส่งกลับ');
    expect(bot.take(officer).join('\n')).toContain('3. กลุ่มผ้าทอ · ผ้า/เครื่องแต่งกาย · 20,000 บาท · รอยืนยัน');
    expect(await statuses(db, [ids[2]!])).toEqual(['SUBMITTED']);

    // the confirmation left behind does nothing either
    await bot.tap(officer, confirm);
    expect(bot.take(officer).join('\n')).toContain('ปุ่มนี้เป็นของการ์ดก่อนหน้า');
    expect(await db.salesEntry.findUniqueOrThrow({ where: { id: ids[2]! } })).toMatchObject({ status: 'SUBMITTED', returnReason: null });
    expect(await returns(ids[2]!)).toBe(0);
    expect(bot.fake.rejected()).toEqual([]);
  });
});
