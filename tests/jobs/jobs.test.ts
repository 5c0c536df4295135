import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as retryOutbox } from '../../src/jobs/outbox-retry.js';
import { run as cleanInbox, KEEP_DAYS } from '../../src/jobs/inbox-cleanup.js';
import { queuePush } from '../../src/bot/outbox.js';
import { text } from '../../src/bot/reply.js';
import { eventId, lineUserId, startTestBot, type TestBot } from '../support/bot.js';

let bot: TestBot;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.close();
});

describe('outbox retry job', () => {
  it('a push LINE refused with 500 stays pending, is re-sent once by the job with the same retry key, and a repeat is a no-op', async () => {
    const db = bot.services.db;
    const to = lineUserId('outbox-target');
    const id = (await db.$transaction((tx) => queuePush(tx, to, [text('ผู้ผลิตแก้ไขรายการแล้ว')], 'test:outbox:1')))!;
    expect(await db.$transaction((tx) => queuePush(tx, to, [text('ซ้ำ')], 'test:outbox:1'))).toBeNull(); // same key: queued once

    bot.fake.failNext('push', 500);
    await db.outboundMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    expect(await retryOutbox({ db, line: bot.services.line, log: quiet }, new Date())).toEqual({ sent: 0, failed: 1 });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(bot.fake.messagesTo(to)).toEqual([]);

    expect(await retryOutbox({ db, line: bot.services.line, log: quiet }, new Date())).toEqual({ sent: 1, failed: 0 });
    const row = await db.outboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(bot.fake.messagesTo(to)).toEqual([expect.objectContaining({ type: 'text', text: 'ผู้ผลิตแก้ไขรายการแล้ว' })]);

    // a crash between LINE accepting and the row being marked: LINE answers 409 to the same key, counted as sent
    await db.outboundMessage.update({ where: { id }, data: { status: 'PENDING' } });
    expect(await retryOutbox({ db, line: bot.services.line, log: quiet }, new Date())).toEqual({ sent: 1, failed: 0 });
    expect(bot.fake.messagesTo(to)).toHaveLength(1);
    const keys = bot.fake.requests.filter((r) => r.endpoint === 'push').map((r) => r.headers['x-line-retry-key']);
    expect(new Set(keys)).toEqual(new Set([row.retryKey]));
  });

  it('a recent pending push is left to the sender that queued it', async () => {
    const db = bot.services.db;
    const id = (await db.$transaction((tx) => queuePush(tx, lineUserId('fresh'), [text('x')], 'test:outbox:2')))!;
    await retryOutbox({ db, line: bot.services.line, log: quiet }, new Date());
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');
  });
});

describe('inbox cleanup job', () => {
  it(`deletes processed events older than ${KEEP_DAYS} days and keeps recent or unprocessed ones`, async () => {
    const db = bot.services.db;
    const now = new Date('2026-11-21T00:00:00Z');
    const old = new Date(now.getTime() - (KEEP_DAYS + 1) * 86_400_000);
    const recent = new Date(now.getTime() - 86_400_000);
    const mk = (processedAt: Date | null) =>
      db.webhookEvent.create({ data: { id: eventId(), lineUserId: 'U1', occurredAt: old, payload: {}, processedAt } });
    const [a, b, c] = [await mk(old), await mk(recent), await mk(null)];
    const r = await cleanInbox({ db }, now);
    expect(r.deleted).toBeGreaterThanOrEqual(1);
    const left = await db.webhookEvent.findMany({ where: { id: { in: [a.id, b.id, c.id] } } });
    expect(left.map((x) => x.id).sort()).toEqual([b.id, c.id].sort());
  });
});
