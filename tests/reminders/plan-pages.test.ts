// The job plans producers a page at a time: the rows recorded equal the whole plan (the dry run's), and a producer
// who reports before the next run has its waiting reminder cancelled whichever page it falls on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { planAt, DEFAULT_REMINDER_SETTINGS } from '../../src/jobs/reminders.js';
import { planAndRecord } from '../../src/jobs/reminder-plan.js';
import { resolveDeadlines } from '../../src/domain/deadlines.js';
import type { MonthKey } from '../../src/domain/fiscal-period.js';

const clock = testClock('2026-12-03T02:00:00Z'); // 09:00 Bangkok, November's entry due day (default calendar)
const month = '2026-11' as MonthKey;
let bot: TestBot;
const producerIds: number[] = [];
const cal = () => resolveDeadlines(month, null, null);

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  for (let i = 0; i < 5; i++) {
    const p = await makeProducer(db, { districtId: 2401, name: `กลุ่มหน้า ${i}` });
    producerIds.push(p.id);
    await makeUser(db, `page-producer-${i}`, 'PRODUCER', { producerId: p.id });
  }
  await makeUser(db, 'page-district-2401', 'DISTRICT_OFFICER', { districtId: 2401 });
});
afterAll(async () => {
  await bot?.close();
});

const keys = (rows: { userId: number; kind: string; step: string }[]) => rows.map((r) => `${r.userId}|${r.kind}|${r.step}`).sort();

describe('planning in pages of producers', () => {
  it('pages of 2 record exactly the whole plan', async () => {
    const db = bot.services.db;
    const whole = (await planAt(db, clock.now(), DEFAULT_REMINDER_SETTINGS)).flatMap((m) => m.reminders);
    expect(whole.filter((r) => r.kind === 'producer-entry')).toHaveLength(5);
    const r = await planAndRecord(db, month, cal, clock.now(), DEFAULT_REMINDER_SETTINGS, 2);
    expect(r.planned).toBe(whole.length);
    expect(keys(await db.reminder.findMany({ where: { status: 'PENDING' } }))).toEqual(keys(whole));
  });

  it('a producer on the middle page who reported meanwhile has its waiting reminder cancelled, the others stay', async () => {
    const db = bot.services.db;
    const middle = producerIds[2]!;
    const user = await db.user.findFirstOrThrow({ where: { producerId: middle } });
    await db.salesEntry.create({ data: { producerId: middle, month: new Date('2026-11-01'), category: 'FOOD', domesticOffline: 1n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id, submittedAt: new Date('2026-12-03T02:30:00Z') } });
    const r = await planAndRecord(db, month, cal, clock.now(), DEFAULT_REMINDER_SETTINGS, 2);
    expect(r.cancelled).toBe(1);
    const row = await db.reminder.findFirstOrThrow({ where: { userId: user.id } });
    expect([row.status, row.cancelReason]).toEqual(['CANCELLED', 'settled']);
    expect(await db.reminder.count({ where: { kind: 'producer-entry', status: 'PENDING' } })).toBe(4);
    expect(await db.reminder.count({ where: { kind: 'district-missing', status: 'PENDING' } })).toBe(1);
  });
});
