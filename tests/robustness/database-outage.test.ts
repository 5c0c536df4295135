// The bot as a separate process while its database drops every connection mid-traffic
// (pg_terminate_backend), refuses connections for a while, and is gone when SIGTERM comes: the process never
// dies of it, the webhook answers 500 while events cannot be recorded (LINE redelivers), /readyz says 503, and
// every event takes effect once with one answer once the database is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { lineUserId, TEST_TOKEN } from '../support/bot.js';
import { startChildBot, textEvent, until, type ChildBot } from '../support/child-bot.js';
import { adminQuery, createTestDatabase, type TestDatabase } from '../support/db.js';

let fake: LineFake;
let database: TestDatabase;
let bot: ChildBot | null = null;
const name = () => new URL(database.url).pathname.slice(1);
const terminateAll = () =>
  adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name()}' AND pid <> pg_backend_pid()`);
const ready = async () => (await fetch(`http://127.0.0.1:${bot!.port}/readyz`)).status;

beforeAll(async () => {
  fake = await startLineFake({ channelAccessToken: TEST_TOKEN });
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await bot?.kill();
  await adminQuery(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS true`).catch(() => {});
  await fake?.close();
  await database?.drop();
});

/** Events processed, answers sent, and LINE's accepted sends, per event: each must be exactly 1. */
async function ledger(ids: string[]) {
  const events = await database.db.webhookEvent.findMany({ where: { id: { in: ids } } });
  const outbox = await database.db.outboundMessage.findMany();
  return {
    unprocessed: events.filter((e) => !e.processedAt).length,
    recorded: events.length,
    answersPending: outbox.filter((o) => o.status !== 'SENT').length,
    answers: outbox.length,
    accepted: fake.sent().length,
  };
}

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && bot) console.error(`bot output:\n${bot.output().slice(-4000)}`);
});

describe('database outages', () => {
  it('connections terminated mid-traffic: the process stays up, every event is handled once and answered once', async () => {
    bot = await startChildBot({ databaseUrl: database.url, lineUrl: fake.url });
    const users = Array.from({ length: 6 }, (_, i) => lineUserId(`outage-${i}`));
    const ids: string[] = [];
    for (let round = 0; round < 8; round++) {
      const events = users.map((u) => textEvent(u, 'สวัสดี', fake.issueReplyToken(u)));
      // LINE redelivers a body answered with an error: so does this test, until it is accepted
      const posting = (async () => {
        for (let i = 0; (await bot!.post(events)) !== 200; i++) {
          if (i > 50) throw new Error('webhook kept failing');
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      if (round % 2 === 0) await terminateAll();
      await posting;
      ids.push(...events.map((e) => e.webhookEventId));
    }
    await until('all handled and answered', async () => {
      const l = await ledger(ids);
      return l.unprocessed === 0 && l.answersPending === 0 && l.accepted >= ids.length;
    });
    expect(await ledger(ids)).toEqual({ unprocessed: 0, recorded: ids.length, answersPending: 0, answers: ids.length, accepted: ids.length });
    expect(bot.process.exitCode).toBeNull();
    expect(await ready()).toBe(200);
    expect(bot.output()).not.toMatch(/Unhandled 'error' event|already executing a query/);
  }, 120_000);

  it('database refusing connections: webhook 500 and /readyz 503; back: the same body is accepted and handled once', async () => {
    const user = lineUserId('outage-later');
    const before = fake.sent().length;
    await adminQuery(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS false`);
    await terminateAll();
    const ev = textEvent(user, 'สวัสดี', fake.issueReplyToken(user));
    expect(await bot!.post([ev])).toBe(500);
    expect(await ready()).toBe(503);
    await adminQuery(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS true`);
    await until('webhook accepts again', async () => (await bot!.post([ev])) === 200);
    expect(await bot!.post([ev])).toBe(200); // a redelivery of the same event: recorded once
    await until('answered', () => fake.sent().length > before);
    await until('readyz 200', async () => (await ready()) === 200);
    expect(await ledger([ev.webhookEventId])).toMatchObject({ unprocessed: 0, recorded: 1 });
    expect(fake.messagesTo(user)).toHaveLength(fake.sent().filter((s) => s.to.includes(user)).length);
    expect(fake.sent().filter((s) => s.to.includes(user))).toHaveLength(1);
    expect(bot!.process.exitCode).toBeNull();
  }, 60_000);

  it('SIGTERM while the database refuses connections: exits 0 without an unhandled error', async () => {
    await adminQuery(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS false`);
    await terminateAll();
    const code = await bot!.kill('SIGTERM');
    bot = null;
    await adminQuery(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS true`);
    expect(code).toBe(0);
  }, 60_000);
});
