import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { buttons, press } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 2 Nov 2569, 10:00 Bangkok: October is the month to report
let bot: TestBot;
let producerUser: string;
let producerId: number;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2401, name: 'กลุ่มแม่บ้านบางพระ', categories: ['FOOD', 'DRINK'] });
  producerId = p.id;
  producerUser = (await makeUser(db, 'producer-a', 'PRODUCER', { producerId: p.id })).lineUserId;
  const officer = await makeUser(db, 'officer-a', 'DISTRICT_OFFICER', { districtId: 2401 });
  // September, already confirmed: the figures "same as last month" copies and the unusual check compares with
  await db.salesEntry.create({
    data: { producerId: p.id, month: new Date('2026-09-01'), category: 'FOOD', domesticOffline: 100_000_00n, domesticOnline: 5_000_00n, exportOffline: 0n, exportOnline: 0n, status: 'DISTRICT_CONFIRMED', enteredById: officer.user.id },
  });
  // October of last year, to compare with
  await db.salesEntry.create({
    data: { producerId: p.id, month: new Date('2025-10-01'), category: 'FOOD', domesticOffline: 80_000_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, status: 'PROVINCE_CONFIRMED', enteredById: officer.user.id },
  });
});
afterAll(async () => {
  await bot?.close();
});

describe('producer self-report', () => {
  it('reports October food in one message, confirms, and sees the year-to-date and the change against last October', async () => {
    await bot.say(producerUser, 'รายงานยอดขาย');
    expect(bot.take(producerUser).join('\n')).toContain('ตุลาคม 2569');
    await press(bot, producerUser, 'ตุลาคม 2569');
    expect(bot.take(producerUser).join('\n')).toContain('ประเภทไหน');
    await press(bot, producerUser, 'อาหาร');
    const amountsQuestion = bot.take(producerUser).join('\n');
    expect(amountsQuestion).toContain('ยอดเดือนที่แล้ว');
    expect(amountsQuestion).toContain('100,000');
    expect(buttons(bot, producerUser).map((b) => b.label)).toContain('เหมือนเดือนที่แล้ว');

    await bot.say(producerUser, 'ในประเทศ 120,000 ออนไลน์ 5,000 ส่งออก 0 ส่งออกออนไลน์ 0');
    const summary = bot.take(producerUser).join('\n');
    expect(summary).toContain('สรุปยอดขาย');
    expect(summary).toContain('125,000');
    await press(bot, producerUser, 'ยืนยัน');
    const result = bot.take(producerUser).join('\n');
    expect(result).toContain('บันทึกยอดขายเรียบร้อยแล้ว');
    expect(result).toContain('ยอดสะสมปีงบประมาณ 2570'); // October 2569 opens fiscal 2570
    expect(result).toContain('+56.3%'); // 125,000 against 80,000 last October

    const row = await bot.services.db.salesEntry.findUniqueOrThrow({
      where: { producerId_month_category: { producerId, month: new Date('2026-10-01'), category: 'FOOD' } },
    });
    expect(row).toMatchObject({ status: 'SUBMITTED', domesticOffline: 120_000_00n, domesticOnline: 5_000_00n, exportOffline: 0n, exportOnline: 0n, enteredByOfficer: false, late: false, revision: 1 });
    const audit = await bot.services.db.auditLog.findMany({ where: { entityType: 'SalesEntry', entityId: String(row.id) } });
    expect(audit.map((a) => a.action)).toEqual(['sales.submit']);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('answers questions one at a time with 0 buttons, asks about exports, and flags the unusual figure', async () => {
    await bot.say(producerUser, 'รายงานยอดขาย');
    await press(bot, producerUser, 'ตุลาคม 2569');
    await press(bot, producerUser, 'เครื่องดื่ม');
    await press(bot, producerUser, 'กรอกทีละช่อง');
    expect(bot.take(producerUser).join('\n')).toContain('(1/4)');
    await bot.say(producerUser, 'สองหมื่น');
    expect(bot.take(producerUser).join('\n')).toMatch(/ตัวเลข/); // letters refused, same question again
    await bot.say(producerUser, '๒๐,๐๐๐ บาท');
    expect(bot.take(producerUser).join('\n')).toContain('(2/4)');
    await press(bot, producerUser, '0 / ไม่มี');
    await bot.say(producerUser, '1.5 หมื่น');
    await press(bot, producerUser, '0 / ไม่มี');
    expect(bot.take(producerUser).join('\n')).toContain('ประเทศไหน');
    await bot.say(producerUser, 'ญี่ปุ่น');
    await press(bot, producerUser, 'ผ่านตัวแทน');
    await press(bot, producerUser, 'ไม่มี');
    expect(bot.take(producerUser).join('\n')).toContain('35,000');
    await press(bot, producerUser, 'ยืนยัน');
    const row = await bot.services.db.salesEntry.findUniqueOrThrow({
      where: { producerId_month_category: { producerId, month: new Date('2026-10-01'), category: 'DRINK' } },
      include: { exports: true },
    });
    expect(row.exportOffline).toBe(15_000_00n);
    expect(row.exports).toEqual([expect.objectContaining({ country: 'ญี่ปุ่น', channel: 'AGENT', agency: null, value: 15_000_00n })]);
  });

  it('asks "ยืนยันตัวเลขนี้ใช่ไหม" for a figure far from last month and lets the producer correct it', async () => {
    await bot.say(producerUser, 'รายงานยอดขาย');
    await press(bot, producerUser, 'ตุลาคม 2569');
    await press(bot, producerUser, 'อาหาร');
    expect(bot.take(producerUser).join('\n')).toContain('มีข้อมูลเดือนนี้อยู่แล้ว');
    await press(bot, producerUser, 'กรอกทีละช่อง');
    await bot.say(producerUser, '1,200,000'); // last month 100,000: more than three times
    expect(bot.take(producerUser).join('\n')).toContain('ยืนยันตัวเลขนี้ใช่ไหม');
    await press(bot, producerUser, 'แก้ไข');
    expect(bot.take(producerUser).join('\n')).toContain('(1/4)');
    await bot.say(producerUser, '120000');
    expect(bot.take(producerUser).join('\n')).toContain('(2/4)');
    await bot.say(producerUser, 'ยกเลิก');
    expect(bot.take(producerUser).join('\n')).toContain('ยกเลิกรายการแล้ว');
    const row = await bot.services.db.salesEntry.findUniqueOrThrow({
      where: { producerId_month_category: { producerId, month: new Date('2026-10-01'), category: 'FOOD' } },
    });
    expect(row.domesticOffline).toBe(120_000_00n); // unchanged: nothing is written before ยืนยัน
    expect(row.revision).toBe(1);
  });

  it('"เหมือนเดือนที่แล้ว" copies September, and a late submission is accepted and flagged', async () => {
    clock.set('2026-11-04T03:00:00Z'); // after the entry due date (3 Nov)
    const p2 = await makeProducer(bot.services.db, { districtId: 2401, categories: ['FOOD'] });
    const u2 = (await makeUser(bot.services.db, 'producer-b', 'PRODUCER', { producerId: p2.id })).lineUserId;
    const officer = await bot.services.db.user.findFirstOrThrow({ where: { role: 'DISTRICT_OFFICER' } });
    await bot.services.db.salesEntry.create({
      data: { producerId: p2.id, month: new Date('2026-09-01'), category: 'FOOD', domesticOffline: 7_000_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, status: 'SUBMITTED', enteredById: officer.id },
    });
    await bot.say(u2, 'รายงานยอดขาย');
    await press(bot, u2, 'ตุลาคม 2569');
    await press(bot, u2, 'เหมือนเดือนที่แล้ว'); // a single category: not asked
    expect(bot.take(u2).join('\n')).toContain('7,000');
    await press(bot, u2, 'ยืนยัน');
    expect(bot.take(u2).join('\n')).toContain('ส่งหลังกำหนด');
    const row = await bot.services.db.salesEntry.findFirstOrThrow({ where: { producerId: p2.id, month: new Date('2026-10-01') } });
    expect(row).toMatchObject({ domesticOffline: 7_000_00n, late: true });
    clock.set('2026-11-02T03:00:00Z');
  });

  it('a tap on the summary card of an earlier conversation acts on nothing stale', async () => {
    await bot.say(producerUser, 'รายงานยอดขาย');
    await press(bot, producerUser, 'ตุลาคม 2569');
    await press(bot, producerUser, 'อาหาร');
    await bot.say(producerUser, '130000 5000 0 0');
    const oldConfirm = buttons(bot, producerUser).find((b) => b.label?.includes('ยืนยัน'))!;
    await bot.say(producerUser, 'ยกเลิก');
    await bot.say(producerUser, 'รายงานยอดขาย');
    bot.take(producerUser);
    await bot.tap(producerUser, oldConfirm.data!);
    const said = bot.take(producerUser).join('\n');
    expect(said).toContain('ปุ่มนี้เป็นของรายการก่อนหน้า');
    expect(said).toContain('เดือนไหน'); // the current question again
    const row = await bot.services.db.salesEntry.findFirstOrThrow({ where: { producerId, month: new Date('2026-10-01'), category: 'FOOD' } });
    expect(row.domesticOffline).toBe(120_000_00n);
    await bot.say(producerUser, 'ยกเลิก');
    await bot.tap(producerUser, oldConfirm.data!); // no conversation at all now
    expect(bot.take(producerUser).join('\n')).toContain('ปุ่มนี้ใช้ไม่ได้แล้ว');
  });
});
