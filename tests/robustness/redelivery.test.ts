import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventId, startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { press } from '../sales-entry/helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let user: string;
let producerId: number;
beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const p = await makeProducer(bot.services.db, { districtId: 2401, categories: ['FOOD'] });
  producerId = p.id;
  user = (await makeUser(bot.services.db, 'redeliver-producer', 'PRODUCER', { producerId: p.id })).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

describe('redelivery in the middle of a conversation', () => {
  it('the same answer redelivered changes nothing twice, and the same confirm tap redelivered submits once', async () => {
    await bot.say(user, 'รายงานยอดขาย');
    await press(bot, user, 'ตุลาคม 2569'); // one category (อาหาร): not asked
    await press(bot, user, 'กรอกทีละช่อง');
    const conv = () => bot.services.db.conversation.findFirstOrThrow({ where: { user: { lineUserId: user } } });

    const answer = bot.event(user, { type: 'message', message: { type: 'text', id: '1', quoteToken: 'q', text: '40000' } }, { id: eventId() });
    await bot.send(answer);
    const after = await conv();
    bot.take(user);
    await bot.send({ ...answer, deliveryContext: { isRedelivery: true } });
    expect(bot.take(user)).toEqual([]); // no second answer
    expect(await conv()).toMatchObject({ revision: after.revision, state: after.state }); // not (3/4)

    for (const t of ['0', '0', '0']) await bot.say(user, t);
    const all = bot.fake.messagesTo(user) as { type: string; contents?: unknown }[];
    const flex = JSON.stringify(all.at(-1));
    const data = /"data":"(1\|se-confirm\|[^"]+)"/.exec(flex)![1]!;
    const tap = bot.event(user, { type: 'postback', postback: { data } }, { id: eventId() });
    await bot.send(tap);
    await bot.send({ ...tap, deliveryContext: { isRedelivery: true } }, { ...tap, deliveryContext: { isRedelivery: true } });
    const rows = await bot.services.db.salesEntry.findMany({ where: { producerId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revision).toBe(1);
    const audits = await bot.services.db.auditLog.findMany({ where: { entityType: 'SalesEntry', entityId: String(rows[0]!.id) } });
    expect(audits).toHaveLength(1);
  });
});
