import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { everything } from '../support/screen.js';
import { dueDates, setDeadline } from '../../src/domain/deadlines.js';
import { submitEntry } from '../../src/domain/sales.js';
import { actorOf } from '../../src/domain/actor.js';
import { RuleError } from '../../src/domain/errors.js';
import type { MonthKey, DayKey } from '../../src/domain/fiscal-period.js';

const clock = testClock('2026-12-02T03:00:00Z');
let bot: TestBot;
const M = '2026-11' as MonthKey;
const d = (s: string) => s as DayKey;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

describe('deadline calendar', () => {
  it('department defaults apply everywhere; a province override applies only in that province', async () => {
    const db = bot.services.db;
    await db.$transaction((tx) => setDeadline(tx, null, { month: M, provinceId: null, days: { entryDue: d('2026-12-05'), districtConfirmDue: d('2026-12-06'), provinceConfirmDue: d('2026-12-08') } }));
    const prov = await makeUser(db, 'cal-prov-24', 'PROVINCE_OFFICER', { provinceId: 24 });
    await db.$transaction((tx) => setDeadline(tx, actorOf(prov.user), { month: M, provinceId: 24, days: { entryDue: d('2026-12-03') } }));
    expect(await dueDates(db, M, 24)).toMatchObject({ entryDue: '2026-12-03', districtConfirmDue: '2026-12-06' });
    expect(await dueDates(db, M, 50)).toMatchObject({ entryDue: '2026-12-05', districtConfirmDue: '2026-12-06' });

    const p24 = await makeProducer(db, { districtId: 2401 });
    const producer = await makeUser(db, 'cal-producer-2401', 'PRODUCER', { producerId: p24.id });
    await bot.say(producer.lineUserId, 'กำหนดส่ง');
    const shown = everything(bot, producer.lineUserId, 1);
    expect(shown).toContain('จังหวัดฉะเชิงเทรา');
    expect(shown).toContain('ยอดขายเดือนพฤศจิกายน 2569');
    expect(shown).toContain('3 ธันวาคม 2569');
    expect(shown).not.toContain('5 ธันวาคม 2569');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a province officer cannot set another province or the department; dates must stay in order', async () => {
    const db = bot.services.db;
    const prov = await makeUser(db, 'cal-prov-24', 'PROVINCE_OFFICER', { provinceId: 24 });
    await expect(db.$transaction((tx) => setDeadline(tx, actorOf(prov.user), { month: M, provinceId: 50, days: { entryDue: d('2026-12-02') } }))).rejects.toThrow(RuleError);
    await expect(db.$transaction((tx) => setDeadline(tx, actorOf(prov.user), { month: M, provinceId: null, days: { entryDue: d('2026-12-02') } }))).rejects.toThrow(RuleError);
    await expect(db.$transaction((tx) => setDeadline(tx, null, { month: M, provinceId: null, days: { entryDue: d('2026-12-07') } }))).rejects.toThrow(/เรียงกัน/);
    // September may be due before the month ends
    const sep = await db.$transaction((tx) => setDeadline(tx, null, { month: '2026-09' as MonthKey, provinceId: null, days: { entryDue: d('2026-09-27'), districtConfirmDue: d('2026-09-28'), provinceConfirmDue: d('2026-09-29') } }));
    expect(sep.entryDue).toBe('2026-09-27');
  });

  it('late entries are flagged; after the department closes the month entries are refused', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 5001 });
    const u = await makeUser(db, 'cal-late', 'PRODUCER', { producerId: p.id });
    const amounts = { domesticOffline: 100n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n };
    const late = await db.$transaction((tx) =>
      submitEntry(tx, actorOf(u.user)!, { producerId: p.id, month: M, category: 'FOOD', amounts, exports: [], expectedRevision: null }, new Date('2026-12-06T03:00:00Z')),
    );
    expect(late.late).toBe(true);
    await db.$transaction((tx) => setDeadline(tx, null, { month: M, provinceId: null, days: { departmentClose: d('2026-12-10') } }));
    const p2 = await makeProducer(db, { districtId: 5001 });
    const u2 = await makeUser(db, 'cal-closed', 'PRODUCER', { producerId: p2.id });
    await expect(
      db.$transaction((tx) =>
        submitEntry(tx, actorOf(u2.user)!, { producerId: p2.id, month: M, category: 'FOOD', amounts, exports: [], expectedRevision: null }, new Date('2026-12-11T03:00:00Z')),
      ),
    ).rejects.toThrow(/ปิดรับข้อมูล/);
  });

  it('a producer turns its reminders off and on; an officer cannot', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2401 });
    const u = await makeUser(db, 'cal-optout', 'PRODUCER', { producerId: p.id });
    await bot.say(u.lineUserId, 'ปิดการแจ้งเตือน');
    expect(bot.take(u.lineUserId).join('\n')).toContain('ปิดการแจ้งเตือนแล้ว');
    expect(await db.reminderOptOut.count({ where: { userId: u.user.id } })).toBe(1);
    await bot.say(u.lineUserId, 'เปิดการแจ้งเตือน');
    expect(await db.reminderOptOut.count({ where: { userId: u.user.id } })).toBe(0);
    const officer = await makeUser(db, 'cal-officer', 'DISTRICT_OFFICER', { districtId: 2401 });
    await bot.say(officer.lineUserId, 'ปิดการแจ้งเตือน');
    expect(bot.take(officer.lineUserId).join('\n')).toContain('ปิดไม่ได้');
  });
});
