import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { press } from '../sales-entry/helpers.js';
import { businessFingerprint, captureSteps, fuzzStep, type CapturedStep } from './harness.js';

const clock = testClock('2026-11-02T03:00:00Z');
const USERS = 25;
let bot: TestBot;
let steps: CapturedStep[] = [];
let fuzzers: string[] = [];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2401, categories: ['FOOD', 'DRINK'] });
  const officer = await makeUser(db, 'fz-officer', 'DISTRICT_OFFICER', { districtId: 2401 });
  await db.salesEntry.create({
    data: { producerId: p.id, month: new Date('2026-09-01'), category: 'FOOD', domesticOffline: 100_000_00n, domesticOnline: 5_000_00n, exportOffline: 20_000_00n, exportOnline: 0n, status: 'DISTRICT_CONFIRMED', enteredById: officer.user.id },
  });
  const driver = (await makeUser(db, 'fz-driver', 'PRODUCER', { producerId: p.id })).lineUserId;
  for (let i = 0; i < USERS; i++) fuzzers.push((await makeUser(db, `fz-${i}`, 'PRODUCER', { producerId: p.id })).lineUserId);
  // one path through every step of the sales-entry conversation
  steps = await captureSteps(bot, driver, [
    () => bot.say(driver, 'รายงานยอดขาย'),
    () => press(bot, driver, 'ตุลาคม 2569'),
    () => press(bot, driver, 'อาหาร'),
    () => press(bot, driver, 'กรอกทีละช่อง'),
    () => bot.say(driver, '900000'), // unusual against 100,000
    () => press(bot, driver, 'ใช่ ถูกต้อง'),
    () => bot.say(driver, '5000'),
    () => bot.say(driver, '20000'),
    () => bot.say(driver, '0'),
    () => bot.say(driver, 'ญี่ปุ่น'),
    () => press(bot, driver, 'ผ่านตัวแทน'),
    () => press(bot, driver, 'ไม่มี'),
  ]);
}, 120_000);
afterAll(async () => {
  await bot?.close();
});

describe('1,000 random strings at every step of sales entry', () => {
  it('the script visits every step of the conversation', () => {
    expect(steps.map((s) => s.step).sort()).toEqual(
      ['amount', 'amounts', 'category', 'export-agency', 'export-channel', 'export-country', 'month', 'summary', 'unusual'].sort(),
    );
  });

  it('no crash, always an answer, and no business data changes', async () => {
    const before = await businessFingerprint(bot);
    let total = 0;
    const errors: string[] = [];
    for (const [i, step] of steps.entries()) {
      const r = await fuzzStep(bot, fuzzers, step, { strings: 1000, seed: 1000 + i });
      total += r.sent;
      errors.push(...r.errors);
    }
    expect(errors.slice(0, 10)).toEqual([]);
    expect(total).toBe(1000 * steps.length);
    expect(await businessFingerprint(bot)).toBe(before);
    expect(bot.fake.rejected().map((r) => r.error)).toEqual([]);
  }, 600_000);
});
