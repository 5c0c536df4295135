// One month of the real process, in one story, only through signed webhooks and the buttons the bot sent:
// a producer reports October; an officer enters for a producer without LINE; the district confirms all except
// one, sends that one back, the producer fixes it, the district confirms it; the province confirms; the
// department sees the total only after that; then an unlock round trip reopens the month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { everything, findButton, press } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 2 Nov 2569 10:00 Bangkok
let bot: TestBot;
let ladda: string; // producer with LINE
let somchai: string; // district officer of เมืองฉะเชิงเทรา
let somsri: string; // province officer of ฉะเชิงเทรา
let krom: string; // department
let withLine: number;
let withoutLine: number;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  withLine = (await makeProducer(db, { districtId: 2401, name: 'กลุ่มแม่บ้านเกษตรกรบางพระ', categories: ['FOOD'] })).id;
  withoutLine = (await makeProducer(db, { districtId: 2401, name: 'กลุ่มจักสานผักตบชวาบ้านโสธร', categories: ['HOUSEHOLD'] })).id;
  ladda = (await makeUser(db, 'e2e-ladda', 'PRODUCER', { producerId: withLine }, 'ลัดดา')).lineUserId;
  somchai = (await makeUser(db, 'e2e-somchai', 'DISTRICT_OFFICER', { districtId: 2401 }, 'สมชาย')).lineUserId;
  somsri = (await makeUser(db, 'e2e-somsri', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี')).lineUserId;
  krom = (await makeUser(db, 'e2e-krom', 'DEPARTMENT_ADMIN', {}, 'กรมฯ')).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

const entry = (producerId: number) => bot.services.db.salesEntry.findFirstOrThrow({ where: { producerId, month: new Date('2026-10-01') } });

describe('one month, producer to department', () => {
  it('October is reported, confirmed by district and province, seen by the department, then reopened by an unlock', async () => {
    // 1. the producer reports October
    await bot.say(ladda, 'รายงานยอดขาย');
    await press(bot, ladda, 'ตุลาคม 2569');
    // one category (อาหาร): it is not asked, the amounts are
    expect(bot.take(ladda).join('\n')).toContain('อาหาร');
    await bot.say(ladda, 'ในประเทศ 85,000 ออนไลน์ 12,000 ส่งออก 0 ส่งออกออนไลน์ 0');
    await press(bot, ladda, 'ยืนยัน ส่งข้อมูล');
    expect(bot.take(ladda).join('\n')).toContain('บันทึกยอดขายเรียบร้อยแล้ว');

    // 2. the officer enters for the producer without LINE
    await bot.say(somchai, 'บันทึกแทนผู้ผลิต');
    await press(bot, somchai, 'บันทึกยอด', `producerId=${withoutLine}`);
    await bot.say(somchai, '15000 0 0 0');
    await press(bot, somchai, 'ยืนยัน ส่งข้อมูล');
    expect(await entry(withoutLine)).toMatchObject({ status: 'SUBMITTED', enteredByOfficer: true, domesticOffline: 15_000_00n });

    // 3. the district confirms all except the producer's entry (number 2: ordered by name), and sends it back
    await bot.say(somchai, 'ตรวจสอบ/ยืนยัน');
    await press(bot, somchai, 'ตุลาคม 2569');
    await press(bot, somchai, 'ดูรายการ');
    expect(everything(bot, somchai, 2)).toMatch(/1\.?\s*กลุ่มจักสาน[\s\S]*2\.?\s*กลุ่มแม่บ้าน/);
    await bot.say(somchai, 'ยืนยันทั้งหมด ยกเว้น 2');
    expect(bot.take(somchai).join('\n')).toContain('จะยืนยัน 1 รายการ รวม 15,000 บาท · เว้นไว้ รายการที่ 2');
    await press(bot, somchai, 'ยืนยัน 1 รายการ', '', 1);
    expect(bot.take(somchai).join('\n')).toContain('เว้นไว้ รายการที่ 2');
    expect((await entry(withoutLine)).status).toBe('DISTRICT_CONFIRMED');
    expect((await entry(withLine)).status).toBe('SUBMITTED');
    await bot.say(somchai, 'ส่งกลับ 2');
    await bot.say(somchai, 'ยอดออนไลน์ไม่ตรงกับสมุดบัญชี');
    await press(bot, somchai, 'ยืนยันส่งกลับ');
    expect(await entry(withLine)).toMatchObject({ status: 'RETURNED', returnReason: 'ยอดออนไลน์ไม่ตรงกับสมุดบัญชี' });

    // 4. the producer is told, fixes it from the pushed message, the district is told and confirms it
    expect(bot.take(ladda).join('\n')).toContain('ยอดออนไลน์ไม่ตรงกับสมุดบัญชี');
    await press(bot, ladda, 'แก้ไขยอดขาย', '', 1); // opens the returned อาหาร entry directly
    await bot.say(ladda, 'ในประเทศ 85,000 ออนไลน์ 10,500 ส่งออก 0 ส่งออกออนไลน์ 0');
    await press(bot, ladda, 'ยืนยัน ส่งข้อมูล');
    expect(await entry(withLine)).toMatchObject({ status: 'SUBMITTED', domesticOnline: 10_500_00n, revision: 3 }); // submitted, sent back, resubmitted
    expect(bot.take(somchai).join('\n')).toContain('แก้ไขรายการที่ส่งกลับแล้ว');
    await press(bot, somchai, 'ตรวจสอบ/ยืนยัน', '', 1);
    await press(bot, somchai, 'ยืนยันทั้งหมด');
    await press(bot, somchai, 'ยืนยัน 1 รายการ', '', 1);
    expect((await entry(withLine)).status).toBe('DISTRICT_CONFIRMED');

    // 5. before the province confirms, the department sees nothing of ฉะเชิงเทรา
    await bot.say(krom, 'ความคืบหน้า');
    expect(everything(bot, krom, 1)).toContain('ยอดที่จังหวัดยืนยันแล้ว 0 บาท');

    // 6. the province confirms the district; the department sees the total
    await bot.say(somsri, 'ยืนยันระดับจังหวัด');
    await press(bot, somsri, 'ยืนยัน', 'd=2401');
    await press(bot, somsri, 'ยืนยันข้อมูลอำเภอนี้');
    expect(bot.take(somsri).join('\n')).toContain('ยืนยันข้อมูลอำเภอเมืองฉะเชิงเทรา เดือนตุลาคม 2569 แล้ว');
    await bot.say(krom, 'ความคืบหน้า');
    expect(everything(bot, krom, 1)).toContain('ยอดที่จังหวัดยืนยันแล้ว 110,500 บาท'); // 85,000 + 10,500 + 15,000

    // 7. the month is locked; the district asks to unlock, the province approves, the producer can edit again
    await bot.say(ladda, 'รายงานยอดขาย');
    expect(findButton(bot, ladda, 'ตุลาคม 2569', '', 1)).toBeUndefined();
    await bot.say(ladda, 'ยกเลิก');
    await bot.say(somchai, 'ขอปลดล็อก');
    await press(bot, somchai, 'ตุลาคม 2569');
    await bot.say(somchai, 'ผู้ผลิตแจ้งยอดส่งออกตกหล่น');
    await press(bot, somchai, 'ยืนยันขอปลดล็อก', '', 1);
    bot.take(somsri);
    await press(bot, somsri, 'อนุมัติ', '', 1);
    expect(bot.take(somsri).join('\n')).toContain('อนุมัติคำขอปลดล็อกแล้ว');
    expect((await entry(withLine)).status).toBe('SUBMITTED');
    await bot.say(ladda, 'รายงานยอดขาย');
    expect(findButton(bot, ladda, 'ตุลาคม 2569', '', 1)).toBeDefined();

    const actions = await bot.services.db.auditLog.findMany({ orderBy: { id: 'asc' }, select: { action: true } });
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['sales.submit', 'sales.district-confirm', 'sales.district-return', 'sales.resubmit', 'sales.province-confirm', 'unlock.request', 'unlock.approve', 'sales.unlock']),
    );
    expect(bot.fake.rejected()).toEqual([]);
  });
});
