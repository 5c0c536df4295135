// What the simulator posts to /webhook is what LINE would post: a body signed with the channel secret that the
// bot's own webhook parser accepts, for every kind of thing a person can do in the page; bad page input is refused.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../src/line/webhook.js';
import { PersonAction, signedWebhook } from '../../src/dev/simulator/webhook-event.js';
import { encodePostback } from '../../src/line/postback-codec.js';

const SECRET = 'simulator-test-secret';
const USER = 'U' + 'a'.repeat(32);

const parse = (action: unknown) => {
  const { body, signature } = signedWebhook(PersonAction.parse(action), USER, 'reply-token-1', SECRET);
  return { body, result: parseWebhook(Buffer.from(body), signature, SECRET) };
};

describe('simulator webhook events', () => {
  it.each([
    ['typed text', { type: 'text', text: 'รายงานยอดขาย' }, { type: 'text', text: 'รายงานยอดขาย' }],
    ['a button or quick-reply postback', { type: 'postback', data: encodePostback({ action: 'menu', params: {} }) }, { type: 'postback' }],
    ['a date picked', { type: 'postback', data: encodePostback({ action: 'menu', params: {} }), params: { date: '2026-11-30' } }, { type: 'postback', params: { date: '2026-11-30' } }],
    ['adding the bot as a friend', { type: 'follow' }, { type: 'follow' }],
  ])('%s is signed as LINE signs it and accepted by the bot’s webhook parser', (_name, action, expected) => {
    const { result } = parse(action);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ ...expected, lineUserId: USER, replyToken: 'reply-token-1' });
  });

  it('a body signed with another secret is refused by the webhook', () => {
    const { body, signature } = signedWebhook({ type: 'text', text: 'x' }, USER, 't', 'other-secret');
    expect(parseWebhook(Buffer.from(body), signature, SECRET)).toMatchObject({ ok: false, status: 401 });
  });

  it('the page cannot send empty text, overlong postback data or a malformed date', () => {
    expect(PersonAction.safeParse({ type: 'text', text: '  ' }).success).toBe(false);
    expect(PersonAction.safeParse({ type: 'postback', data: 'x'.repeat(301) }).success).toBe(false);
    expect(PersonAction.safeParse({ type: 'postback', data: 'x', params: { date: '30/11/2026' } }).success).toBe(false);
    expect(PersonAction.safeParse({ type: 'unfollow' }).success).toBe(false);
  });
});
