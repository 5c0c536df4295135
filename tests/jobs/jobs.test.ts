import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as cleanInbox, KEEP_DAYS } from '../../src/jobs/inbox-cleanup.js';
import { eventId, startTestBot, type TestBot } from '../support/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.close();
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
