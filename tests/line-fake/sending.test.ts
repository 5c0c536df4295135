import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { clients, expectLineError, flex, quickReplyItems, salesBubble, text, USER_A, USER_B } from './helpers.js';

const fake: LineFake = await startLineFake({ channelAccessToken: 'test-channel-access-token' });
const { api } = clients(fake);
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('accepted sends', () => {
  it('records a pushed Thai text message as sent to that user and answers sentMessages with ids and quote tokens', async () => {
    const res = await api.pushMessage({ to: USER_A, messages: [text('สวัสดีครับ กรุณารายงานยอดขาย')] });

    expect(res.sentMessages).toHaveLength(1);
    expect(res.sentMessages[0]?.id).toMatch(/^\d{18}$/);
    expect(res.sentMessages[0]?.quoteToken).toBeTruthy();
    expect(fake.sent()).toEqual([{ endpoint: 'push', to: [USER_A], messages: [text('สวัสดีครับ กรุณารายงานยอดขาย')] }]);
    expect(fake.messagesTo(USER_A)).toEqual([text('สวัสดีครับ กรุณารายงานยอดขาย')]);
    expect(fake.messagesTo(USER_B)).toEqual([]);
    expect(fake.rejected()).toEqual([]);
  });

  it('accepts a flex bubble with postback buttons plus a text carrying 13 quick-reply buttons', async () => {
    const messages = [flex(salesBubble()), { ...text('เลือกเดือน'), quickReply: { items: quickReplyItems(13) } }];
    const res = await api.pushMessage({ to: USER_A, messages: messages as never });

    expect(res.sentMessages).toHaveLength(2);
    expect(res.sentMessages[0]?.quoteToken, 'flex messages cannot be quoted').toBeUndefined();
    expect(fake.messagesTo(USER_A)).toEqual(messages);
  });

  it('delivers a multicast to every listed user and answers an empty object', async () => {
    const res = await api.multicast({ to: [USER_A, USER_B], messages: [text('แจ้งเตือน: ส่งยอดขายภายในวันที่ 5')] });

    expect(res).toEqual({});
    expect(fake.sent()).toEqual([{ endpoint: 'multicast', to: [USER_A, USER_B], messages: [text('แจ้งเตือน: ส่งยอดขายภายในวันที่ 5')] }]);
    expect(fake.messagesTo(USER_B)).toHaveLength(1);
  });

  it('answers the loading animation with 202 and an empty object', async () => {
    const res = await api.showLoadingAnimationWithHttpInfo({ chatId: USER_A, loadingSeconds: 20 });

    expect(res.httpResponse.status).toBe(202);
    expect(res.body).toEqual({});
    expect(fake.sent()).toEqual([]);
  });

  it('records the method, path, endpoint, headers and body of every request, rejected ones included', async () => {
    await api.pushMessage({ to: USER_A, messages: [text('หนึ่ง')] });
    await expectLineError(api.pushMessage({ to: USER_A, messages: [] }), 400);

    expect(fake.requests.map((r) => [r.method, r.path, r.endpoint, r.status])).toEqual([
      ['POST', '/v2/bot/message/push', 'push', 200],
      ['POST', '/v2/bot/message/push', 'push', 400],
    ]);
    expect(fake.requests[0]?.headers['authorization']).toBe('Bearer test-channel-access-token');
    expect(fake.requests[1]?.body).toEqual({ to: USER_A, messages: [] });
    expect(fake.requests[1]?.to, 'rejected sends carry no recipients').toBeUndefined();
    expect(fake.rejected()).toEqual([fake.requests[1]]);
  });
});

describe('loading animation limits', () => {
  it('rejects loadingSeconds above 60 from the spec and non-multiples of five from the reference', async () => {
    const over = await expectLineError(api.showLoadingAnimation({ chatId: USER_A, loadingSeconds: 65 }), 400);
    const odd = await expectLineError(api.showLoadingAnimation({ chatId: USER_A, loadingSeconds: 7 }), 400);

    expect(over.details).toEqual([expect.objectContaining({ property: 'loadingSeconds' })]);
    expect(odd.details).toEqual([{ property: 'loadingSeconds', message: 'must be a multiple of five' }]);
  });

  it('rejects a group chat id because the animation is for one-on-one chats only', async () => {
    const body = await expectLineError(api.showLoadingAnimation({ chatId: `C${'0'.repeat(32)}` }), 400);

    expect(body.details).toEqual([{ property: 'chatId', message: 'Only user id is acceptable' }]);
  });
});
