// A long typed command gets an answer: nothing the bot says echoes unbounded input, so every input up to LINE's
// 5,000-character maximum is answered at the district review's steps (the robustness fuzzers send the same long
// inputs at every step of every conversation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { addEntries, everything, press } from '../province/helpers.js';
import { LONG_INPUTS } from '../robustness/fuzz-strings.js';
import { count, printTallies, snapshot } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let officer = '';

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const o = await makeUser(bot.services.db, 'long-amphoe', 'DISTRICT_OFFICER', { districtId: 2401 });
  officer = o.lineUserId;
  await addEntries(bot.services.db, { districtId: 2401, statuses: ['SUBMITTED', 'SUBMITTED', 'DISTRICT_CONFIRMED'], by: o.user.id });
});
afterAll(async () => {
  printTallies();
  await bot?.close();
});

describe('long typed commands', () => {
  it.each(LONG_INPUTS.map((t) => [t.slice(0, 24), t] as const))('"%s…" (up to 5,000 characters) is answered in the district review and changes nothing', async (_label, input) => {
    expect(input.length).toBeLessThanOrEqual(5000);
    await bot.say(officer, 'ตรวจสอบ/ยืนยัน');
    await press(bot, officer, 'ตุลาคม 2569', '', 1);
    expect(everything(bot, officer, 2)).toContain('รายการ'); // the month's overview, where commands are typed
    bot.take(officer);
    const before = await snapshot(bot.services.db);
    await bot.say(officer, input);
    const said = bot.take(officer);
    expect(said.length).toBeGreaterThan(0);
    expect(said.join('\n')).not.toContain('เกิดข้อผิดพลาดในระบบ');
    for (const t of said) expect(t.length).toBeLessThanOrEqual(5000);
    expect(await snapshot(bot.services.db)).toBe(before);
    expect(bot.fake.rejected()).toEqual([]);
    count('long inputs', { refused: said.length > 0 });
    await bot.say(officer, 'ยกเลิก');
  });
});
