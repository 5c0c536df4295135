import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { buttons, everything, lastCardText, press, quickLabels } from '../support/screen.js';
import { dueDates, setDeadline } from '../../src/domain/deadlines.js';
import type { DayKey, MonthKey } from '../../src/domain/fiscal-period.js';

// 2 December 2569, 10:00 Bangkok: November is the month being reported; its default dates are 3 / 4 / 5 December.
const clock = testClock('2026-12-02T03:00:00Z');
const NOV = '2026-11' as MonthKey;
let bot: TestBot;
let dept: string;
let prov: string;
let deptId: number;
let provId: number;

const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;
const provinceRow = () => bot.services.db.provinceDeadline.findUnique({ where: { provinceId_month: { provinceId: 24, month: new Date('2026-11-01') } } });

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const d = await makeUser(db, 'cc-dept', 'DEPARTMENT_ADMIN');
  const p = await makeUser(db, 'cc-prov-24', 'PROVINCE_OFFICER', { provinceId: 24 });
  [dept, deptId, prov, provId] = [d.lineUserId, d.user.id, p.lineUserId, p.user.id];
});
afterAll(async () => {
  await bot?.close();
});

describe('due dates set in chat', () => {
  it('the department sets a default: กำหนดส่ง offers the change, the card shows old → new, nothing is written before ยืนยัน', async () => {
    await bot.say(dept, 'กำหนดส่ง');
    expect(quickLabels(bot, dept)).toContain('แก้ไขกำหนดส่ง');
    await press(bot, dept, 'แก้ไขกำหนดส่ง');
    expect(quickLabels(bot, dept)).toEqual(['พฤศจิกายน 2569', 'ธันวาคม 2569', 'มกราคม 2570', 'กุมภาพันธ์ 2570', 'ยกเลิก']);
    await press(bot, dept, 'พฤศจิกายน 2569');
    expect(quickLabels(bot, dept)).toEqual(['ส่งยอดขาย', 'อำเภอยืนยัน', 'จังหวัดยืนยัน', 'กรมฯ ปิดรับ', 'ยกเลิก']);
    expect(everything(bot, dept, 1)).toContain('จังหวัดยืนยัน: 5 ธันวาคม 2569');
    await press(bot, dept, 'จังหวัดยืนยัน');
    await bot.say(dept, '๑๐ ธ.ค.');
    const shown = lastCardText(bot, dept);
    for (const s of ['แก้ไขกำหนดส่ง ทั้งประเทศ', 'จังหวัดยืนยัน', '5 ธันวาคม 2569', '10 ธันวาคม 2569', 'ช้าลง 5 วัน', 'ทุกจังหวัด']) expect(shown).toContain(s);
    expect(await bot.services.db.deadlineCalendar.count()).toBe(0);

    await press(bot, dept, 'ยืนยัน');
    expect(everything(bot, dept, 2)).toContain('บันทึกแล้ว ✅ "จังหวัดยืนยัน" ของยอดขายเดือนพฤศจิกายน 2569: 10 ธันวาคม 2569');
    const row = await bot.services.db.deadlineCalendar.findUniqueOrThrow({ where: { month: new Date('2026-11-01') } });
    expect([day(row.entryDue), day(row.districtConfirmDue), day(row.provinceConfirmDue), day(row.departmentClose)]).toEqual(['2026-12-03', '2026-12-04', '2026-12-10', null]);
    const audit = await bot.services.db.auditLog.findMany({ where: { action: 'calendar.set' } });
    expect(audit.map((a) => [a.actorId, a.entityId])).toEqual([[deptId, 'dept:2026-11']]);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('dates out of order are refused in Thai at the day question; a past date is warned on the card; แก้ไข and ยกเลิก write nothing', async () => {
    await bot.say(dept, 'แก้ไขกำหนดส่ง');
    await bot.say(dept, 'ตุลาคม 2569'); // not offered
    expect(bot.take(dept).join('\n')).toContain('กรุณาเลือกเดือนจากปุ่มด้านล่าง');
    await bot.say(dept, 'พฤศจิกายน  2569'); // typed instead of tapped
    await bot.say(dept, 'ส่งยอดขาย');
    await bot.say(dept, 'วันที่ 8');
    const said = bot.take(dept).join('\n');
    expect(said).toContain('วันที่ต้องเรียงกัน');
    expect(said).toContain('ตอนนี้ "ส่งยอดขาย (ผู้ผลิต/อำเภอบันทึก)" 8 ธันวาคม 2569 อยู่หลัง "อำเภอยืนยัน (รต.2)" 4 ธันวาคม 2569');
    expect(said).toContain('พิมพ์วันที่ใหม่'); // the same question again
    await bot.say(dept, '31 พ.ย.');
    expect(bot.take(dept).join('\n')).toContain('เดือนพฤศจิกายน 2569 ไม่มีวันที่ 31');
    await bot.say(dept, '1');
    expect(lastCardText(bot, dept)).toContain('⚠ วันที่ผ่านมาแล้ว');
    const staleOk = buttons(bot, dept).find((b) => b.label === 'ยืนยัน' && b.data)!;
    bot.take(dept);
    await bot.say(dept, 'เมนู'); // the unconfirmed change is not dropped silently
    expect(bot.take(dept).join('\n')).toContain('มีการแก้ไขกำหนดส่งที่ยังไม่ได้ยืนยัน');
    await press(bot, dept, 'ทำรายการต่อ');
    expect(lastCardText(bot, dept)).toContain('1 ธันวาคม 2569');
    await bot.say(dept, 'แก้ไข');
    expect(bot.take(dept).join('\n')).toContain('พิมพ์วันที่ใหม่');
    await bot.say(dept, '2');
    await bot.tap(dept, staleOk.data!); // the card of "1": not this change any more
    expect(bot.take(dept).join('\n')).toContain('ปุ่มนี้เป็นของรายการก่อนหน้า');
    await press(bot, dept, 'ยกเลิก', 'cal-no');
    expect(bot.take(dept).join('\n')).toContain('ยกเลิกแล้ว กำหนดส่งไม่เปลี่ยน');
    expect((await dueDates(bot.services.db, NOV)).entryDue).toBe('2026-12-03');
  });

  it('a province sets an earlier date for its producers; they see it, and a producer\u2019s summary counts late against it', async () => {
    await bot.say(prov, 'กำหนดส่ง');
    await press(bot, prov, 'แก้ไขกำหนดส่ง');
    await press(bot, prov, 'พฤศจิกายน 2569');
    expect(quickLabels(bot, prov)).toEqual(['ส่งยอดขาย', 'อำเภอยืนยัน', 'จังหวัดยืนยัน', 'ยกเลิก']); // the close is the department's
    await press(bot, prov, 'ส่งยอดขาย');
    expect(quickLabels(bot, prov)).not.toContain('ใช้วันของกรมฯ'); // nothing of its own to clear yet
    await bot.say(prov, '1 ธันวาคม 2569');
    const shown = lastCardText(bot, prov);
    for (const s of ['แก้ไขกำหนดส่ง จังหวัดฉะเชิงเทรา', '3 ธันวาคม 2569', '1 ธันวาคม 2569', 'เร็วขึ้น 2 วัน', '⚠ วันที่ผ่านมาแล้ว']) expect(shown).toContain(s);
    expect(shown).not.toContain('ทุกจังหวัด');
    await press(bot, prov, 'ยืนยัน');
    const row = await provinceRow();
    expect([day(row?.entryDue), day(row?.districtConfirmDue), row?.setById]).toEqual(['2026-12-01', null, provId]);
    expect(bot.fake.rejected()).toEqual([]);

    const p = await makeProducer(bot.services.db, { districtId: 2401, categories: ['FOOD'] });
    const producer = (await makeUser(bot.services.db, 'cc-producer', 'PRODUCER', { producerId: p.id })).lineUserId;
    await bot.say(producer, 'กำหนดส่ง');
    expect(quickLabels(bot, producer)).not.toContain('แก้ไขกำหนดส่ง');
    expect(everything(bot, producer, 1)).toContain('1 ธันวาคม 2569');
    await bot.say(producer, 'รายงานยอดขาย');
    await press(bot, producer, 'พฤศจิกายน 2569');
    await bot.say(producer, 'ในประเทศ 1,000 ออนไลน์ 0 ส่งออก 0 ส่งออกออนไลน์ 0');
    expect(lastCardText(bot, producer)).toContain('ส่งหลังกำหนด (กำหนดส่ง 1 ธันวาคม 2569)'); // not the department's 3 December
  });

  it('a province is refused a date later than the department\u2019s, and nothing is written', async () => {
    await bot.say(prov, 'แก้ไขกำหนดส่ง');
    await press(bot, prov, 'พฤศจิกายน 2569');
    await press(bot, prov, 'อำเภอยืนยัน');
    expect(bot.take(prov).join('\n')).toContain('กรมฯ กำหนด 4 ธันวาคม 2569 (จังหวัดกำหนดได้ไม่เกินวันนี้)');
    await bot.say(prov, '20');
    expect(bot.take(prov).join('\n')).toContain('จังหวัดกำหนด "อำเภอยืนยัน (รต.2)" ได้ไม่เกินวันที่กรมฯ กำหนด (4 ธันวาคม 2569)');
    expect(day((await provinceRow())?.districtConfirmDue)).toBeNull();
    await bot.say(prov, 'ยกเลิก');
  });

  it('the date in force typed again is not a change: said so, asked again, no card, nothing written', async () => {
    await bot.say(prov, 'แก้ไขกำหนดส่ง');
    await press(bot, prov, 'พฤศจิกายน 2569');
    await press(bot, prov, 'จังหวัดยืนยัน');
    bot.take(prov);
    const inForce = (await dueDates(bot.services.db, NOV, 24)).provinceConfirmDue!;
    await bot.say(prov, String(Number(inForce.slice(8, 10))));
    const said = bot.take(prov).join('\n');
    expect(said).toContain(`${Number(inForce.slice(8, 10))} ธันวาคม 2569 เป็นกำหนดที่ใช้อยู่แล้ว ไม่ต้องแก้ไข`);
    expect(said).not.toContain('รอยืนยัน');
    expect(day((await provinceRow())?.provinceConfirmDue)).toBeNull();
    await bot.say(prov, 'ยกเลิก');
  });

  it('a province clears its own date back to the department\u2019s', async () => {
    await bot.say(prov, 'แก้ไขกำหนดส่ง');
    await press(bot, prov, 'พฤศจิกายน 2569');
    expect(everything(bot, prov, 1)).toContain('1 ธันวาคม 2569 (จังหวัดกำหนดเอง)');
    await press(bot, prov, 'ส่งยอดขาย');
    await press(bot, prov, 'ใช้วันของกรมฯ');
    const shown = lastCardText(bot, prov);
    for (const s of ['ใช้วันของกรมฯ จังหวัดฉะเชิงเทรา', '1 ธันวาคม 2569 (จังหวัดกำหนด)', '3 ธันวาคม 2569 (กรมฯ)']) expect(shown).toContain(s);
    await bot.say(prov, 'ยืนยัน');
    expect(bot.take(prov).join('\n')).toContain('(ใช้วันของกรมฯ)');
    expect(await provinceRow()).toBeNull();
    expect((await dueDates(bot.services.db, NOV, 24)).entryDue).toBe('2026-12-03');
    expect(await bot.services.db.auditLog.count({ where: { action: 'calendar.set', actorId: provId } })).toBe(2);
  });

  it('the department\u2019s card counts where its date reaches and the provinces that keep a later date of their own', async () => {
    const db = bot.services.db;
    await db.$transaction((tx) => setDeadline(tx, null, { month: NOV, provinceId: 24, days: { entryDue: '2026-12-01' as DayKey } }));
    await bot.say(dept, 'แก้ไขกำหนดส่ง');
    await press(bot, dept, 'พฤศจิกายน 2569');
    await press(bot, dept, 'ส่งยอดขาย');
    await bot.say(dept, '30 พ.ย.');
    const [districts, producers] = await Promise.all([
      db.district.count({ where: { provinceId: { not: 24 } } }),
      db.producer.count({ where: { active: true, district: { provinceId: { not: 24 } } } }),
    ]);
    const shown = lastCardText(bot, dept);
    expect(shown).toContain(`ทุกจังหวัด · ${districts.toLocaleString('en-US')} อำเภอ · ผู้ผลิต ${producers} ราย`);
    expect(shown).toContain('1 จังหวัด ใช้วันของตนต่อไป');
    expect(shown).toContain('⚠ จังหวัดที่กำหนดหลังวันนี้');
    await bot.say(dept, 'ยกเลิก');
    await db.$transaction((tx) => setDeadline(tx, null, { month: NOV, provinceId: 24, days: {}, clear: ['entryDue'] }));
  });

  it('a card made stale by a department change meanwhile is refused on ยืนยัน and goes back to the day question', async () => {
    const db = bot.services.db;
    await bot.say(prov, 'แก้ไขกำหนดส่ง');
    await press(bot, prov, 'พฤศจิกายน 2569');
    await press(bot, prov, 'ส่งยอดขาย');
    await bot.say(prov, '2');
    expect(lastCardText(bot, prov)).toContain('2 ธันวาคม 2569');
    await db.$transaction((tx) => setDeadline(tx, null, { month: NOV, provinceId: null, days: { entryDue: '2026-12-01' as DayKey } }));
    bot.take(prov);
    await press(bot, prov, 'ยืนยัน');
    const said = bot.take(prov).join('\n');
    expect(said).toContain('ได้ไม่เกินวันที่กรมฯ กำหนด (1 ธันวาคม 2569)');
    expect(said).toContain('พิมพ์วันที่ใหม่');
    expect(await provinceRow()).toBeNull();
    await bot.say(prov, '30 พ.ย.'); // the day question, not the card
    await press(bot, prov, 'ยืนยัน');
    expect(day((await provinceRow())?.entryDue)).toBe('2026-11-30');
    await db.$transaction(async (tx) => {
      await setDeadline(tx, null, { month: NOV, provinceId: 24, days: {}, clear: ['entryDue'] });
      await setDeadline(tx, null, { month: NOV, provinceId: null, days: { entryDue: '2026-12-03' as DayKey } });
    });
  });

  it('September may be due in September itself when the month is named', async () => {
    clock.set('2026-09-20T03:00:00Z'); // August is being reported; September is offered next
    await bot.say(dept, 'แก้ไขกำหนดส่ง');
    await press(bot, dept, 'กันยายน 2569');
    await press(bot, dept, 'ส่งยอดขาย');
    await bot.say(dept, '27 ก.ย.');
    expect(lastCardText(bot, dept)).toContain('27 กันยายน 2569');
    await press(bot, dept, 'ยืนยัน');
    expect((await dueDates(bot.services.db, '2026-09' as MonthKey)).entryDue).toBe('2026-09-27');
    clock.set('2026-12-02T03:00:00Z');
  });

  it('district officers, producers and zones are not offered the change and are refused at start; a forged tap writes nothing', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2401 });
    const people = [
      await makeUser(db, 'cc-district', 'DISTRICT_OFFICER', { districtId: 2401 }),
      await makeUser(db, 'cc-producer-2', 'PRODUCER', { producerId: p.id }),
      await makeUser(db, 'cc-zone', 'ZONE_ADMIN', { zoneId: 3 }),
    ];
    const before = await db.auditLog.count();
    for (const { lineUserId: u } of people) {
      await bot.say(u, 'กำหนดส่ง');
      expect(quickLabels(bot, u)).not.toContain('แก้ไขกำหนดส่ง');
      bot.take(u);
      await bot.say(u, 'แก้ไขกำหนดส่ง');
      expect(bot.take(u).join('\n')).toContain('เมนูนี้ใช้ได้สำหรับเจ้าหน้าที่จังหวัด และกรมการพัฒนาชุมชนเท่านั้น');
      await bot.tap(u, { action: 'cal-ok', params: { t: 'abcdef', day: '2026-12-01' } });
    }
    expect(await db.auditLog.count()).toBe(before);
    expect(await db.provinceDeadline.count()).toBe(0);
  });
});
