// Events that reach us after LINE's reply-token window (20 minutes after they occurred; LINE does not publish how
// long it redelivers): logged, handled like any other, exactly once, and answered by push when the token is void.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/bot/dispatcher.js';
import { createInvite } from '../../src/domain/invites.js';
import { eventId, lineUserId, startTestBot, type TestBot } from '../support/bot.js';
import { testClock } from '../support/people.js';

const clock = testClock('2026-11-02T03:00:00Z');
const warnings: { msg: string; extra?: object }[] = [];
const log: Logger = { info: () => {}, warn: (msg, extra) => warnings.push({ msg, extra }), error: () => {} };
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now, log });
});
afterAll(async () => {
  await bot?.close();
});

const late = () => warnings.filter((w) => w.msg.startsWith('late webhook event'));

describe('events older than the redelivery window', () => {
  it('a code typed three days ago and redelivered now is logged, binds the person once and is answered by push', async () => {
    const user = lineUserId('late-event');
    bot.fake.setProfile(user, { displayName: 'สมปอง' });
    await bot.follow(user); // on time: not logged as late
    bot.take(user);
    expect(late()).toEqual([]);
    const { code } = await bot.services.db.$transaction((tx) =>
      createInvite(tx, null, { role: 'PROVINCE_OFFICER', provinceId: 24 }, new Date(clock.now().getTime() - 4 * 86_400_000)),
    );
    const id = eventId();
    const typed = {
      type: 'message',
      mode: 'active',
      timestamp: clock.now().getTime() - 3 * 86_400_000,
      webhookEventId: id,
      deliveryContext: { isRedelivery: true },
      source: { type: 'user', userId: user },
      replyToken: 'reply-token-void-after-20-minutes', // LINE refuses the token of so old an event
      message: { type: 'text', id: '9', quoteToken: 'q', text: code },
    };

    await bot.send(typed);

    expect(late()).toEqual([
      { msg: 'late webhook event (handled once, like any other)', extra: { event: id, user, ageMinutes: 3 * 24 * 60, redelivery: true } },
    ]);
    expect(bot.take(user)[0]).toContain('ยืนยันตัวตนเรียบร้อย');
    expect(bot.fake.requests.filter((r) => r.endpoint === 'reply' && r.status === 400)).toHaveLength(1);
    expect(await bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: user } })).toMatchObject({ role: 'PROVINCE_OFFICER', provinceId: 24 });

    clock.advance(10 * 60_000);
    await bot.send(typed); // LINE redelivers it once more

    expect(bot.take(user)).toEqual([]);
    expect(late()).toHaveLength(1); // a copy already in the inbox is neither handled nor logged again
    expect(await bot.services.db.auditLog.count({ where: { action: 'invite.redeem', eventId: id } })).toBe(1);
  });
});
