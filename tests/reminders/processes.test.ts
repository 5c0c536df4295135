// Real processes: two schedulers started together send each reminder once; a process killed with SIGKILL in the
// middle of a run loses nothing and, restarted, duplicates nothing.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser } from '../support/people.js';
import { setDeadline } from '../../src/domain/deadlines.js';
import type { DayKey, MonthKey } from '../../src/domain/fiscal-period.js';

const AT = '2026-12-03T09:00:00+07:00';
let bot: TestBot;
const users: string[] = [];

function child(settings: object): { done: Promise<string>; started: Promise<void>; kill(): void } {
  const p = spawn(process.execPath, ['--import', 'tsx', 'tests/reminders/child-run.ts', bot.database.url, bot.fake.url, AT, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let onStart: () => void;
  const started = new Promise<void>((r) => (onStart = r));
  p.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('started')) onStart();
  });
  p.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<string>((resolve) => p.on('exit', () => resolve(out)));
  return { done, started, kill: () => p.kill('SIGKILL') };
}

const deliveredTo = (u: string) => bot.fake.messagesTo(u).length;

beforeAll(async () => {
  bot = await startTestBot();
  const db = bot.services.db;
  await db.$transaction((tx) => setDeadline(tx, null, { month: '2026-11' as MonthKey, provinceId: null, days: { entryDue: '2026-12-03' as DayKey, districtConfirmDue: '2026-12-04' as DayKey, provinceConfirmDue: '2026-12-05' as DayKey } }));
  // producers in three districts of different provinces, one officer each: pushes and multicasts
  for (const districtId of [2401, 2410, 5001]) {
    for (let i = 0; i < 3; i++) {
      const p = await makeProducer(db, { districtId });
      users.push((await makeUser(db, `proc-${districtId}-${i}`, 'PRODUCER', { producerId: p.id })).lineUserId);
    }
    users.push((await makeUser(db, `proc-officer-${districtId}`, 'DISTRICT_OFFICER', { districtId })).lineUserId);
  }
}, 120_000);
afterAll(async () => {
  await bot?.close();
});

describe('reminders in separate processes', () => {
  it('two schedulers started at the same time send each reminder once', async () => {
    const a = child({ retryBaseMs: 5 });
    const b = child({ retryBaseMs: 5 });
    const outs = await Promise.all([a.done, b.done]);
    expect(outs.join('\n')).toMatch(/"sent":12/); // one of them sent all 12 (9 producers + 3 officers)
    for (const u of users) expect(deliveredTo(u)).toBe(1);
    expect(bot.fake.rejected()).toEqual([]);
  }, 120_000);

  it('kill -9 in the middle of a run, then a restart: nothing lost, nothing twice', async () => {
    const db = bot.services.db;
    await db.reminder.deleteMany({});
    bot.fake.reset();
    bot.fake.failNext('multicast', 500, 1000); // LINE is failing: the run is stuck retrying claimed requests
    bot.fake.failNext('push', 500, 1000);
    const first = child({ retryBaseMs: 60_000, leaseMs: 2_000 });
    await first.started;
    for (let i = 0; i < 600 && (await db.reminder.count({ where: { sendKey: { not: null } } })) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    first.kill();
    await first.done;
    expect(await db.reminder.count({ where: { status: 'PENDING' } })).toBe(12);
    bot.fake.reset(); // LINE is well again (reset also forgets the queued failures)
    await new Promise((r) => setTimeout(r, 2_100)); // the dead holder's lease runs out
    const out = await child({ retryBaseMs: 5, leaseMs: 2_000 }).done;
    const rows = await db.reminder.findMany({ select: { status: true, sendKey: true, attempts: true, lastError: true } });
    expect(out, JSON.stringify(rows.slice(0, 3))).toMatch(/"sent":12/);
    for (const u of users) expect(deliveredTo(u)).toBe(1);
    expect(await db.reminder.count({ where: { status: 'SENT' } })).toBe(12);
  }, 120_000);
});
