import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { press } from '../support/screen.js';
import { nextMonth, parseDayKey, type MonthKey } from '../../src/domain/fiscal-period.js';
import { readThaiDay } from '../../src/domain/thai-day.js';
import { thaiMonthName, toThaiDigits, type MonthNumber } from '../../src/domain/thai-format.js';
import { LONG_INPUTS, randomString, rng } from './fuzz-strings.js';
import { captureSteps, fuzzStep, type CapturedStep } from './harness.js';

// Small counts: a few hundred pure reads and 40 strings per chat step (FUZZ_STRINGS=300 for a deeper run by hand).
const STRINGS = Number(process.env.FUZZ_STRINGS ?? 40);
const clock = testClock('2026-12-02T03:00:00Z');

describe('typed days, fuzzed (pure)', () => {
  const months = ['2026-08', '2026-09', '2026-11', '2027-01', '2028-01'] as MonthKey[];

  it('any string: never throws; either a day inside the allowed months or a short Thai message', () => {
    const next = rng(11);
    for (let i = 0; i < 600; i++) {
      const m = months[i % months.length]!;
      const ctx = { defaultMonth: nextMonth(m), allowed: [m, nextMonth(m)] };
      const s = i < LONG_INPUTS.length ? LONG_INPUTS[i]! : randomString(next);
      const r = readThaiDay(s, ctx);
      if (r.ok) {
        expect(parseDayKey(r.day)).not.toBeNull();
        expect(ctx.allowed).toContain(r.day.slice(0, 7));
      } else {
        expect(r.message).toMatch(/[\u0E00-\u0E7F]/);
        expect(r.message.length).toBeLessThan(200);
      }
    }
  });

  it('every day of the allowed months, written in any of the accepted ways, reads back as that day', () => {
    const next = rng(12);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    for (let i = 0; i < 400; i++) {
      const m = pick(months);
      const allowed = [m, nextMonth(m)];
      const key = pick(allowed);
      const [y, mo] = key.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      const d = 1 + Math.floor(next() * last);
      const be = y + 543;
      const isDefault = key === nextMonth(m);
      const forms = [
        `${d} ${thaiMonthName(mo as MonthNumber, 'short')}`,
        `${d}${thaiMonthName(mo as MonthNumber, 'short').replace(/\./g, '')}`,
        `วันที่ ${d} ${thaiMonthName(mo as MonthNumber)} ${be}`,
        `${d} ${thaiMonthName(mo as MonthNumber, 'short')} ${be % 100}`,
        `${d}/${mo}`,
        `${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${be}`,
        ...(isDefault ? [`${d}`, `วันที่ ${d}`, `ที่${d}`] : []),
      ];
      let typed = pick(forms);
      if (next() < 0.4) typed = toThaiDigits(typed);
      if (next() < 0.3) typed = `  ${typed.replace(/ /g, '  ')} `;
      const r = readThaiDay(typed, { defaultMonth: nextMonth(m), allowed });
      expect([typed, r]).toEqual([typed, { ok: true, day: `${key}-${String(d).padStart(2, '0')}` }]);
    }
  });
});

describe(`${STRINGS} random strings at every step of แก้ไขกำหนดส่ง (signed webhooks)`, () => {
  let bot: TestBot;
  const found: { fuzzers: string[]; steps: CapturedStep[] }[] = [];
  const calendar = async () => {
    const db = bot.services.db;
    const parts = await Promise.all([db.deadlineCalendar.findMany({ orderBy: { month: 'asc' } }), db.provinceDeadline.findMany({ orderBy: [{ provinceId: 'asc' }, { month: 'asc' }] }), db.auditLog.count()]);
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  };

  beforeAll(async () => {
    bot = await startTestBot({ now: clock.now });
    const db = bot.services.db;
    const plan = [
      { seed: 'fc-dept', role: 'DEPARTMENT_ADMIN' as const, scope: {} },
      { seed: 'fc-prov', role: 'PROVINCE_OFFICER' as const, scope: { provinceId: 24 } },
    ];
    for (const p of plan) {
      const u = (await makeUser(db, p.seed, p.role, p.scope)).lineUserId;
      const steps = await captureSteps(bot, u, [
        () => bot.say(u, 'แก้ไขกำหนดส่ง'),
        () => press(bot, u, 'พฤศจิกายน 2569'),
        () => press(bot, u, 'ส่งยอดขาย'),
        () => bot.say(u, '2'),
      ]);
      await bot.say(u, 'ยกเลิก');
      const fuzzers: string[] = [];
      for (let i = 0; i < 8; i++) fuzzers.push((await makeUser(db, `${p.seed}-${i}`, p.role, p.scope)).lineUserId);
      found.push({ fuzzers, steps });
    }
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
  });

  it('reaches the month, date, day and confirmation steps for the department and a province', () => {
    expect(found.map((f) => f.steps.map((s) => `${s.flow}:${s.step}`))).toEqual([0, 1].map(() => ['calendar-set:month', 'calendar-set:field', 'calendar-set:day', 'calendar-set:confirm']));
  });

  it('no crash, always an answer, and the calendar does not change', async () => {
    const before = await calendar();
    const errors: string[] = [];
    let total = 0;
    let seed = 900;
    for (const f of found) {
      for (const step of f.steps) {
        const r = await fuzzStep(bot, f.fuzzers, step, { strings: STRINGS, seed: seed++, fixed: LONG_INPUTS.slice(0, 3) });
        total += r.sent;
        errors.push(...r.errors);
      }
    }
    expect(errors.slice(0, 10)).toEqual([]);
    expect(total).toBe(STRINGS * 8);
    expect(await calendar()).toBe(before);
    expect(bot.fake.rejected().map((r) => `${r.error}`.slice(0, 300))).toEqual([]);
  }, 300_000);
});
