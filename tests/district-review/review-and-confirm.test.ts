import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { acceptPreview, buttons, lastCardText, press, seedDistrict, statuses } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 2 Nov 2569, 10:00 Bangkok: October is the month to review
let bot: TestBot;
let officer: string;
let officerId: number;
let producer: string;
let ids: number[];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const o = await makeUser(db, 'dr-officer-2401', 'DISTRICT_OFFICER', { districtId: 2401 }, 'สมชาย');
  officer = o.lineUserId;
  officerId = o.user.id;
  const seeded = await seedDistrict(
    db,
    2401,
    officerId,
    [
      { producer: 'กลุ่มกล้วยตาก', category: 'FOOD', baht: 53_000 },
      { producer: 'กลุ่มกล้วยตาก', category: 'DRINK', baht: 10_000, late: true, byOfficer: true },
      { producer: 'กลุ่มขนมไทย', category: 'FOOD', baht: 40_000 },
      { producer: 'กลุ่มผ้าทอ', category: 'TEXTILE', baht: 20_000, exportBaht: 5_000, status: 'DISTRICT_CONFIRMED' },
      { producer: 'กลุ่มสมุนไพร', category: 'HERBAL', baht: 7_000, status: 'RETURNED', returnReason: 'ยอดไม่ตรงกับสมุดบัญชี' },
    ],
    ['กลุ่มหัตถกรรม', 'กลุ่มจักสาน'],
  );
  ids = seeded.entries;
  producer = (await makeUser(db, 'dr-producer-banana', 'PRODUCER', { producerId: seeded.producers.get('กลุ่มกล้วยตาก')! })).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

describe('district review of October', () => {
  it('district officer sees counts and totals for October', async () => {
    await bot.say(officer, 'ตรวจสอบ/ยืนยัน');
    expect(bot.take(officer).join('\n')).toContain('ปกติคือเดือนตุลาคม 2569');
    expect(buttons(bot, officer).map((b) => b.label)).toEqual(['ตุลาคม 2569', 'กันยายน 2569', 'สิงหาคม 2569', 'ยกเลิก']);
    await press(bot, officer, 'ตุลาคม 2569');
    const alt = bot.take(officer).join('\n');
    expect(alt).toContain('อำเภอเมืองฉะเชิงเทรา เดือนตุลาคม 2569');
    expect(alt).toContain('รายงานแล้ว 4 ราย ยังไม่รายงาน 2 ราย');
    expect(alt).toContain('รอยืนยัน 3 ส่งกลับแก้ไข 1 ยืนยันแล้ว 1 ส่งล่าช้า 1');
    expect(alt).toContain('รวม 128,000 บาท'); // the returned 7,000 is being corrected: not counted
    const card = lastCardText(bot, officer);
    expect(card).toMatch(/อาหาร\n93,000/);
    expect(card).toMatch(/ในประเทศ\n123,000/);
    expect(card).toMatch(/ส่งออก\n5,000/);
    expect(card).toContain('กำหนดอำเภอยืนยัน 4 พฤศจิกายน 2569');
    expect(buttons(bot, officer).map((b) => b.label)).toEqual(
      expect.arrayContaining(['ดูรายการ', 'ยืนยันทั้งหมด (3)', 'ยังไม่รายงาน (2)']),
    );
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('lists entries numbered by producer then category, with status, late and officer marks', async () => {
    await press(bot, officer, 'ดูรายการ');
    const alt = bot.take(officer).join('\n');
    expect(alt).toContain('1. กลุ่มกล้วยตาก · อาหาร · 53,000 บาท · รอยืนยัน');
    expect(alt).toContain('2. กลุ่มกล้วยตาก · เครื่องดื่ม · 10,000 บาท · รอยืนยัน · ล่าช้า · บันทึกโดยเจ้าหน้าที่');
    expect(alt).toContain('3. กลุ่มขนมไทย · อาหาร · 40,000 บาท · รอยืนยัน');
    expect(alt).toContain('4. กลุ่มผ้าทอ · ผ้า/เครื่องแต่งกาย · 25,000 บาท · อำเภอยืนยันแล้ว');
    expect(alt).toContain('5. กลุ่มสมุนไพร · สมุนไพรไม่ใช่อาหาร · 7,000 บาท · ส่งกลับแก้ไข');
    // submitted and confirmed entries can be sent back; the returned one cannot again
    const back = buttons(bot, officer).filter((b) => b.label === 'ส่งกลับแก้ไข');
    expect(back.map((b) => new URLSearchParams(b.data!.split('|')[2]).get('n'))).toEqual(['1', '2', '3', '4']);
    expect(lastCardText(bot, officer)).toContain('เหตุผล: ยอดไม่ตรงกับสมุดบัญชี');
  });

  it('lists the producers that have not reported, with a button to enter for them', async () => {
    await press(bot, officer, 'ยังไม่รายงาน');
    const alt = bot.take(officer).join('\n');
    expect(alt).toContain('2 ราย');
    expect(alt).toContain('กลุ่มจักสาน');
    expect(alt).toContain('กลุ่มหัตถกรรม');
    const enter = buttons(bot, officer).filter((b) => b.label === 'บันทึกแทน');
    expect(enter).toHaveLength(2);
    expect(enter[0]!.data).toContain('flow=sales-entry');
    expect(enter[0]!.data).toContain('month=2026-10');
  });

  it('numbers that do not exist are refused and nothing changes', async () => {
    await bot.say(officer, 'ยืนยันทั้งหมด ยกเว้น 2 9');
    expect(bot.take(officer).join('\n')).toContain('ไม่มีรายการที่ 9 (รายการเดือนนี้มีหมายเลข 1–5) ยังไม่ได้ยืนยันรายการใด');
    expect(await statuses(bot.services.db, ids)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'DISTRICT_CONFIRMED', 'RETURNED']);
    expect(await bot.services.db.auditLog.count({ where: { action: 'sales.district-confirm' } })).toBe(0);
  });

  it('confirm all except 2 leaves entry 2 submitted and confirms the rest', async () => {
    await bot.say(officer, 'ยืนยันทั้งหมด ยกเว้น ๒');
    // typed text only shows what would be confirmed: count, total, the excepted number, who has not reported
    const preview = bot.take(officer).join('\n');
    expect(preview).toContain('ก่อนยืนยัน อำเภอเมืองฉะเชิงเทรา เดือนตุลาคม 2569: จะยืนยัน 2 รายการ รวม 93,000 บาท · เว้นไว้ รายการที่ 2 · ยังไม่รายงาน 2 ราย');
    expect(lastCardText(bot, officer)).toContain('กลุ่มหัตถกรรม');
    expect(await statuses(bot.services.db, ids)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'DISTRICT_CONFIRMED', 'RETURNED']);
    expect(buttons(bot, officer, 1).map((b) => b.label)).toEqual(expect.arrayContaining(['ไม่มียอดขาย+ยืนยัน', 'ยืนยันแม้ยังไม่ครบ', 'ยังไม่ยืนยัน']));
    await acceptPreview(bot, officer);
    const reply = bot.take(officer).join('\n');
    expect(reply).toContain('ยังมีผู้ผลิต 2 รายที่ไม่ได้รายงานเดือนนี้ (ยืนยันโดยทราบแล้ว)');
    expect(reply).toContain('ยืนยัน 2 รายการ รวม 93,000 บาท');
    expect(reply).toContain('เว้นไว้ รายการที่ 2 (ยังรอยืนยัน)');
    expect(reply).toContain('ยังรอยืนยัน 1 รายการ · รอผู้ผลิตแก้ไข 1 รายการ เมื่อยืนยันครบแล้วจึงลงนามแบบ รต.2');
    expect(await statuses(bot.services.db, ids)).toEqual(['DISTRICT_CONFIRMED', 'SUBMITTED', 'DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED', 'RETURNED']);
    const first = await bot.services.db.salesEntry.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect(first).toMatchObject({ districtConfirmedById: officerId, districtConfirmedAt: clock.now(), revision: 2 });
    const audit = await bot.services.db.auditLog.findMany({ where: { action: 'sales.district-confirm' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => Number(a.entityId))).toEqual([ids[0], ids[2]]);
    expect(audit[0]).toMatchObject({ actorId: officerId, before: { status: 'SUBMITTED', revision: 1 }, after: { status: 'DISTRICT_CONFIRMED', revision: 2 } });
    expect(audit[0]!.eventId).toBeTruthy();
  });

  it('sending entry 2 back tells the producer what to fix and the producer can resubmit it, then the district confirms it', async () => {
    const db = bot.services.db;
    await bot.say(officer, 'ส่งกลับ 2');
    const question = bot.take(officer).join('\n');
    expect(question).toContain('ส่งกลับรายการที่ 2 ให้ผู้ผลิตแก้ไข');
    expect(question).toContain('เครื่องดื่ม · เดือนตุลาคม 2569 · 10,000 บาท');
    await bot.say(officer, 'ab'); // too short: asked again, nothing changes
    expect(bot.take(officer).join('\n')).toContain('3–300 ตัวอักษร');
    expect((await statuses(db, [ids[1]!]))[0]).toBe('SUBMITTED');
    await press(bot, officer, 'ตัวเลขสูงผิดปกติ');
    expect(bot.take(officer).join('\n')).toContain('ส่งกลับรายการที่ 2 (กลุ่มกล้วยตาก · เครื่องดื่ม · 10,000 บาท) ให้ผู้ผลิตแก้ไข\nเหตุผล: ตัวเลขสูงผิดปกติ');
    expect((await statuses(db, [ids[1]!]))[0]).toBe('SUBMITTED');
    await press(bot, officer, 'ยืนยันส่งกลับ');
    const done = bot.take(officer).join('\n');
    expect(done).toContain('ส่งกลับรายการที่ 2 ให้แก้ไขแล้ว');
    expect(done).toContain('แจ้งผู้ผลิตทาง LINE แล้ว');
    expect(await db.salesEntry.findUniqueOrThrow({ where: { id: ids[1]! } })).toMatchObject({
      status: 'RETURNED', returnReason: 'ตัวเลขสูงผิดปกติ', returnedById: officerId, revision: 2,
    });
    expect(await db.auditLog.count({ where: { action: 'sales.district-return', entityId: String(ids[1]) } })).toBe(1);

    const notice = bot.take(producer).join('\n');
    expect(notice).toContain('สิ่งที่ต้องแก้ไข: ตัวเลขสูงผิดปกติ');
    expect(notice).toContain('พิมพ์ รายงานยอดขาย เพื่อแก้ไข');
    // the push's button opens the returned entry itself (เครื่องดื่ม), not the category picker
    await press(bot, producer, 'แก้ไขยอดขาย');
    const opened = bot.take(producer).join('\n');
    expect(opened).not.toContain('ประเภทไหน');
    expect(opened).toContain('เหตุผลที่ส่งกลับ: ตัวเลขสูงผิดปกติ');
    expect(opened).toContain('เครื่องดื่ม');
    await bot.say(producer, 'ในประเทศ 1,000 ออนไลน์ 0 ส่งออก 0 ส่งออกออนไลน์ 0');
    await press(bot, producer, 'ยืนยัน');
    expect(bot.take(producer).join('\n')).toContain('บันทึกยอดขายเรียบร้อยแล้ว');
    expect(await db.salesEntry.findUniqueOrThrow({ where: { id: ids[1]! } })).toMatchObject({ status: 'SUBMITTED', domesticOffline: 1_000_00n, revision: 3 });
    expect(bot.take(officer).join('\n')).toContain('กลุ่มกล้วยตาก แก้ไขรายการที่ส่งกลับแล้ว');

    // the officer last saw entry 2 before the correction: it is not confirmed blindly
    await bot.say(officer, 'ยืนยันทั้งหมด');
    expect(bot.take(officer).join('\n')).toContain('จะยืนยัน 0 รายการ รวม 0 บาท · ยังไม่ยืนยัน รายการที่ 2 (มีการแก้ไข/ใหม่)');
    expect((await statuses(db, [ids[1]!]))[0]).toBe('SUBMITTED');
    await press(bot, officer, 'ดูรายการ');
    expect(bot.take(officer).join('\n')).toContain('2. กลุ่มกล้วยตาก · เครื่องดื่ม · 1,000 บาท · รอยืนยัน');
    await bot.say(officer, 'ยืนยันทั้งหมด');
    await acceptPreview(bot, officer);
    expect(bot.take(officer).join('\n')).toContain('ยืนยัน 1 รายการ รวม 1,000 บาท');
    expect((await statuses(db, [ids[1]!]))[0]).toBe('DISTRICT_CONFIRMED');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a confirmed entry of a producer without LINE can be sent back; the officer is told to contact them or enter it', async () => {
    const db = bot.services.db;
    await bot.say(officer, 'ตรวจสอบ/ยืนยัน');
    await press(bot, officer, 'ตุลาคม 2569');
    await press(bot, officer, 'ดูรายการ');
    const back4 = buttons(bot, officer).find((b) => b.label === 'ส่งกลับแก้ไข' && new URLSearchParams(b.data!.split('|')[2]).get('n') === '4')!;
    await bot.tap(officer, back4.data!);
    expect(bot.take(officer).join('\n')).toContain('ส่งกลับรายการที่ 4 ให้ผู้ผลิตแก้ไข');
    await bot.say(officer, 'ยอดส่งออกไม่ตรงกับใบขน');
    expect(bot.take(officer).join('\n')).toContain('เหตุผล: ยอดส่งออกไม่ตรงกับใบขน');
    await press(bot, officer, 'ยืนยันส่งกลับ');
    const reply = bot.take(officer).join('\n');
    expect(reply).toContain('ยังไม่ได้ใช้ LINE');
    expect(reply).toContain('บันทึกแทนผู้ผลิต');
    const enter = buttons(bot, officer).find((b) => b.label === 'บันทึกแทนผู้ผลิต')!;
    expect(enter.data).toContain('flow=sales-entry');
    expect(await db.salesEntry.findUniqueOrThrow({ where: { id: ids[3]! } })).toMatchObject({
      status: 'RETURNED', districtConfirmedAt: null, returnReason: 'ยอดส่งออกไม่ตรงกับใบขน',
    });
  });

  it('an old send-back button re-checks the entry and never writes on stale data', async () => {
    const db = bot.services.db;
    await press(bot, officer, 'ดูรายการ');
    const old = buttons(bot, officer).find((b) => b.label === 'ส่งกลับแก้ไข' && new URLSearchParams(b.data!.split('|')[2]).get('n') === '1')!.data!;
    await bot.say(officer, 'ยกเลิก');
    // entry 1 changes after the card was shown (e.g. the province sent the month back)
    await db.salesEntry.update({ where: { id: ids[0]! }, data: { status: 'SUBMITTED', revision: { increment: 1 } } });
    bot.take(officer);
    await bot.tap(officer, old);
    expect(bot.take(officer).join('\n')).toContain('มีการเปลี่ยนแปลงหลังจากที่การ์ดนี้แสดง ตอนนี้: รอยืนยัน');
    expect(await db.salesEntry.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({ status: 'SUBMITTED', returnReason: null });

    // inside another review, a card of the earlier one is answered as old
    await bot.say(officer, 'ตรวจสอบ');
    bot.take(officer);
    await bot.tap(officer, old);
    expect(bot.take(officer).join('\n')).toContain('ปุ่มนี้เป็นของการ์ดก่อนหน้า');
    expect(await db.auditLog.count({ where: { action: 'sales.district-return', entityId: String(ids[0]) } })).toBe(0);
    expect(bot.fake.rejected()).toEqual([]);
  });
});
