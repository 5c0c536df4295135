import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { buttons, everything, press } from '../support/screen.js';

const clock = testClock('2026-12-02T03:00:00Z'); // November has just ended; October is still open
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

describe('pending lists of a district officer', () => {
  it('a district with no producers yet is told so and offered registration, not congratulated', async () => {
    const { lineUserId: officer } = await makeUser(bot.services.db, 'empty-2405', 'DISTRICT_OFFICER', { districtId: 2405 }, 'ว่างเปล่า');
    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    const said = everything(bot, officer, 1);
    expect(said).not.toContain('ส่งยอดเดือน');
    expect(said).not.toContain('🎉');
    expect(said).toContain('ยังไม่มีผู้ผลิตที่ลงทะเบียนไว้ในระบบ');
    expect(buttons(bot, officer, 1).map((b) => b.label)).toContain('ลงทะเบียนใหม่');

    await bot.say(officer, 'ตรวจสอบ/ยืนยัน');
    await press(bot, officer, 'พฤศจิกายน 2569');
    await bot.say(officer, 'ยังไม่รายงาน');
    const pending = everything(bot, officer, 1);
    expect(pending).not.toContain('👍');
    expect(pending).toContain('ยังไม่มีผู้ผลิตที่ลงทะเบียนไว้ในระบบ');
    expect(buttons(bot, officer, 1).map((b) => b.label)).toContain('ลงทะเบียนผู้ผลิต');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('officer catches up on October while November is current: the October pending list, and the entry is for October', async () => {
    const db = bot.services.db;
    const { lineUserId: officer, user } = await makeUser(db, 'catchup-2406', 'DISTRICT_OFFICER', { districtId: 2406 }, 'ตามงาน');
    const octDone = await makeProducer(db, { districtId: 2406, name: 'กลุ่มส่งตุลาแล้ว' });
    const octLate = await makeProducer(db, { districtId: 2406, name: 'กลุ่มยังไม่ส่งตุลา' });
    // October: one reported; November: both reported except octLate
    await db.salesEntry.create({ data: { producerId: octDone.id, month: new Date('2026-10-01'), category: 'FOOD', domesticOffline: 100n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id, status: 'SUBMITTED' } });
    await db.salesEntry.create({ data: { producerId: octLate.id, month: new Date('2026-11-01'), category: 'FOOD', domesticOffline: 100n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id, status: 'SUBMITTED' } });
    await db.salesEntry.create({ data: { producerId: octDone.id, month: new Date('2026-11-01'), category: 'FOOD', domesticOffline: 100n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id, status: 'SUBMITTED' } });

    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    expect(everything(bot, officer, 1)).toContain('ผู้ผลิตทุกรายในอำเภอพนมสารคาม ส่งยอดเดือนพฤศจิกายน 2569 แล้ว');
    await press(bot, officer, 'ยังไม่ส่ง ต.ค. 69', '', 1);
    const october = bot.take(officer).join('\n');
    expect(october).toContain('ยังไม่ส่งยอดเดือนตุลาคม 2569 · 1 ราย');
    expect(october).toContain('กลุ่มยังไม่ส่งตุลา');
    expect(october).not.toContain('กลุ่มส่งตุลาแล้ว');
    await press(bot, officer, 'บันทึกยอด');
    const started = bot.take(officer).join('\n');
    expect(started).toContain('ตุลาคม 2569');
    expect(started).not.toContain('เดือนไหน');
    expect(bot.fake.rejected()).toEqual([]);
  });
});
