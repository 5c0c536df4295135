// The bot as a separate process on a test database, killed with SIGKILL in the middle of a conversation and
// started again: the person continues at the same step, and an event that was accepted but never handled is
// handled at the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { eventId, lineUserId, TEST_SECRET, TEST_TOKEN } from '../support/bot.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeProducer, makeUser } from '../support/people.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let fake: LineFake;
let database: TestDatabase;
let child: ChildProcess | null = null;
let port = 0;

async function startBot(): Promise<void> {
  port = 20000 + Math.floor(Math.random() * 20000);
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, LINE_CHANNEL_SECRET: TEST_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TEST_TOKEN, LINE_API_BASE_URL: fake.url,
      LINE_DATA_API_BASE_URL: fake.url, DATABASE_URL: database.url, PORT: String(port), CRON: 'off', DEMO_DATA: 'no', LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  for (let i = 0; i < 900 && !out.includes('listening on'); i++) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes('listening on')) throw new Error(`bot did not start:\n${out}`);
}

async function kill(): Promise<void> {
  const c = child!;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await exited;
  child = null;
}

async function say(user: string, text: string, id = eventId()): Promise<number> {
  const body = JSON.stringify({
    destination: 'U' + '0'.repeat(32),
    events: [{ type: 'message', mode: 'active', timestamp: Date.now(), webhookEventId: id, deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: user }, replyToken: fake.issueReplyToken(user), message: { type: 'text', id: '1', quoteToken: 'q', text } }],
  });
  const res = await fetch(`http://127.0.0.1:${port}/webhook`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', TEST_SECRET).update(body).digest('base64') }, body,
  });
  return res.status;
}

/** Waits until the bot has sent the user more than `count` messages; returns the new texts. */
async function answer(user: string, count: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const all = fake.messagesTo(user) as { text?: string; altText?: string }[];
    if (all.length > count) {
      await new Promise((r) => setTimeout(r, 150));
      return (fake.messagesTo(user) as { text?: string; altText?: string }[]).slice(count).map((m) => m.text ?? m.altText).join('\n');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no answer');
}

async function exchange(user: string, text: string): Promise<string> {
  const before = fake.messagesTo(user).length;
  expect(await say(user, text)).toBe(200);
  return answer(user, before);
}

const user = lineUserId('restart-producer');
beforeAll(async () => {
  fake = await startLineFake({ channelAccessToken: TEST_TOKEN });
  database = await createTestDatabase();
  const p = await makeProducer(database.db, { districtId: 2401, categories: ['FOOD', 'DRINK'] }); // two: the category is asked
  await makeUser(database.db, 'restart-producer', 'PRODUCER', { producerId: p.id });
}, 60_000);
afterAll(async () => {
  if (child) await kill();
  await fake?.close();
  await database?.drop();
});

describe('a killed bot resumes where the person was', () => {
  it('SIGKILL mid-conversation: after restart the same question continues; an accepted but unhandled event is handled at start', async () => {
    await startBot();
    expect(await exchange(user, 'รายงานยอดขาย')).toContain('เดือนไหน');
    const month = (await database.db.conversation.findFirstOrThrow()).state as { months: string[] };
    expect(await exchange(user, month.months[0]!.slice(5) === '10' ? 'ตุลาคม' : month.months[0]!)).toContain('ประเภทไหน');
    expect(await exchange(user, 'อาหาร')).toContain('กรอกทีละช่อง');
    expect(await exchange(user, '1 ล้าน')).toContain('(2/4)');

    await kill();
    await startBot();
    expect(await exchange(user, '๕๐,๐๐๐')).toContain('(3/4)'); // same conversation, next question

    // accepted by a process that died before handling it: only the inbox row exists
    await kill();
    const lost = {
      id: eventId(), type: 'text', text: '0', lineUserId: user, replyToken: null, redelivery: false, occurredAt: new Date().toISOString(),
    };
    await database.db.webhookEvent.create({ data: { id: lost.id, lineUserId: user, occurredAt: new Date(), payload: lost } });
    const before = fake.messagesTo(user).length;
    await startBot();
    expect(await answer(user, before)).toContain('(4/4)');
    const row = await database.db.webhookEvent.findUniqueOrThrow({ where: { id: lost.id } });
    expect(row.processedAt).not.toBeNull();
    expect(fake.rejected()).toEqual([]);
  }, 120_000);
});
