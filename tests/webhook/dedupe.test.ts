import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventId, lineUserId, startTestBot, type TestBot } from '../support/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.close();
});

describe('each webhookEventId takes effect once', () => {
  it('a redelivered follow event welcomes the person once', async () => {
    const user = lineUserId('redeliver');
    const id = eventId();
    const ev = bot.event(user, { type: 'follow', follow: { isUnblocked: false } }, { id });
    await bot.send(ev);
    await bot.send({ ...ev, deliveryContext: { isRedelivery: true } });
    expect(bot.take(user)).toHaveLength(1);
    const rows = await bot.services.db.webhookEvent.findMany({ where: { id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.processedAt).not.toBeNull();
  });

  it('two copies arriving at the same time have one effect', async () => {
    const user = lineUserId('concurrent');
    const id = eventId();
    const ev = bot.event(user, { type: 'follow', follow: { isUnblocked: false } }, { id });
    const body = { destination: 'U' + '0'.repeat(32), events: [ev] };
    const statuses = await Promise.all(Array.from({ length: 5 }, () => bot.post(body).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await bot.services.dispatcher.idle();
    expect(bot.take(user)).toHaveLength(1);
  });

  it('the same event twice inside one webhook body has one effect', async () => {
    const user = lineUserId('same-body');
    const ev = bot.event(user, { type: 'follow', follow: { isUnblocked: false } });
    await bot.send(ev, ev);
    expect(bot.take(user)).toHaveLength(1);
  });
});

describe('ordering', () => {
  it('one user\u2019s events are handled in the order they occurred, not the order they arrived', async () => {
    const user = lineUserId('order');
    bot.fake.setProfile(user, { displayName: 'สมชาย' });
    const t = Date.now();
    const text = bot.event(user, { type: 'message', message: { type: 'text', id: '1', quoteToken: 'q', text: 'hi' } }, { timestamp: t + 1000 });
    const follow = bot.event(user, { type: 'follow', follow: { isUnblocked: false } }, { timestamp: t });
    await bot.send(text, follow);
    const said = bot.take(user);
    expect(said).toHaveLength(2);
    expect(said[0]).toContain('คุณสมชาย');
    expect(said[0]).toContain('ยินดีต้อนรับ');
    expect(said[1]).toContain('รหัสเชิญ');
  });

  it('unfollow marks the person inactive and sends nothing', async () => {
    const user = lineUserId('unfollow');
    await bot.follow(user);
    bot.take(user);
    await bot.send(bot.event(user, { type: 'unfollow' }));
    const row = await bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: user } });
    expect(row.active).toBe(false);
    expect(bot.take(user)).toHaveLength(0);
  });
});
