import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { clients, expectLineError, RETRY_KEY, text, USER_A } from './helpers.js';

const fake: LineFake = await startLineFake();
const { api } = clients(fake);
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('failNext', () => {
  it('answers the next two pushes 429 with the rate-limit message, then delivers the third', async () => {
    fake.failNext('push', 429, 2);
    const first = await expectLineError(api.pushMessage({ to: USER_A, messages: [text('1')] }), 429);
    await expectLineError(api.pushMessage({ to: USER_A, messages: [text('2')] }), 429);
    await api.pushMessage({ to: USER_A, messages: [text('3')] });

    expect(first).toEqual({ message: 'The API rate limit has been exceeded. Try again later.' });
    expect(fake.messagesTo(USER_A)).toEqual([text('3')]);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(fake.rejected(), 'injected failures are not validation rejections').toEqual([]);
  });

  it('answers 500 with a custom message once; a retry with the same key is then accepted, not 409', async () => {
    fake.failNext('push', 500, 1, 'boom');
    const failed = await expectLineError(api.pushMessage({ to: USER_A, messages: [text('เตือน')] }, RETRY_KEY), 500);
    await api.pushMessage({ to: USER_A, messages: [text('เตือน')] }, RETRY_KEY);

    expect(failed).toEqual({ message: 'boom' });
    expect(fake.sent()).toHaveLength(1);
  });

  it('affects only the named endpoint', async () => {
    fake.failNext('multicast', 429);
    await api.pushMessage({ to: USER_A, messages: [text('push ok')] });
    await expectLineError(api.multicast({ to: [USER_A], messages: [text('multicast')] }), 429);

    expect(fake.messagesTo(USER_A)).toEqual([text('push ok')]);
  });

  it('leaves a reply token unconsumed so the retried reply succeeds', async () => {
    const replyToken = fake.issueReplyToken(USER_A);
    fake.failNext('reply', 500);
    await expectLineError(api.replyMessage({ replyToken, messages: [text('x')] }), 500);
    await api.replyMessage({ replyToken, messages: [text('x')] });

    expect(fake.messagesTo(USER_A)).toEqual([text('x')]);
  });

  it('is cleared by reset()', async () => {
    fake.failNext('push', 500, 3);
    fake.reset();
    await api.pushMessage({ to: USER_A, messages: [text('ok')] });

    expect(fake.requests.map((r) => r.status)).toEqual([200]);
  });
});
