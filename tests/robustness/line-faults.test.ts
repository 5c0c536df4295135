// No answer lost to LINE faults: LINE answering 500 or 429 for a while, reply tokens refused, a slow LINE, and the
// bot killed (kill -9) after an answer was committed but before LINE got it. Every answer arrives exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { lineUserId, startTestBot, TEST_TOKEN, type TestBot } from '../support/bot.js';
import { startChildBot, textEvent, until, type ChildBot } from '../support/child-bot.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startLineGate, type LineGate } from '../support/line-gate.js';

const sendsTo = (fake: LineFake, user: string) => fake.sent().filter((s) => s.to.includes(user));

describe('LINE failing for a while (in-process bot)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot?.close());
  const allSent = async () => (await bot.services.db.outboundMessage.count({ where: { status: { not: 'SENT' } } })) === 0;

  it('reply 500 then push 500 three times: the answer arrives once, pushed with one retry key', async () => {
    const ref = lineUserId('faults-ref');
    await bot.say(ref, 'สวัสดี');
    const expected = bot.take(ref);
    expect(expected.length).toBeGreaterThan(0);

    const user = lineUserId('faults-500');
    bot.fake.failNext('reply', 500, 1);
    bot.fake.failNext('push', 500, 3);
    await bot.say(user, 'สวัสดี');
    await until('delivered', allSent);
    expect(bot.take(user)).toEqual(expected);
    const sends = sendsTo(bot.fake, user);
    expect(sends).toHaveLength(1);
    const keys = bot.fake.requests.filter((r) => r.endpoint === 'push' && (r.body as { to?: string } | undefined)?.to === user).map((r) => r.headers['x-line-retry-key']);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  }, 60_000);

  it('a 429 window on replies and pushes: five people each get their answer once', async () => {
    const users = Array.from({ length: 5 }, (_, i) => lineUserId(`faults-429-${i}`));
    bot.fake.failNext('reply', 429, 5);
    bot.fake.failNext('push', 429, 4);
    await bot.send(...users.map((u) => bot.event(u, { type: 'message', message: { type: 'text', id: '1', quoteToken: 'q', text: 'สวัสดี' } })));
    await until('delivered', allSent);
    for (const u of users) expect(sendsTo(bot.fake, u)).toHaveLength(1);
  }, 60_000);

  it('a reply token LINE refuses (never issued, or already used): the answer is pushed once', async () => {
    const user = lineUserId('faults-token');
    const ev = bot.event(user, { type: 'message', message: { type: 'text', id: '1', quoteToken: 'q', text: 'สวัสดี' } });
    ev.replyToken = 'f'.repeat(32);
    await bot.send(ev);
    await until('delivered', allSent);
    expect(sendsTo(bot.fake, user).map((s) => s.endpoint)).toEqual(['push']);
  }, 60_000);
});

describe('the bot process against a gated LINE', () => {
  let fake: LineFake;
  let gate: LineGate;
  let database: TestDatabase;
  let child: ChildBot | null = null;
  beforeAll(async () => {
    fake = await startLineFake({ channelAccessToken: TEST_TOKEN });
    gate = await startLineGate(fake.url);
    database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await child?.kill();
    await gate?.stop();
    await fake?.close();
    await database?.drop();
  });
  const processed = (ids: string[]) => database.db.webhookEvent.count({ where: { id: { in: ids }, processedAt: { not: null } } });

  it('a LINE that does not answer stalls no one: 24 people’s events all take effect before LINE answers the first', async () => {
    child = await startChildBot({ databaseUrl: database.url, lineUrl: gate.url, extra: { LINE_TIMEOUT_MS: '60000' } });
    gate.close();
    const users = Array.from({ length: 24 }, (_, i) => lineUserId(`slow-${i}`));
    const events = users.map((u) => textEvent(u, 'สวัสดี', fake.issueReplyToken(u)));
    for (const ev of events) expect(await child.post([ev])).toBe(200);
    await until('all 24 handled while LINE holds every call', async () => (await processed(events.map((e) => e.webhookEventId))) === 24);
    expect(fake.sent()).toHaveLength(0);
    gate.open();
    await until('all answered', () => users.every((u) => sendsTo(fake, u).length >= 1));
    for (const u of users) expect(sendsTo(fake, u).map((s) => s.endpoint)).toEqual(['reply']);
  }, 120_000);

  it('kill -9 after the answer was committed, before LINE got it: after restart the answer arrives once', async () => {
    const user = lineUserId('killed-before-reply');
    await child?.kill('SIGTERM');
    child = await startChildBot({ databaseUrl: database.url, lineUrl: gate.url }); // default LINE timeout and lease
    gate.close();
    const ev = textEvent(user, 'สวัสดี', fake.issueReplyToken(user));
    expect(await child!.post([ev])).toBe(200);
    await until('committed and LINE call in flight', async () => (await processed([ev.webhookEventId])) === 1 && gate.held() > 0);
    await child!.kill('SIGKILL');
    gate.dropHeld();
    gate.open();
    expect(sendsTo(fake, user)).toHaveLength(0);
    child = await startChildBot({ databaseUrl: database.url, lineUrl: gate.url });
    await until('answered after restart', () => sendsTo(fake, user).length > 0, 900);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sendsTo(fake, user)).toHaveLength(1);
    await until('marked sent', async () => (await database.db.outboundMessage.count({ where: { status: { not: 'SENT' } } })) === 0);
  }, 180_000);
});
