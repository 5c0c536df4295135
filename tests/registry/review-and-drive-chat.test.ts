// The yearly register review round trip and the registration drive, through signed webhooks and the LINE fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDriveWorkers } from '../../src/domain/registry/drive.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { everything, lastCardText, press, quickLabels } from '../support/screen.js';

const clock = testClock('2027-03-02T03:00:00Z'); // the letters ask for the review by 31 March
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

const last = (user: string) => bot.take(user).at(-1) ?? '';

async function producer(name: string, createdAt: string, reported: string[] = []) {
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2408, name });
  await db.producer.update({ where: { id: p.id }, data: { createdAt: new Date(createdAt) } });
  const { user } = await makeUser(db, 'rv-entry-officer', 'DISTRICT_OFFICER', { districtId: 2408 });
  for (const m of reported) {
    await db.salesEntry.create({ data: { producerId: p.id, month: new Date(`${m}-01`), category: 'FOOD', status: 'PROVINCE_CONFIRMED', domesticOffline: 1n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id } });
  }
  return p;
}

describe('the yearly review of the register', () => {
  it('province opens it, the district keeps one idle producer and deregisters another, confirms, and the province sees the counts', async () => {
    const db = bot.services.db;
    await producer('กลุ่มที่รายงานสม่ำเสมอ', '2025-01-01', ['2027-01']);
    const idle = await producer('กลุ่มที่หยุดรายงาน', '2025-01-01', ['2026-05']);
    const never = await producer('กลุ่มที่ไม่เคยรายงาน', '2025-01-01');
    await producer('กลุ่มที่เพิ่งลงทะเบียน', '2027-01-10');
    const { lineUserId: province } = await makeUser(db, 'rv-province', 'PROVINCE_OFFICER', { provinceId: 24 });
    const { lineUserId: officer } = await makeUser(db, 'rv-officer-2408', 'DISTRICT_OFFICER', { districtId: 2408 });

    await bot.say(officer, 'ทบทวนทะเบียน');
    expect(last(officer)).toContain('จังหวัดยังไม่ได้เปิดการทบทวนทะเบียนผู้ผลิต');

    await bot.say(province, 'ทบทวนทะเบียน');
    expect(quickLabels(bot, province)).toEqual(['เปิด 3 เดือน', 'เปิด 6 เดือน', 'เปิด 12 เดือน', 'ยกเลิก']);
    await press(bot, province, 'เปิด 6 เดือน');
    expect(bot.take(province).at(-2)).toContain('เปิดการทบทวนแล้ว ✅');
    expect(lastCardText(bot, province)).toContain('ทบทวนแล้ว 0/2 · ยกเลิก 0 · เหลือ 2');
    expect(lastCardText(bot, province)).toContain('ไม่รายงาน 6 เดือน (กันยายน 2569 – กุมภาพันธ์ 2570)');

    await bot.say(officer, 'ทบทวนทะเบียน');
    const list = last(officer);
    expect(list).toContain('ผู้ผลิตที่ไม่รายงาน 6 เดือน');
    expect(list).toContain('กลุ่มที่หยุดรายงาน');
    expect(list).toContain('กลุ่มที่ไม่เคยรายงาน');
    expect(list).not.toContain('กลุ่มที่รายงานสม่ำเสมอ');
    expect(list).not.toContain('กลุ่มที่เพิ่งลงทะเบียน');
    expect(lastCardText(bot, officer)).toContain('รายงานล่าสุด พ.ค. 69');

    await press(bot, officer, 'ทบทวน', `p=${idle.id}`);
    expect(quickLabels(bot, officer)).toEqual(['ยังดำเนินการ', 'เลิกกิจการ', 'ย้ายพื้นที่', 'รวมกลุ่ม', 'อื่น ๆ', 'กลับ', 'ยกเลิก']);
    await press(bot, officer, 'ยังดำเนินการ');
    expect(bot.take(officer).at(-2)).toBe('บันทึกแล้ว ✅ ยังดำเนินการ');

    await press(bot, officer, 'ทบทวน', `p=${never.id}`);
    await press(bot, officer, 'เลิกกิจการ');
    expect(last(officer)).toContain('ยืนยันยกเลิกการลงทะเบียน กลุ่มที่ไม่เคยรายงาน');
    expect((await db.producer.findUniqueOrThrow({ where: { id: never.id } })).active).toBe(true);
    await press(bot, officer, 'ยืนยัน ยกเลิกทะเบียน');
    const done = bot.take(officer);
    expect(done.at(-2)).toBe('ยกเลิกการลงทะเบียนแล้ว ✅ (เลิกกิจการ)');
    expect(done.at(-1)).toContain('ทบทวนครบทุกรายแล้ว');
    expect(await db.producer.findUniqueOrThrow({ where: { id: never.id } })).toMatchObject({ active: false, deregisterReason: 'เลิกกิจการ' });
    expect((await db.producer.findUniqueOrThrow({ where: { id: idle.id } })).active).toBe(true);

    await press(bot, officer, 'ยืนยันทบทวนเสร็จ');
    expect(bot.take(officer).at(-2)).toBe('ยืนยันการทบทวนเสร็จแล้ว ✅ จังหวัดเห็นผลแล้ว');
    expect(await db.registerReviewDistrict.count({ where: { districtId: 2408 } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'review.mark' } })).toBe(2);

    await bot.say(province, 'ทบทวนทะเบียน');
    const summary = lastCardText(bot, province);
    expect(summary).toContain('ทบทวนแล้ว 2/2 · ยกเลิก 1 · เหลือ 0');
    expect(summary).toContain('ยืนยันแล้ว');
    expect(bot.fake.rejected()).toEqual([]);
  });
});

describe('the registration drive', () => {
  it('counts community groups registered in chat this fiscal year against the district’s workers, for the district and the province', async () => {
    const db = bot.services.db;
    const { lineUserId: officer, user } = await makeUser(db, 'drive-officer-2409', 'DISTRICT_OFFICER', { districtId: 2409 });
    const { lineUserId: province } = await makeUser(db, 'drive-province', 'PROVINCE_OFFICER', { provinceId: 24 });
    await bot.say(officer, 'ทะเบียนผู้ผลิต');
    expect(everything(bot, officer, 1)).toContain('กลุ่มผู้ผลิตชุมชนใหม่ปีงบประมาณ 2570: 0 กลุ่ม (ยังไม่ได้ตั้งจำนวนพัฒนากร)');

    await db.$transaction((tx) => setDriveWorkers(tx, 2409, 3, clock.now()));
    const mk = async (name: string, type: 'COMMUNITY_GROUP' | 'SME', createdAt: string, byChat: boolean) => {
      const p = await makeProducer(db, { districtId: 2409, name, type });
      await db.producer.update({ where: { id: p.id }, data: { createdAt: new Date(createdAt), createdById: byChat ? user.id : null } });
    };
    await mk('กลุ่มใหม่ปีนี้ หนึ่ง', 'COMMUNITY_GROUP', '2026-10-05T03:00:00Z', true);
    await mk('กลุ่มใหม่ปีนี้ สอง', 'COMMUNITY_GROUP', '2027-02-20T03:00:00Z', true);
    await mk('SMEใหม่ปีนี้', 'SME', '2027-01-05T03:00:00Z', true); // not a community group
    await mk('กลุ่มปีก่อน', 'COMMUNITY_GROUP', '2026-09-30T03:00:00Z', true); // fiscal 2569
    await mk('กลุ่มที่นำเข้าจากทะเบียน', 'COMMUNITY_GROUP', '2027-01-05T03:00:00Z', false); // already existed

    await bot.say(officer, 'ทะเบียนผู้ผลิต');
    expect(lastCardText(bot, officer)).toContain('กลุ่มผู้ผลิตชุมชนใหม่ปีงบประมาณ 2570: 2/3 กลุ่ม (พัฒนากร 3 คน)');
    await bot.say(province, 'ทะเบียนผู้ผลิต');
    expect(lastCardText(bot, province)).toContain('กลุ่มผู้ผลิตชุมชนใหม่ปีงบประมาณ 2570: 2/3 กลุ่ม (พัฒนากร 3 คน)');
    expect(bot.fake.rejected()).toEqual([]);
  });
});
