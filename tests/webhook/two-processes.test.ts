// Two bot processes (src/main.ts, as `npm start` runs it) on one PostgreSQL, one LINE fake, and a burst of real
// conversations split between them, about one event in ten delivered to both (LINE redelivering the same
// webhookEventId): every event takes effect once, each person's events in the order they occurred, and every answer
// reaches LINE once. Waits for conditions, never for time: the burst takes as long as the machine needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidFromKey } from '../../src/bot/outbox.js';
import { startLineFake, type LineFake, type RecordedRequest } from '../../src/dev/line-fake/index.js';
import { monthStart } from '../../src/domain/fiscal-period.js';
import { TEST_TOKEN } from '../support/bot.js';
import { startChildBot, until, type ChildBot } from '../support/child-bot.js';
import { seedBurst, sendBurst, type Burst, type BurstEvent } from '../support/conversation-burst.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const USERS = 200; // ten steps each: 2,000 events
let fake: LineFake;
let database: TestDatabase;
let burst: Burst;
const bots: ChildBot[] = [];

beforeAll(async () => {
  fake = await startLineFake({ channelAccessToken: TEST_TOKEN });
  database = await createTestDatabase();
  burst = await seedBurst(database.db, USERS);
  // one after the other: both would otherwise run the migrations check and the seed at the same instant on a slow CI
  for (let i = 0; i < 2; i++) bots.push(await startChildBot({ databaseUrl: database.url, lineUrl: fake.url }));
}, 240_000);
afterAll(async () => {
  await Promise.all(bots.map((b) => b.kill('SIGTERM')));
  await fake?.close();
  await database?.drop();
});

const textOf = (r: RecordedRequest) =>
  (r.messages as { text?: string; altText?: string }[]).map((m) => m.text ?? m.altText ?? '').join('\n');

describe('two processes on one PostgreSQL', () => {
  it('2,000 events of 200 people split between two processes, one in ten delivered to both: each takes effect once, in order, answered once', async () => {
    const db = database.db;
    const sent = await sendBurst(burst, bots.map((b) => `http://127.0.0.1:${b.port}/webhook`), {
      issueToken: (user) => fake.issueReplyToken(user), redeliver: 0.1, concurrency: 32,
    });
    expect(sent.events).toHaveLength(burst.events);
    expect(sent.posts).toBeGreaterThan(burst.events * 1.05); // the redelivered copies were really sent

    const logs = () => bots.map((b, i) => `--- bot ${i + 1}\n${b.output()}`).join('\n');
    const waitFor = (what: string, check: () => Promise<boolean>) =>
      until(what, check, 6000).catch((err: Error) => {
        throw new Error(`${err.message}\n${logs()}`);
      });
    await waitFor('every event handled', async () => (await db.webhookEvent.count({ where: { processedAt: null } })) === 0);
    await waitFor('every answer sent', async () => (await db.outboundMessage.count({ where: { status: { not: 'SENT' } } })) === 0);

    // every event recorded once, claimed once, without error
    const rows = await db.webhookEvent.findMany({ orderBy: { processedAt: 'asc' } });
    expect(rows).toHaveLength(burst.events);
    expect(rows.filter((r) => r.attempts !== 1 || r.lastError !== null)).toEqual([]);

    // each person's events took effect in the order they occurred
    const handled = new Map<string, string[]>();
    for (const r of rows) handled.set(r.lineUserId!, [...(handled.get(r.lineUserId!) ?? []), r.id]);
    const byPerson = new Map<string, BurstEvent[]>();
    for (const e of sent.events) byPerson.set(e.person.lineUserId, [...(byPerson.get(e.person.lineUserId) ?? []), e]);
    for (const [user, events] of byPerson) expect(handled.get(user)).toEqual(events.sort((a, b) => a.step - b.step).map((e) => e.id));

    // every answer reached LINE once, as a reply or (token too old) as a push with the answer's retry key, and says
    // what that step says
    const accepted = fake.requests.filter((r) => r.status === 200 && (r.endpoint === 'reply' || r.endpoint === 'push'));
    const answers = new Map<string, RecordedRequest[]>();
    const add = (key: string, r: RecordedRequest) => answers.set(key, [...(answers.get(key) ?? []), r]);
    for (const r of accepted) {
      if (r.endpoint === 'reply') add(`reply:${(r.body as { replyToken: string }).replyToken}`, r);
      else add(`push:${r.headers['x-line-retry-key']}`, r);
    }
    const wrong: string[] = [];
    for (const e of sent.events) {
      const got = [...(answers.get(`reply:${e.replyToken}`) ?? []), ...(answers.get(`push:${uuidFromKey(`${e.id}:reply:0`)}`) ?? [])];
      const step = e.person.steps[e.step]!;
      if (got.length !== 1 || !textOf(got[0]!).includes(step.expect)) {
        wrong.push(`${e.person.role} step ${e.step} "${step.text}": ${got.length} answers ${JSON.stringify(got.map(textOf))}, expected one with "${step.expect}"`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(accepted).toHaveLength(burst.events); // nothing else was sent either
    // a reply LINE refused (its token had expired on a busy machine) went out as a push: counted above
    expect(fake.rejected().filter((r) => r.endpoint !== 'reply')).toEqual([]);

    // the rows: one sales entry per producer with its typed amounts, submitted once by its "ยืนยัน" event; each
    // officer's three entries confirmed once by theirs; no conversation left open
    const idOf = (e: BurstEvent) => e.id;
    const eventOf = (user: string, step: number) => idOf(byPerson.get(user)!.find((e) => e.step === step)!);
    const month = monthStart(burst.month);
    const audits = await db.auditLog.findMany({ where: { action: { in: ['sales.submit', 'sales.district-confirm'] } } });
    for (const p of burst.people) {
      if (p.role === 'PRODUCER') {
        const entries = await db.salesEntry.findMany({ where: { producerId: p.producerId! } });
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({ month, category: 'FOOD', ...p.amounts, exportOffline: 0n, exportOnline: 0n, status: 'SUBMITTED', revision: 1 });
        const submits = audits.filter((a) => a.action === 'sales.submit' && a.entityId === String(entries[0]!.id));
        expect(submits.map((a) => a.eventId)).toEqual([eventOf(p.lineUserId, 7)]);
      } else {
        const entries = await db.salesEntry.findMany({ where: { id: { in: p.entryIds! } } });
        expect(entries.map((e) => [e.status, e.revision])).toEqual(p.entryIds!.map(() => ['DISTRICT_CONFIRMED', 2]));
        const confirms = audits.filter((a) => a.action === 'sales.district-confirm' && p.entryIds!.map(String).includes(a.entityId));
        expect(confirms.map((a) => a.eventId)).toEqual(p.entryIds!.map(() => eventOf(p.lineUserId, 4)));
      }
    }
    expect(audits).toHaveLength(burst.people.reduce((n, p) => n + (p.role === 'PRODUCER' ? 1 : p.entryIds!.length), 0));
    expect(await db.conversation.count()).toBe(0);
    for (const b of bots) expect(b.output()).not.toMatch(/event failed|dispatch failed|outbox delivery failed/);
  }, 900_000);
});
