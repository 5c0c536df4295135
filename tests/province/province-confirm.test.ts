import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { addEntries, buttons, dataOf, everything, press, withParams } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 2 Nov 2569 10:00 Bangkok: October is the month to confirm
const OCT = new Date('2026-10-01');
let bot: TestBot;
let provA: string;
let provB: string;
let provOther: string;
let amphoe2405: string;
let clerk: number;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  provA = (await makeUser(db, 'prov-a', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี')).lineUserId;
  provB = (await makeUser(db, 'prov-b', 'PROVINCE_OFFICER', { provinceId: 24 }, 'วิชัย')).lineUserId;
  provOther = (await makeUser(db, 'prov-chonburi', 'PROVINCE_OFFICER', { provinceId: 20 }, 'ชลบุรี')).lineUserId;
  amphoe2405 = (await makeUser(db, 'amphoe-2405', 'DISTRICT_OFFICER', { districtId: 2405 }, 'พัฒนากรบ้านโพธิ์')).lineUserId;
  clerk = (await makeUser(db, 'clerk', 'DISTRICT_OFFICER', { districtId: 2401 }, 'พัฒนากรเมือง')).user.id;
  await addEntries(db, { districtId: 2401, statuses: ['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED'], by: clerk, baht: 50_000 });
  await addEntries(db, { districtId: 2402, statuses: ['SUBMITTED', 'DISTRICT_CONFIRMED'], by: clerk });
  await addEntries(db, { districtId: 2404, statuses: ['DISTRICT_CONFIRMED'], by: clerk });
  await addEntries(db, { districtId: 2405, statuses: ['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED'], by: clerk, baht: 70_000 });
  await addEntries(db, { districtId: 2406, statuses: ['DISTRICT_CONFIRMED'], by: clerk });
});
afterAll(async () => {
  await bot?.close();
});

const entriesOf = (districtId: number) =>
  bot.services.db.salesEntry.findMany({ where: { month: OCT, producer: { districtId } }, orderBy: { id: 'asc' } });

describe('province confirmation', () => {
  it('lists all eleven districts of the month on one card with status and total, no paging', async () => {
    await bot.say(provA, 'ยืนยันระดับจังหวัด');
    expect(bot.fake.messagesTo(provA).slice(-1)).toHaveLength(1);
    const list = bot.take(provA);
    expect(list).toHaveLength(1);
    expect(list[0]).toContain('ยืนยันระดับจังหวัด ฉะเชิงเทรา เดือนตุลาคม 2569: ');
    expect(list[0]).toContain('เมืองฉะเชิงเทรา ยืนยันครบแล้ว 100,000 บาท');
    expect(list[0]).toContain('บางคล้า รออำเภอยืนยัน 1 รายการ 200,000 บาท');
    expect(list[0]).toContain('บางน้ำเปรี้ยว ยังไม่เริ่ม');
    expect(everything(bot, provA, 1)).toContain('อำเภอคลองเขื่อน'); // 2411, the eleventh district, on the same card
    const labels = buttons(bot, provA).map((b) => `${b.label} ${b.data}`);
    expect(labels.find((l) => l.includes('d=2401'))).toMatch(/^ยืนยัน /);
    expect(labels.find((l) => l.includes('d=2402'))).toMatch(/^ดู\/ส่งกลับ /);
    expect(labels.some((l) => l.includes('d=2403'))).toBe(false); // nothing reported: nothing to open
    expect(buttons(bot, provA, 1).map((b) => b.label)).not.toContain('หน้าถัดไป ▶');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('province confirms a district whose entries are all district-confirmed; the month is then locked for edits', async () => {
    await bot.say(provA, 'ยืนยันระดับจังหวัด');
    await press(bot, provA, 'ยืนยัน', 'd=2401');
    const detail = everything(bot, provA, 1);
    expect(detail).toContain('อำเภอเมืองฉะเชิงเทรา');
    expect(detail).toContain('ยอดจำหน่ายแยกตามประเภทผลิตภัณฑ์');
    expect(detail).toContain('100,000 บาท');
    await press(bot, provA, 'ยืนยันข้อมูลอำเภอนี้');
    const result = bot.take(provA).join('\n');
    expect(result).toContain('ยืนยันข้อมูลอำเภอเมืองฉะเชิงเทรา เดือนตุลาคม 2569 แล้ว');
    expect(result).toContain('เมืองฉะเชิงเทรา จังหวัดยืนยันแล้ว'); // the refreshed list
    expect(everything(bot, provA, 1)).toContain('ยืนยันโดย สมศรี');

    const rows = await entriesOf(2401);
    expect(rows.map((r) => r.status)).toEqual(['PROVINCE_CONFIRMED', 'PROVINCE_CONFIRMED']);
    expect(rows.every((r) => r.revision === 2 && r.provinceConfirmedAt !== null)).toBe(true);
    const dm = await bot.services.db.districtMonth.findUniqueOrThrow({ where: { districtId_month: { districtId: 2401, month: OCT } } });
    expect(dm.provinceConfirmedAt).not.toBeNull();
    const audit = await bot.services.db.auditLog.findMany({ where: { entityType: 'DistrictMonth', entityId: '2401:2026-10' } });
    expect(audit.map((a) => a.action)).toEqual(['sales.province-confirm']);

    // a producer of the district can no longer report October
    const p = await makeProducer(bot.services.db, { districtId: 2401 });
    const producer = (await makeUser(bot.services.db, 'producer-2401', 'PRODUCER', { producerId: p.id })).lineUserId;
    await bot.say(producer, 'รายงานยอดขาย');
    const offered = buttons(bot, producer, 1).map((b) => b.label);
    expect(offered).toContain('กันยายน 2569');
    expect(offered).not.toContain('ตุลาคม 2569');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a district with submitted entries cannot be confirmed', async () => {
    await bot.say(provA, 'ยืนยันระดับจังหวัด');
    await press(bot, provA, 'ดู/ส่งกลับ', 'd=2402');
    bot.take(provA);
    expect(buttons(bot, provA, 1).map((b) => b.label)).not.toContain('ยืนยันข้อมูลอำเภอนี้');
    // a forged confirm tap (valid token) is refused by the rule, not by the missing button
    const back = dataOf(bot, provA, 'กลับไปรายการอำเภอ', '', 1);
    await bot.tap(provA, withParams(back.replace('|pr-list|', '|pr-confirm|'), { d: '2402', r: '' }));
    expect(bot.take(provA).join('\n')).toContain('อำเภอบางคล้า ยังมี 1 รายการที่อำเภอยังไม่ยืนยัน');
    expect((await entriesOf(2402)).map((r) => r.status).sort()).toEqual(['DISTRICT_CONFIRMED', 'SUBMITTED']);
    expect(await bot.services.db.districtMonth.findUnique({ where: { districtId_month: { districtId: 2402, month: OCT } } })).toBeNull();
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('two province officers confirming at once: one wins, the other is told who and when', async () => {
    for (const u of [provA, provB]) {
      await bot.say(u, 'ยืนยันระดับจังหวัด');
      await press(bot, u, 'ยืนยัน', 'd=2404');
      bot.take(u);
    }
    const a = bot.event(provA, { type: 'postback', postback: { data: dataOf(bot, provA, 'ยืนยันข้อมูลอำเภอนี้') } });
    const b = bot.event(provB, { type: 'postback', postback: { data: dataOf(bot, provB, 'ยืนยันข้อมูลอำเภอนี้') } });
    await bot.send(a, b);
    const said = [bot.take(provA).join('\n'), bot.take(provB).join('\n')];
    const winner = said.findIndex((t) => t.includes('ยืนยันข้อมูลอำเภอบางปะกง เดือนตุลาคม 2569 แล้ว'));
    expect(winner).toBeGreaterThanOrEqual(0);
    const loser = said[1 - winner]!;
    expect(loser).toMatch(new RegExp(`จังหวัดยืนยันแล้ว โดย ${winner === 0 ? 'สมศรี' : 'วิชัย'} เมื่อ 2 พ.ย. 69 10:00 น.`));
    const rows = await entriesOf(2404);
    expect(rows.map((r) => [r.status, r.revision])).toEqual([['PROVINCE_CONFIRMED', 2]]);
    expect(await bot.services.db.auditLog.count({ where: { entityType: 'DistrictMonth', entityId: '2404:2026-10' } })).toBe(1);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('sending a district back tells its officers why and un-confirms its entries', async () => {
    await bot.say(provA, 'ยืนยันระดับจังหวัด');
    await press(bot, provA, 'ยืนยัน', 'd=2405');
    await press(bot, provA, 'ส่งกลับให้อำเภอ');
    expect(bot.take(provA).join('\n')).toContain('กรุณาพิมพ์เหตุผล');
    await bot.say(provA, 'คะ');
    expect(bot.take(provA).join('\n')).toContain('เหตุผลต้องยาว 3–300 ตัวอักษร');
    await press(bot, provA, 'ยอดไม่ตรงกับ รต.2', '', 1);
    expect(bot.take(provA).join('\n')).toContain('ส่งกลับข้อมูลอำเภอบ้านโพธิ์ เดือนตุลาคม 2569 ให้อำเภอตรวจสอบใหม่\nเหตุผล: ยอดในระบบไม่ตรงกับแบบ รต.2');
    await press(bot, provA, 'ยืนยันส่งกลับ', '', 1);
    const told = bot.take(provA).join('\n');
    expect(told).toContain('ส่งข้อมูลอำเภอบ้านโพธิ์ เดือนตุลาคม 2569 กลับให้อำเภอตรวจสอบแล้ว (2 รายการ)');
    expect(told).toContain('แจ้งเจ้าหน้าที่อำเภอ 1 คนแล้ว');

    const push = bot.take(amphoe2405).join('\n');
    expect(push).toContain('จังหวัดส่งข้อมูลเดือนตุลาคม 2569 ของอำเภอบ้านโพธิ์ กลับมาให้ตรวจสอบ (2 รายการ รวม 140,000 บาท)');
    expect(push).toContain('เหตุผล: ยอดในระบบไม่ตรงกับแบบ รต.2');
    expect(push).toContain('โดย สมศรี');
    expect(buttons(bot, amphoe2405, 1).map((b) => b.text)).toContain('ตรวจสอบ/ยืนยัน');

    const rows = await entriesOf(2405);
    expect(rows.map((r) => [r.status, r.districtConfirmedAt, r.revision])).toEqual([['SUBMITTED', null, 2], ['SUBMITTED', null, 2]]);
    const dm = await bot.services.db.districtMonth.findUniqueOrThrow({ where: { districtId_month: { districtId: 2405, month: OCT } } });
    expect(dm).toMatchObject({ provinceConfirmedAt: null, returnReason: expect.stringContaining('รต.2') });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a typed reason alone sends nothing back until ยืนยันส่งกลับ', async () => {
    const db = bot.services.db;
    await addEntries(db, { districtId: 2407, statuses: ['DISTRICT_CONFIRMED'], by: clerk });
    await bot.say(provA, 'ยืนยันระดับจังหวัด');
    await press(bot, provA, 'ยืนยัน', 'd=2407');
    await press(bot, provA, 'ส่งกลับให้อำเภอ');
    bot.take(provA);
    await bot.say(provA, 'ตัวเลขเดือนนี้สูงกว่าปกติมาก');
    const asked = bot.take(provA).join('\n');
    expect(asked).toContain('ส่งกลับข้อมูลอำเภอราชสาส์น เดือนตุลาคม 2569 ให้อำเภอตรวจสอบใหม่\nเหตุผล: ตัวเลขเดือนนี้สูงกว่าปกติมาก');
    expect(buttons(bot, provA, 1).map((b) => b.label)).toEqual(['ยืนยันส่งกลับ', 'แก้เหตุผล', 'ไม่ส่งกลับ']);
    const firstConfirm = dataOf(bot, provA, 'ยืนยันส่งกลับ', '', 1);

    // other text keeps the question and writes nothing; แก้เหตุผล asks again; an older confirmation no longer sends
    await bot.say(provA, 'ส่งเลย');
    expect(bot.take(provA).join('\n')).toContain('ยังไม่ได้ส่งกลับ กรุณากด "ยืนยันส่งกลับ"');
    await press(bot, provA, 'แก้เหตุผล', '', 1);
    expect(bot.take(provA).join('\n')).toContain('กรุณาพิมพ์เหตุผล');
    await bot.say(provA, 'ผู้ผลิตรายงานยังไม่ครบ');
    bot.take(provA);
    await bot.tap(provA, firstConfirm);
    expect(bot.take(provA).join('\n')).toContain('ปุ่มนี้เป็นของขั้นตอนก่อนหน้า');
    expect((await entriesOf(2407)).map((r) => r.status)).toEqual(['DISTRICT_CONFIRMED']);
    expect(await db.districtMonth.findUnique({ where: { districtId_month: { districtId: 2407, month: OCT } } })).toBeNull();

    // ไม่ส่งกลับ: back to the district's card, nothing written
    await press(bot, provA, 'ไม่ส่งกลับ', '', 1);
    expect(everything(bot, provA, 1)).toContain('อำเภอราชสาส์น');
    expect((await entriesOf(2407)).map((r) => r.status)).toEqual(['DISTRICT_CONFIRMED']);

    // a typed ยืนยัน at the question sends it back
    await press(bot, provA, 'ส่งกลับให้อำเภอ');
    await bot.say(provA, 'ผู้ผลิตรายงานยังไม่ครบ');
    bot.take(provA);
    await bot.say(provA, 'ยืนยัน');
    expect(bot.take(provA).join('\n')).toContain('ส่งข้อมูลอำเภอราชสาส์น เดือนตุลาคม 2569 กลับให้อำเภอตรวจสอบแล้ว (1 รายการ)\nเหตุผล: ผู้ผลิตรายงานยังไม่ครบ');
    expect((await entriesOf(2407)).map((r) => r.status)).toEqual(['SUBMITTED']);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('an officer of another province cannot confirm a district of ฉะเชิงเทรา', async () => {
    await bot.say(provOther, 'ยืนยันระดับจังหวัด');
    expect(bot.take(provOther).join('\n')).toContain('ยืนยันระดับจังหวัด ชลบุรี');
    const any = dataOf(bot, provOther, 'กันยายน 2569', '', 1); // a postback of the officer's own conversation
    await bot.tap(provOther, withParams(any.replace('|pr-month|', '|pr-confirm|'), { d: '2406', r: '' }));
    expect(bot.take(provOther).join('\n')).toContain('อำเภอนี้ไม่อยู่ในจังหวัดของท่าน');
    await bot.tap(provOther, withParams(any.replace('|pr-month|', '|pr-detail|'), { d: '2406' }));
    expect(bot.take(provOther).join('\n')).toContain('ไม่มีสิทธิ์');
    expect((await entriesOf(2406)).map((r) => r.status)).toEqual(['DISTRICT_CONFIRMED']);
    expect(bot.fake.rejected()).toEqual([]);
  });
});
