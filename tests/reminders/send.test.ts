// Reminders through the real app and the LINE fake, with fixed clocks: sent once, retried with the same key,
// stopped by the quota and resumed, and ridden free in a reply.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { run, type ReminderDeps } from '../../src/jobs/reminders.js';
import { setDeadline } from '../../src/domain/deadlines.js';
import type { DayKey, MonthKey } from '../../src/domain/fiscal-period.js';

const clock = testClock('2026-12-03T02:00:00Z'); // 09:00 Bangkok, entry due day
let bot: TestBot;
let deps: ReminderDeps;
const producers: string[] = [];
let officer: string;
const log = { info() {}, warn() {}, error() {} };

const reminderTexts = (user: string) =>
  (bot.fake.messagesTo(user) as { type: string; text?: string; altText?: string }[]).map((m) => m.text ?? m.altText ?? '').filter((t) => /ยังไม่ได้รายงาน/.test(t));
const sendRequests = () => bot.fake.requests.filter((r) => (r.endpoint === 'push' || r.endpoint === 'multicast') && r.status === 200);

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  deps = { db, bulk: bot.services.bulk, log, settings: { retryBaseMs: 5 } };
  await db.$transaction((tx) => setDeadline(tx, null, { month: '2026-11' as MonthKey, provinceId: null, days: { entryDue: '2026-12-03' as DayKey, districtConfirmDue: '2026-12-04' as DayKey, provinceConfirmDue: '2026-12-05' as DayKey } }));
  for (let i = 0; i < 4; i++) {
    const p = await makeProducer(db, { districtId: 2401, name: `กลุ่มเตือน ${i}` });
    producers.push((await makeUser(db, `rem-producer-${i}`, 'PRODUCER', { producerId: p.id })).lineUserId);
  }
  // one producer reported everything: owes nothing
  const done = await makeProducer(db, { districtId: 2401, name: 'กลุ่มส่งแล้ว' });
  const doneUser = await makeUser(db, 'rem-producer-done', 'PRODUCER', { producerId: done.id });
  await db.salesEntry.create({ data: { producerId: done.id, month: new Date('2026-11-01'), category: 'FOOD', domesticOffline: 1n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: doneUser.user.id, submittedAt: new Date('2026-12-01T03:00:00Z') } });
  producers.push(doneUser.lineUserId);
  officer = (await makeUser(db, 'rem-district-2401', 'DISTRICT_OFFICER', { districtId: 2401 })).lineUserId;
  await makeUser(db, 'rem-dept', 'DEPARTMENT_ADMIN', {});
});
afterAll(async () => {
  await bot?.close();
});
beforeEach(async () => {
  await bot.services.db.reminder.deleteMany({});
  bot.fake.reset();
  bot.take(officer);
});

describe('sending reminders', () => {
  it('on the due day each producer who owes gets one reminder by multicast, the district its list, and a re-run sends nothing more', async () => {
    const r = await run(deps, clock.now());
    expect(r.sent).toBe(5); // 4 producers + 1 district officer
    for (const p of producers.slice(0, 4)) expect(reminderTexts(p)).toHaveLength(1);
    expect(reminderTexts(producers[4]!)).toHaveLength(0); // owes nothing
    expect(bot.fake.messagesTo(officer).map((m) => (m as { altText?: string }).altText)).toEqual([expect.stringContaining('ผู้ผลิตยังไม่รายงานยอดขายเดือนพฤศจิกายน 2569 4 ราย')]);
    expect(sendRequests().map((x) => x.endpoint).sort()).toEqual(['multicast', 'push']);
    expect(bot.fake.rejected()).toEqual([]);
    const again = await run(deps, clock.now());
    expect(again.sent).toBe(0);
    expect(sendRequests()).toHaveLength(2);
  });

  it.each([[429], [500]] as const)('LINE answering %i then 200 delivers each reminder exactly once', async (status) => {
    bot.fake.failNext('multicast', status, 2);
    bot.fake.failNext('push', status, 1);
    const r = await run(deps, clock.now());
    expect(r.sent).toBe(5);
    for (const p of producers.slice(0, 4)) expect(reminderTexts(p)).toHaveLength(1);
    expect(bot.fake.messagesTo(officer)).toHaveLength(1);
    const keys = bot.fake.requests.filter((x) => x.endpoint === 'multicast').map((x) => x.headers['x-line-retry-key']);
    expect(new Set(keys).size).toBe(1); // retried with the same key
  });

  it('a crash after LINE accepted but before the row was marked resends with the same key: 409, nothing twice', async () => {
    await run(deps, clock.now());
    await bot.services.db.reminder.updateMany({ data: { status: 'PENDING' } }); // as if the process died before marking
    const r = await run(deps, clock.now());
    expect(r.sent).toBe(5);
    expect(bot.fake.requests.filter((x) => x.status === 409)).toHaveLength(2);
    for (const p of producers.slice(0, 4)) expect(reminderTexts(p)).toHaveLength(1);
  });

  it('the monthly-quota 429 stops the run, the most important go first, the department is told, and the rest goes out once the quota is raised', async () => {
    bot.fake.setQuota(100, 99); // room for one message: the district officer's (officers before producers)
    const r = await run(deps, clock.now());
    expect(r.sent).toBe(1);
    expect(bot.fake.messagesTo(officer)).toHaveLength(1);
    for (const p of producers.slice(0, 4)) expect(reminderTexts(p)).toHaveLength(0);
    expect(await bot.services.db.reminder.count({ where: { status: 'PENDING', kind: 'producer-entry' } })).toBe(4);

    // the budget check held them back; make LINE itself refuse with the quota 429 to see the run stop
    bot.fake.setQuota(null);
    bot.fake.failNext('multicast', 429, 1, 'You have reached your monthly limit.');
    const stopped = await run(deps, clock.now());
    expect(stopped.quotaExhausted).toBe(true);
    expect(await bot.services.db.reminder.count({ where: { kind: 'quota-exhausted' } })).toBe(1);

    const after = await run(deps, clock.now());
    expect(after.sent).toBe(5); // the 4 producers + the department's quota notice
    for (const p of producers.slice(0, 4)) expect(reminderTexts(p)).toHaveLength(1);
  });

  it('a reminder due to someone who writes anyway rides in the free reply and is not pushed', async () => {
    clock.set('2026-12-02T23:00:00Z'); // 06:00 Bangkok on the due day: quiet hours, planned for 08:00
    const night = await run(deps, clock.now());
    expect(night.sent).toBe(0);
    expect(night.planned).toBeGreaterThan(0);
    await bot.say(producers[0]!, 'เมนู');
    expect(reminderTexts(producers[0]!)).toHaveLength(1);
    const replies = bot.fake.requests.filter((x) => x.endpoint === 'reply' && x.status === 200);
    expect(replies.at(-1)!.to).toEqual([producers[0]]);
    clock.set('2026-12-03T02:00:00Z');
    const morning = await run(deps, clock.now());
    expect(reminderTexts(producers[0]!)).toHaveLength(1); // not pushed again
    expect(morning.sent).toBe(4); // 3 other producers' due-day reminders + the district
    expect(await bot.services.db.reminder.count({ where: { cancelReason: 'reply' } })).toBe(1);
  });
});
