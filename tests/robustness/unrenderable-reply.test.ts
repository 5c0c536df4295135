// A reply whose rendering for LINE throws (a bug: a text over 5,000 characters, an empty list card) must still get
// the person an answer: the failure answer with a reference that is also logged, and the event's effects rolled
// back. Before, such a reply was queued, failed to render at every try for a day, and the person heard nothing.
// A faulty conversation module is put into the real app; signed webhooks, the LINE fake, a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { card, text } from '../../src/bot/reply.js';
import { next } from '../../src/bot/flow.js';
import type { BotModule } from '../../src/conversations/module.js';
import { uuidFromKey } from '../../src/bot/outbox.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';

const clock = testClock('2026-11-02T03:00:00Z');
const errors: { msg: string; extra?: Record<string, unknown> }[] = [];
const log = { info() {}, warn() {}, error: (msg: string, extra?: object) => void errors.push({ msg, extra: extra as Record<string, unknown> }) };
let bot: TestBot;
let officer: string;
let other: string;

/** Starts, saving its state (an effect to roll back), and answers with what LINE could never be sent. */
const faulty: BotModule = {
  flows: [
    {
      name: 'faulty-test',
      version: 1,
      schema: z.object({ step: z.literal('started') }),
      async start(ctx, args) {
        if (args.kind === 'push') {
          await ctx.push(other, [card({ kind: 'list', altText: 'ว่าง', title: 'ว่าง', items: [] })], `faulty:${ctx.event.id}`);
          return next({ step: 'started' as const }, text('แจ้งแล้ว'));
        }
        return next({ step: 'started' as const }, text('ยาว'.repeat(3000)));
      },
      async advance() {
        return next({ step: 'started' as const }, text('ต่อ'));
      },
    },
  ],
  startWords: { ทดสอบข้อความยาว: { flow: 'faulty-test' }, ทดสอบแจ้งการ์ดว่าง: { flow: 'faulty-test', args: { kind: 'push' } } },
};

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now, log, modules: [faulty] });
  officer = (await makeUser(bot.services.db, 'unrenderable-officer', 'DISTRICT_OFFICER', { districtId: 2401 })).lineUserId;
  other = (await makeUser(bot.services.db, 'unrenderable-other', 'DISTRICT_OFFICER', { districtId: 2402 })).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

const FAILURE = /^ขออภัย เกิดข้อผิดพลาดในระบบ \(รหัสอ้างอิง ([0-9A-Za-z]{8})\) กรุณาลองใหม่อีกครั้ง/;

describe('a reply that cannot be rendered still gets an answer', () => {
  it('a text over LINE’s 5,000 characters: the failure answer with a logged reference, and nothing of the event kept', async () => {
    errors.length = 0;
    await bot.say(officer, 'ทดสอบข้อความยาว');
    const said = bot.take(officer);
    expect(said).toHaveLength(1);
    const ref = said[0]!.match(FAILURE)?.[1];
    expect(ref).toBeDefined();
    const logged = errors.find((e) => e.extra?.ref === ref);
    expect(String(logged?.extra?.err)).toContain('reply cannot be rendered: text message is 9000 UTF-16 units');
    const user = await bot.services.db.user.findFirstOrThrow({ where: { lineUserId: officer } });
    expect(await bot.services.db.conversation.count({ where: { userId: user.id } })).toBe(0); // rolled back
    expect(await bot.services.db.outboundMessage.count({ where: { status: 'PENDING' } })).toBe(0); // nothing left retrying
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a push to someone else that cannot be rendered: the sender gets the failure answer, the other person nothing half-made', async () => {
    errors.length = 0;
    await bot.say(officer, 'ทดสอบแจ้งการ์ดว่าง');
    const said = bot.take(officer);
    expect(said[0]).toMatch(FAILURE);
    expect(said.join('\n')).not.toContain('แจ้งแล้ว');
    expect(bot.take(other)).toEqual([]);
    expect(errors.some((e) => String(e.extra?.err).includes('a list card needs at least one item'))).toBe(true);
  });

  it('an answer already queued that cannot be rendered (an older version queued it) fails for good at once and its person gets the failure answer', async () => {
    errors.length = 0;
    const key = 'old-version-answer';
    await bot.services.db.$executeRaw`
      INSERT INTO "OutboundMessage" ("retryKey", "kind", "recipients", "messages", "nextAttemptAt")
      VALUES (${uuidFromKey(key)}::uuid, 'reply', ${[officer]}::text[], ${JSON.stringify([text('')])}::jsonb, now())`;
    const before = bot.fake.messagesTo(officer).length;
    // the courier polls the outbox every second
    await vi.waitFor(() => expect(bot.fake.messagesTo(officer).length).toBeGreaterThan(before), { timeout: 10_000, interval: 200 });
    await bot.services.dispatcher.idle();
    const said = bot.take(officer);
    expect(said).toHaveLength(1);
    const ref = said[0]!.match(FAILURE)?.[1];
    expect(ref).toBe(uuidFromKey(key).slice(0, 8));
    const row = await bot.services.db.outboundMessage.findFirstOrThrow({ where: { retryKey: uuidFromKey(key) } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.lastError).toContain('reply cannot be rendered: text message must not be empty');
    expect(errors.some((e) => e.extra?.ref === ref)).toBe(true);
  });
});
