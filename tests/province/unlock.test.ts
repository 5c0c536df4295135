import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { buttons, dataOf, everything, lockedMonth, press } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
const OCT = new Date('2026-10-01');
let bot: TestBot;
let provA: string;
let provB: string;
let provOther: string;
const amphoe: Record<number, string> = {};
const amphoeId: Record<number, number> = {};

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  provA = (await makeUser(db, 'prov-a', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี')).lineUserId;
  provB = (await makeUser(db, 'prov-b', 'PROVINCE_OFFICER', { provinceId: 24 }, 'วิชัย')).lineUserId;
  provOther = (await makeUser(db, 'prov-chonburi', 'PROVINCE_OFFICER', { provinceId: 20 }, 'ชลบุรี')).lineUserId;
  for (const d of [2407, 2408, 2409, 2410, 2411]) {
    const u = await makeUser(db, `amphoe-${d}`, 'DISTRICT_OFFICER', { districtId: d }, `พัฒนากร ${d}`);
    amphoe[d] = u.lineUserId;
    amphoeId[d] = u.user.id;
    await lockedMonth(db, { districtId: d, by: u.user.id });
  }
});
beforeEach(() => clock.set('2026-11-02T03:00:00Z'));
afterAll(async () => {
  await bot?.close();
});

const entriesOf = (districtId: number) => bot.services.db.salesEntry.findMany({ where: { month: OCT, producer: { districtId } } });
const monthOf = (districtId: number) => bot.services.db.districtMonth.findUniqueOrThrow({ where: { districtId_month: { districtId, month: OCT } } });

/** The district officer asks to unlock October; returns the postback of อนุมัติ on the card province officer A got. */
async function ask(d: number, reason = 'ผู้ผลิตแจ้งว่ารายงานยอดผิด ต้องแก้ไขตัวเลข'): Promise<{ approve: string; refuse: string }> {
  await bot.say(amphoe[d]!, 'ขอปลดล็อก');
  await press(bot, amphoe[d]!, 'ตุลาคม 2569');
  await bot.say(amphoe[d]!, reason);
  await press(bot, amphoe[d]!, 'ยืนยันขอปลดล็อก', '', 1);
  return { approve: dataOf(bot, provA, 'อนุมัติ', '', 1), refuse: dataOf(bot, provA, 'ไม่อนุมัติ', '', 1) };
}

describe('unlocking a province-confirmed month', () => {
  it('unlock round trip: district asks, province approves from the pushed card, the producer can edit again', async () => {
    const producer = (await bot.services.db.salesEntry.findFirstOrThrow({ where: { month: OCT, producer: { districtId: 2407 } }, include: { producer: true } })).producer;
    const producerUser = (await makeUser(bot.services.db, 'producer-2407', 'PRODUCER', { producerId: producer.id })).lineUserId;
    await bot.say(producerUser, 'รายงานยอดขาย');
    expect(buttons(bot, producerUser, 1).map((b) => b.label)).not.toContain('ตุลาคม 2569'); // locked

    await bot.say(amphoe[2407]!, 'ขอปลดล็อก');
    expect(bot.take(amphoe[2407]!).join('\n')).toContain('ตุลาคม 2569 — จังหวัดยืนยันเมื่อ 1 พ.ย. 69 15:00 น.');
    await press(bot, amphoe[2407]!, 'ตุลาคม 2569');
    expect(bot.take(amphoe[2407]!).join('\n')).toContain('กรุณาพิมพ์เหตุผลที่ต้องแก้ไข');
    await bot.say(amphoe[2407]!, 'ผู้ผลิตแจ้งว่ารายงานยอดผิด');
    expect(bot.take(amphoe[2407]!).join('\n')).toContain('ขอปลดล็อกข้อมูลเดือนตุลาคม 2569\nเหตุผล: ผู้ผลิตแจ้งว่ารายงานยอดผิด');
    await press(bot, amphoe[2407]!, 'ยืนยันขอปลดล็อก', '', 1);
    expect(bot.take(amphoe[2407]!).join('\n')).toContain('ส่งคำขอปลดล็อกข้อมูลเดือนตุลาคม 2569 ถึงจังหวัดแล้ว');
    const request = await bot.services.db.unlockRequest.findFirstOrThrow({ where: { districtId: 2407 } });
    expect(request).toMatchObject({ status: 'PENDING', reason: 'ผู้ผลิตแจ้งว่ารายงานยอดผิด', requestedById: amphoeId[2407] });

    for (const officer of [provA, provB]) {
      expect(bot.take(officer).join('\n')).toContain('คำขอปลดล็อก อำเภอราชสาส์น เดือนตุลาคม 2569 จาก พัฒนากร 2407: ผู้ผลิตแจ้งว่ารายงานยอดผิด');
    }
    // three days later, in the middle of something else, the officer taps the pushed card
    clock.set('2026-11-05T02:00:00Z');
    await bot.say(provA, 'ยืนยันระดับจังหวัด');
    await bot.tap(provA, dataOf(bot, provA, 'อนุมัติ', '', 3));
    expect(bot.take(provA).join('\n')).toContain('อนุมัติคำขอปลดล็อกแล้ว ✅ อำเภอราชสาส์น เดือนตุลาคม 2569 เปิดให้แก้ไขแล้ว (2 รายการกลับไปรออำเภอยืนยัน)');
    expect(bot.take(amphoe[2407]!).join('\n')).toContain('จังหวัดอนุมัติคำขอปลดล็อกข้อมูลเดือนตุลาคม 2569 ของอำเภอราชสาส์นแล้ว โดย สมศรี');

    expect((await entriesOf(2407)).map((e) => [e.status, e.provinceConfirmedAt, e.districtConfirmedAt])).toEqual([['SUBMITTED', null, null], ['SUBMITTED', null, null]]);
    expect(await monthOf(2407)).toMatchObject({ provinceConfirmedAt: null, revision: 2 });
    expect((await bot.services.db.unlockRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('APPROVED');
    const audit = await bot.services.db.auditLog.findMany({ where: { OR: [{ entityType: 'UnlockRequest', entityId: String(request.id) }, { entityType: 'DistrictMonth', entityId: '2407:2026-10' }] }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['unlock.request', 'unlock.approve', 'sales.unlock']);

    bot.take(producerUser); // the first prompt said October was closed (it was)
    await bot.say(producerUser, 'รายงานยอดขาย');
    await press(bot, producerUser, 'ตุลาคม 2569', '', 1);
    // a single category: not asked
    const amounts = bot.take(producerUser).join('\n');
    expect(amounts).toContain('มีข้อมูลเดือนนี้อยู่แล้ว');
    expect(amounts).not.toContain('แก้ไขไม่ได้');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a second tap on approve changes nothing and says who decided', async () => {
    const { approve } = await ask(2408);
    await bot.tap(provA, approve);
    bot.take(provA);
    const after = await monthOf(2408);
    await bot.tap(provA, approve);
    expect(bot.take(provA).join('\n')).toContain('คำขอปลดล็อกของอำเภอสนามชัยเขต เดือนตุลาคม 2569 ได้รับการพิจารณาแล้ว: อนุมัติ โดย สมศรี เมื่อ 2 พ.ย. 69 10:00 น.');
    await bot.tap(provB, dataOf(bot, provB, 'ไม่อนุมัติ', '', 1)); // the other officer's copy of the card
    expect(bot.take(provB).join('\n')).toContain('ได้รับการพิจารณาแล้ว: อนุมัติ โดย สมศรี');
    expect(await monthOf(2408)).toEqual(after);
    expect((await bot.services.db.unlockRequest.findFirstOrThrow({ where: { districtId: 2408 } })).status).toBe('APPROVED');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('refusing an unlock asks the province for a reason; the district is told it and sees it when it asks again', async () => {
    const { refuse } = await ask(2409);
    bot.take(amphoe[2409]!);
    bot.take(provA);
    await bot.tap(provA, refuse);
    expect(bot.take(provA).join('\n')).toContain('กรุณาพิมพ์เหตุผลที่ไม่อนุมัติ');
    expect(buttons(bot, provA, 1).map((b) => b.label)).toEqual(['เหตุผลยังไม่ชัดเจน', 'แก้ในเดือนถัดไป', 'พ้นกำหนดแก้ไขแล้ว', 'โทรคุยกันก่อน', 'ยกเลิก']);
    const request = () => bot.services.db.unlockRequest.findFirstOrThrow({ where: { districtId: 2409 } });
    expect((await request()).status).toBe('PENDING'); // nothing decided before the reason is confirmed

    await press(bot, provA, 'แก้ในเดือนถัดไป', '', 1);
    expect(bot.take(provA).join('\n')).toContain('เหตุผลที่ไม่อนุมัติ: ให้ปรับยอดในการรายงานเดือนถัดไปแทน ไม่ต้องเปิดเดือนที่ยืนยันแล้ว');
    expect((await request()).status).toBe('PENDING');
    await press(bot, provA, 'ยืนยันไม่อนุมัติ', '', 1);
    expect(bot.take(provA).join('\n')).toContain('ไม่อนุมัติคำขอปลดล็อกของอำเภอแปลงยาว เดือนตุลาคม 2569 แล้ว แจ้งผู้ขอพร้อมเหตุผลแล้ว');
    expect(await request()).toMatchObject({ status: 'REFUSED', refusalReason: 'ให้ปรับยอดในการรายงานเดือนถัดไปแทน ไม่ต้องเปิดเดือนที่ยืนยันแล้ว' });
    const told = bot.take(amphoe[2409]!).join('\n');
    expect(told).toContain('จังหวัดไม่อนุมัติคำขอปลดล็อกข้อมูลเดือนตุลาคม 2569 ของอำเภอแปลงยาว (โดย สมศรี');
    expect(told).toContain('เหตุผลที่ไม่อนุมัติ: ให้ปรับยอดในการรายงานเดือนถัดไปแทน');
    expect((await monthOf(2409)).provinceConfirmedAt).not.toBeNull();
    expect((await entriesOf(2409)).every((e) => e.status === 'PROVINCE_CONFIRMED')).toBe(true);
    const log = await bot.services.db.auditLog.findFirstOrThrow({ where: { action: 'unlock.refuse', entityId: String((await request()).id) } });
    expect(log.after).toMatchObject({ refusalReason: 'ให้ปรับยอดในการรายงานเดือนถัดไปแทน ไม่ต้องเปิดเดือนที่ยืนยันแล้ว' });

    // Asking again, the district sees why the last request was refused.
    await bot.say(amphoe[2409]!, 'ขอปลดล็อก');
    expect(bot.take(amphoe[2409]!).join('\n')).toContain('คำขอล่าสุดไม่อนุมัติ (เหตุผล: ให้ปรับยอดในการรายงานเดือนถัดไปแทน');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a typed refusal reason is checked for length and sends nothing until ยืนยันไม่อนุมัติ', async () => {
    const db = bot.services.db;
    const officer = await makeUser(db, 'amphoe-2405', 'DISTRICT_OFFICER', { districtId: 2405 }, 'พัฒนากร 2405');
    amphoe[2405] = officer.lineUserId;
    await lockedMonth(db, { districtId: 2405, by: officer.user.id });
    const { refuse } = await ask(2405);
    bot.take(officer.lineUserId);
    await bot.tap(provB, refuse); // province officer B's copy of the card carries the same action
    await bot.say(provB, 'ไม');
    expect(bot.take(provB).join('\n')).toContain('เหตุผลต้องยาว 3–300 ตัวอักษร (ที่พิมพ์มา 2 ตัวอักษร)');
    await bot.say(provB, 'ยอดผู้ผลิตที่อ้างถึง  ตรงกับสมุดบัญชีแล้ว');
    expect(bot.take(provB).join('\n')).toContain('เหตุผลที่ไม่อนุมัติ: ยอดผู้ผลิตที่อ้างถึง ตรงกับสมุดบัญชีแล้ว');
    await bot.say(provB, 'โอเค');
    expect(bot.take(provB).join('\n')).toContain('ยังไม่ได้แจ้งอำเภอ');
    expect((await db.unlockRequest.findFirstOrThrow({ where: { districtId: 2405 } })).status).toBe('PENDING');
    expect(bot.take(officer.lineUserId)).toEqual([]);
    await bot.say(provB, 'ยืนยัน');
    expect(await db.unlockRequest.findFirstOrThrow({ where: { districtId: 2405 } })).toMatchObject({ status: 'REFUSED', refusalReason: 'ยอดผู้ผลิตที่อ้างถึง ตรงกับสมุดบัญชีแล้ว' });
    expect(bot.take(officer.lineUserId).join('\n')).toContain('เหตุผลที่ไม่อนุมัติ: ยอดผู้ผลิตที่อ้างถึง ตรงกับสมุดบัญชีแล้ว');
    // The other officer's card, tapped afterwards, says who decided.
    await bot.tap(provA, refuse);
    expect(bot.take(provA).join('\n')).toContain('ได้รับการพิจารณาแล้ว: ไม่อนุมัติ โดย วิชัย');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a district cannot ask twice for a month while its request is pending', async () => {
    await ask(2410);
    bot.take(amphoe[2410]!);
    await bot.say(amphoe[2410]!, 'ขอปลดล็อก');
    expect(bot.take(amphoe[2410]!).join('\n')).toContain('(มีคำขอรอพิจารณาอยู่แล้ว)');
    await press(bot, amphoe[2410]!, 'ตุลาคม 2569');
    expect(bot.take(amphoe[2410]!).join('\n')).toContain('มีคำขอรอจังหวัดพิจารณาอยู่แล้ว (ส่งโดย พัฒนากร 2410');
    expect(await bot.services.db.unlockRequest.count({ where: { districtId: 2410 } })).toBe(1);
  });

  it('an officer of another province cannot approve, and "คำขอปลดล็อก" lists the pending request with the same buttons', async () => {
    const { approve } = await ask(2411);
    await bot.tap(provOther, approve);
    expect(bot.take(provOther).join('\n')).toContain('คำขอนี้เป็นของอำเภอในจังหวัดอื่น');
    expect((await bot.services.db.unlockRequest.findFirstOrThrow({ where: { districtId: 2411 } })).status).toBe('PENDING');

    await bot.say(provB, 'คำขอปลดล็อก');
    const list = bot.take(provB).join('\n');
    expect(list).toContain('คำขอปลดล็อกที่รอพิจารณา 2 รายการ'); // ท่าตะเกียบ's from the test before, and this one
    expect(list).toContain('คำขอปลดล็อก อำเภอคลองเขื่อน เดือนตุลาคม 2569');
    await press(bot, provB, 'อนุมัติ', 'id=', 1);
    expect(bot.take(provB).join('\n')).toContain('อนุมัติคำขอปลดล็อกแล้ว ✅ อำเภอคลองเขื่อน');
    expect(everything(bot, amphoe[2411]!, 1)).toContain('โดย วิชัย');
    await bot.say(provB, 'คำขอปลดล็อก');
    expect(bot.take(provB).join('\n')).toContain('คำขอปลดล็อกที่รอพิจารณา 1 รายการ');
    expect(bot.fake.rejected()).toEqual([]);
  });
  it('a typed unlock reason creates no request until ยืนยันขอปลดล็อก', async () => {
    const db = bot.services.db;
    const officer = await makeUser(db, 'amphoe-2406', 'DISTRICT_OFFICER', { districtId: 2406 }, 'พัฒนากร 2406');
    await lockedMonth(db, { districtId: 2406, by: officer.user.id });
    const u = officer.lineUserId;
    const requests = () => db.unlockRequest.count({ where: { districtId: 2406 } });
    bot.take(provA);

    await bot.say(u, 'ขอปลดล็อก');
    await press(bot, u, 'ตุลาคม 2569');
    await bot.say(u, 'ยอดของผู้ผลิตรายหนึ่งผิด');
    expect(bot.take(u).join('\n')).toContain('ขอปลดล็อกข้อมูลเดือนตุลาคม 2569\nเหตุผล: ยอดของผู้ผลิตรายหนึ่งผิด');
    expect(buttons(bot, u, 1).map((b) => b.label)).toEqual(['ยืนยันขอปลดล็อก', 'แก้เหตุผล', 'ยกเลิก']);
    const firstConfirm = dataOf(bot, u, 'ยืนยันขอปลดล็อก', '', 1);
    expect(await requests()).toBe(0);

    // other text keeps the question; แก้เหตุผล asks again; the older confirmation no longer sends
    await bot.say(u, 'ส่งเลยครับ');
    expect(bot.take(u).join('\n')).toContain('ยังไม่ได้ส่งคำขอ กรุณากด "ยืนยันขอปลดล็อก"');
    await press(bot, u, 'แก้เหตุผล', '', 1);
    expect(bot.take(u).join('\n')).toContain('กรุณาพิมพ์เหตุผลที่ต้องแก้ไข');
    await bot.say(u, 'มีผู้ผลิตรายงานตกหล่น 1 ราย');
    bot.take(u);
    await bot.tap(u, firstConfirm);
    expect(bot.take(u).join('\n')).toContain('ปุ่มนี้เป็นของรายการก่อนหน้า');
    expect(await requests()).toBe(0);
    expect(bot.take(provA)).toEqual([]);

    await bot.say(u, 'ยืนยัน');
    expect(bot.take(u).join('\n')).toContain('ส่งคำขอปลดล็อกข้อมูลเดือนตุลาคม 2569 ถึงจังหวัดแล้ว\nเหตุผล: มีผู้ผลิตรายงานตกหล่น 1 ราย');
    expect(await db.unlockRequest.findFirstOrThrow({ where: { districtId: 2406 } })).toMatchObject({ status: 'PENDING', reason: 'มีผู้ผลิตรายงานตกหล่น 1 ราย' });
    expect(bot.take(provA).join('\n')).toContain('คำขอปลดล็อก อำเภอ');
    expect(bot.fake.rejected()).toEqual([]);
  });
});
