import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { press } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let user: string;
beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const p = await makeProducer(bot.services.db, { districtId: 2401, categories: ['FOOD'] });
  user = (await makeUser(bot.services.db, 'expiry-producer', 'PRODUCER', { producerId: p.id })).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

describe('an idle conversation', () => {
  it('is still there after 29 minutes, and expires with a friendly message after 30', async () => {
    await bot.say(user, 'รายงานยอดขาย');
    await press(bot, user, 'ตุลาคม 2569'); // a single category: not asked
    await press(bot, user, 'กรอกทีละช่อง');
    clock.advance(29 * 60_000);
    bot.take(user);
    await bot.say(user, '40000');
    expect(bot.take(user).join('\n')).toContain('(2/4)');

    clock.advance(30 * 60_000 + 1000);
    await bot.say(user, '5000');
    const said = bot.take(user).join('\n');
    expect(said).toContain('หมดเวลา');
    expect(said).not.toContain('(3/4)');
    expect(await bot.services.db.conversation.count({ where: { user: { lineUserId: user } } })).toBe(0);
    expect(await bot.services.db.salesEntry.count()).toBe(0);

    await bot.say(user, 'รายงานยอดขาย'); // a start word after expiry starts afresh
    expect(bot.take(user).join('\n')).toContain('เดือนไหน');
  });

  it('ยกเลิก, เมนู and ช่วยเหลือ work in the middle of a step', async () => {
    await bot.say(user, 'ยกเลิก');
    await bot.say(user, 'รายงานยอดขาย');
    await press(bot, user, 'ตุลาคม 2569');
    bot.take(user);
    await bot.say(user, 'ช่วยเหลือ');
    expect(bot.take(user).join('\n')).toContain('คำที่ใช้ได้ทุกเวลา');
    await bot.say(user, 'เมนู');
    expect(bot.take(user).join('\n')).toContain('ต้องการทำรายการใด');
    expect(await bot.services.db.conversation.count({ where: { user: { lineUserId: user } } })).toBe(0);
    await bot.say(user, 'ยกเลิก');
    expect(bot.take(user).join('\n')).toContain('ไม่มีรายการที่ค้างอยู่');
  });
});
