// Signed but malformed bodies: each event is checked on its own, so a bad event (missing message or postback,
// non-string text or data, impossible timestamps, NUL or lone surrogates in ids and params) is dropped and the good
// events of the same body are still recorded and answered, with 200 (LINE would otherwise redeliver the body
// forever). Bodies over the limit get 413, a body of 1,000 events is handled event by event.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventId, lineUserId, sign, startTestBot, type TestBot } from '../support/bot.js';
import { count, printTallies } from './helpers.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  printTallies();
  await bot?.close();
});

const stored = (id: string) => bot.services.db.webhookEvent.count({ where: { id } });
const text = (user: string, t = 'สวัสดี') => bot.event(user, { type: 'message', message: { type: 'text', id: '1', quoteToken: 'q', text: t } });

/** Malformed events, each built for a user of its own; `null` user = the event has no usable user. */
const MALFORMED: [string, (user: string) => unknown][] = [
  ['message missing', (u) => bot.event(u, { type: 'message' })],
  ['postback missing', (u) => bot.event(u, { type: 'postback' })],
  ['text is a number', (u) => bot.event(u, { type: 'message', message: { type: 'text', id: '1', text: 42 } })],
  ['text is an object', (u) => bot.event(u, { type: 'message', message: { type: 'text', id: '1', text: { a: 1 } } })],
  ['text is null', (u) => bot.event(u, { type: 'message', message: { type: 'text', id: '1', text: null } })],
  ['message is a string', (u) => bot.event(u, { type: 'message', message: 'hi' })],
  ['postback data is a number', (u) => bot.event(u, { type: 'postback', postback: { data: 7 } })],
  ['postback data missing', (u) => bot.event(u, { type: 'postback', postback: {} })],
  ['postback params not strings', (u) => bot.event(u, { type: 'postback', postback: { data: '1|start|flow=my-sales', params: { date: 5 } } })],
  ['timestamp 1e20', (u) => bot.event(u, { type: 'message', message: { type: 'text', id: '1', text: 'x' } }, { timestamp: 1e20 })],
  ['timestamp negative', (u) => bot.event(u, { type: 'message', message: { type: 'text', id: '1', text: 'x' } }, { timestamp: -5 })],
  ['timestamp fractional', (u) => bot.event(u, { type: 'message', message: { type: 'text', id: '1', text: 'x' } }, { timestamp: 1.5 })],
  ['timestamp a string', (u) => ({ ...text(u), timestamp: '2026-11-02' })],
  ['NUL in user id', (u) => ({ ...text(u), source: { type: 'user', userId: `${u.slice(0, 10)}\u0000${u.slice(11)}` } })],
  ['lone surrogate in user id', (u) => ({ ...text(u), source: { type: 'user', userId: `${u.slice(0, 10)}\uD800${u.slice(11)}` } })],
  ['user id of another shape', (u) => ({ ...text(u), source: { type: 'user', userId: u.toUpperCase() + 'x' } })],
  ['user id a number', (u) => ({ ...text(u), source: { type: 'user', userId: 12 } })],
  ['user source without user id', (u) => ({ ...text(u), source: { type: 'user' } })],
  ['source null', (u) => ({ ...text(u), source: null })],
  ['NUL in event id', (u) => ({ ...text(u), webhookEventId: `01H\u0000${eventId().slice(4)}` })],
  ['lone surrogate in event id', (u) => ({ ...text(u), webhookEventId: `01H\uDC00${eventId().slice(4)}` })],
  ['event id too long', (u) => ({ ...text(u), webhookEventId: 'A'.repeat(65) })],
  ['event id a number', (u) => ({ ...text(u), webhookEventId: 12345 })],
  ['event id missing', (u) => ({ ...text(u), webhookEventId: undefined })],
  ['reply token a number', (u) => ({ ...text(u), replyToken: 5 })],
  ['isRedelivery a string', (u) => ({ ...text(u), deliveryContext: { isRedelivery: 'yes' } })],
  ['event null', () => null],
  ['event a string', () => 'event'],
  ['event an array', (u) => [text(u)]],
  ['type missing', (u) => ({ ...text(u), type: undefined })],
];

/** Malformed only in what the bot stores: NUL and lone surrogates in text and postback params are made storable. */
const ODD_BUT_GOOD: [string, (user: string) => Record<string, unknown>][] = [
  ['NUL in text', (u) => text(u, 'ยอด\u0000ขาย')],
  ['lone surrogate in text', (u) => text(u, 'ยอด\uD800ขาย')],
  ['NUL in postback params', (u) => bot.event(u, { type: 'postback', postback: { data: '1|start|flow=my-sales', params: { date: '2026-\u000011-01' } } })],
  ['lone surrogate in postback data', (u) => bot.event(u, { type: 'postback', postback: { data: '1|start|flow=my-sales&x=\uDC00' } })],
];

/** Posts on a connection of its own (no keep-alive reuse racing the server's idle timeout). */
function postOnNewConnection(raw: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${bot.url}/webhook`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-line-signature': sign(raw) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(raw);
  });
}

describe('signed bodies, event by event', () => {
  it.each(MALFORMED)('%s: dropped, while the good events of the same body are recorded and answered (200)', async (_name, make) => {
    const [good1, bad, good2] = [lineUserId(`good1-${_name}`), lineUserId(`bad-${_name}`), lineUserId(`good2-${_name}`)];
    const before = await bot.services.db.webhookEvent.count();
    const first = text(good1);
    const last = text(good2);
    const badEvent = make(bad);
    const res = await bot.post({ destination: 'U' + '0'.repeat(32), events: [first, badEvent, last] });
    await bot.services.dispatcher.idle();
    expect(res.status).toBe(200);
    expect(await stored(first.webhookEventId as string)).toBe(1);
    expect(await stored(last.webhookEventId as string)).toBe(1);
    expect(await bot.services.db.webhookEvent.count()).toBe(before + 2);
    expect(bot.take(good1)).toHaveLength(1);
    expect(bot.take(good2)).toHaveLength(1);
    expect(bot.take(bad)).toEqual([]);
    count('malformed events', { refused: true, changed: (await bot.services.db.webhookEvent.count()) !== before + 2 });
  });

  it.each(ODD_BUT_GOOD)('%s: recorded once and answered in Thai', async (_name, make) => {
    const user = lineUserId(`odd-${_name}`);
    const ev = make(user);
    const res = await bot.post({ events: [ev] });
    await bot.services.dispatcher.idle();
    expect(res.status).toBe(200);
    expect(await stored(ev.webhookEventId as string)).toBe(1);
    const said = bot.take(user);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/[\u0E00-\u0E7F]/);
    count('odd but storable events', { refused: false });
  });

  it('a body whose events is not an array is refused with 400 and stores nothing', async () => {
    const before = await bot.services.db.webhookEvent.count();
    for (const body of [{ events: {} }, { events: 'x' }, {}, [], 'null']) {
      const res = await bot.post(typeof body === 'string' ? body : body);
      expect(res.status).toBe(400);
      count('malformed envelopes', { refused: res.status === 400 });
    }
    expect(await bot.services.db.webhookEvent.count()).toBe(before);
  });

  it.each([5, 50])('a signed body of %i MB is refused with 413 and stores nothing', async (mb) => {
    const before = await bot.services.db.webhookEvent.count();
    const user = lineUserId(`big-${mb}`);
    const raw = JSON.stringify({ destination: 'x'.repeat(mb * 1024 * 1024), events: [text(user)] });
    const res = await postOnNewConnection(raw);
    expect(res.status).toBe(413);
    expect(await bot.services.db.webhookEvent.count()).toBe(before);
    expect(bot.take(user)).toEqual([]);
    count('oversized bodies', { refused: res.status === 413 });
    // The server is still answering.
    const ok = await bot.post({ events: [] });
    expect(ok.status).toBe(200);
  }, 180_000);

  it('1,000 events in one body from 100 people: each recorded once, each person answered once per message, in order', async () => {
    const people = Array.from({ length: 100 }, (_, i) => lineUserId(`crowd-${i}`));
    const base = Date.now();
    const events = Array.from({ length: 1000 }, (_, i) => bot.event(people[i % 100]!, { type: 'message', message: { type: 'text', id: String(i), quoteToken: 'q', text: 'ช่วยเหลือ' } }, { timestamp: base + i }));
    const before = await bot.services.db.webhookEvent.count();
    const res = await bot.post({ events });
    expect(res.status).toBe(200);
    await bot.services.dispatcher.idle();
    expect(await bot.services.db.webhookEvent.count()).toBe(before + 1000);
    for (const p of people) expect(bot.take(p)).toHaveLength(10);
    count('1,000 events in one body', { refused: false });
  }, 240_000);
});
