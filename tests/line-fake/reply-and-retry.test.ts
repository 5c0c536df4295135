import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { REPLY_TOKEN_TTL_MS, RETRY_KEY_TTL_MS, startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { clients, expectLineError, rawPost, RETRY_KEY, text, USER_A, USER_B } from './helpers.js';

let clock = Date.UTC(2026, 10, 1, 9, 0, 0);
const fake: LineFake = await startLineFake({ now: () => clock });
const { api } = clients(fake);
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('reply tokens', () => {
  it('delivers a reply to the user the token was issued for', async () => {
    const replyToken = fake.issueReplyToken(USER_B);
    const res = await api.replyMessage({ replyToken, messages: [text('รับทราบยอดขายแล้ว')] });

    expect(res.sentMessages).toHaveLength(1);
    expect(fake.sent()).toEqual([{ endpoint: 'reply', to: [USER_B], messages: [text('รับทราบยอดขายแล้ว')] }]);
    expect(fake.messagesTo(USER_A)).toEqual([]);
  });

  it('accepts a token once; the second use answers 400 Invalid reply token and is not sent', async () => {
    const replyToken = fake.issueReplyToken(USER_A);
    await api.replyMessage({ replyToken, messages: [text('ครั้งแรก')] });
    const body = await expectLineError(api.replyMessage({ replyToken, messages: [text('ครั้งที่สอง')] }), 400);

    expect(body).toEqual({ message: 'Invalid reply token' });
    expect(fake.messagesTo(USER_A)).toEqual([text('ครั้งแรก')]);
  });

  it('accepts a token at exactly 60 s but rejects it 1 ms later', async () => {
    const fresh = fake.issueReplyToken(USER_A);
    const stale = fake.issueReplyToken(USER_A);
    clock += REPLY_TOKEN_TTL_MS;
    await api.replyMessage({ replyToken: fresh, messages: [text('ทันเวลา')] });
    clock += 1;

    expect(await expectLineError(api.replyMessage({ replyToken: stale, messages: [text('สาย')] }), 400)).toEqual({ message: 'Invalid reply token' });
    expect(fake.messagesTo(USER_A)).toEqual([text('ทันเวลา')]);
  });

  it('rejects a token the fake never issued', async () => {
    expect(await expectLineError(api.replyMessage({ replyToken: 'f'.repeat(32), messages: [text('x')] }), 400)).toEqual({ message: 'Invalid reply token' });
  });

  it('does not consume the token when the reply is rejected for its messages', async () => {
    const replyToken = fake.issueReplyToken(USER_A);
    await expectLineError(api.replyMessage({ replyToken, messages: [text('ก'.repeat(5001))] }), 400);
    await api.replyMessage({ replyToken, messages: [text('แก้แล้ว')] });

    expect(fake.messagesTo(USER_A)).toEqual([text('แก้แล้ว')]);
  });

  it('rejects X-Line-Retry-Key on reply with 400 and a details entry, leaving the token usable', async () => {
    const replyToken = fake.issueReplyToken(USER_A);
    const res = await rawPost(fake, '/v2/bot/message/reply', { replyToken, messages: [text('x')] }, { 'x-line-retry-key': RETRY_KEY });

    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ property: 'X-Line-Retry-Key' })]);
    expect((await rawPost(fake, '/v2/bot/message/reply', { replyToken, messages: [text('x')] })).status).toBe(200);
  });
});

describe('retry keys', () => {
  it('answers a repeated push key with 409, the accepted request id and the original sentMessages', async () => {
    const first = await api.pushMessageWithHttpInfo({ to: USER_A, messages: [text('เตือนส่งยอด')] }, RETRY_KEY);
    const body = await expectLineError(api.pushMessage({ to: USER_A, messages: [text('เตือนส่งยอด')] }, RETRY_KEY), 409);
    const duplicate = fake.requests[1];

    expect(body).toEqual({ message: 'The retry key is already accepted', sentMessages: first.body.sentMessages });
    expect(first.httpResponse.headers.get('x-line-request-id')).toBe(fake.requests[0]?.id);
    expect(fake.messagesTo(USER_A)).toHaveLength(1);
    expect(duplicate?.status).toBe(409);
    const raw = await rawPost(fake, '/v2/bot/message/push', { to: USER_A, messages: [text('x')] }, { 'x-line-retry-key': RETRY_KEY });
    expect(raw.headers.get('x-line-accepted-request-id')).toBe(fake.requests[0]?.id);
  });

  it('answers a repeated multicast key with 409 and no sentMessages', async () => {
    await api.multicast({ to: [USER_A, USER_B], messages: [text('เตือน')] }, RETRY_KEY);
    const body = await expectLineError(api.multicast({ to: [USER_A, USER_B], messages: [text('เตือน')] }, RETRY_KEY), 409);

    expect(body).toEqual({ message: 'The retry key is already accepted' });
    expect(fake.sent()).toHaveLength(1);
  });

  it('forgets a key after 24 hours, so the same key is sent again', async () => {
    await api.pushMessage({ to: USER_A, messages: [text('วันแรก')] }, RETRY_KEY);
    clock += RETRY_KEY_TTL_MS - 1;
    await expectLineError(api.pushMessage({ to: USER_A, messages: [text('ซ้ำ')] }, RETRY_KEY), 409);
    clock += 1;
    await api.pushMessage({ to: USER_A, messages: [text('วันถัดไป')] }, RETRY_KEY);

    expect(fake.messagesTo(USER_A)).toEqual([text('วันแรก'), text('วันถัดไป')]);
  });

  it('rejects a retry key that is not a UUID with 400 and a details entry', async () => {
    const body = await expectLineError(api.pushMessage({ to: USER_A, messages: [text('x')] }, 'reminder-2026-10-U1'), 400);

    expect(body.details).toEqual([expect.objectContaining({ property: 'X-Line-Retry-Key' })]);
    expect(fake.sent()).toEqual([]);
  });

  it('does not remember the key of a rejected push, so a corrected retry with it is delivered', async () => {
    const key = randomUUID();
    await expectLineError(api.pushMessage({ to: USER_A, messages: [] }, key), 400);
    await api.pushMessage({ to: USER_A, messages: [text('ok')] }, key);

    expect(fake.messagesTo(USER_A)).toEqual([text('ok')]);
  });
});
