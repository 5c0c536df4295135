import { messagingApi } from '@line/bot-sdk';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { clients, expectLineError, rawPost, text, TOKEN, USER_A, USER_B } from './helpers.js';

const fake: LineFake = await startLineFake({ channelAccessToken: TOKEN });
const { api } = clients(fake);
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('profiles', () => {
  it('answers a registered profile and 404 Not found for an unknown user', async () => {
    fake.setProfile(USER_A, { displayName: 'สมศรี ผู้ผลิต', pictureUrl: 'https://example.com/p.png' });

    expect(await api.getProfile(USER_A)).toEqual({ userId: USER_A, displayName: 'สมศรี ผู้ผลิต', pictureUrl: 'https://example.com/p.png' });
    expect(await expectLineError(api.getProfile(USER_B), 404)).toEqual({ message: 'Not found' });
  });
});

describe('authentication', () => {
  it('answers 401 to a wrong token and to a missing Authorization header, sending nothing', async () => {
    const wrong = new messagingApi.MessagingApiClient({ channelAccessToken: 'other-token', baseURL: fake.url });
    const body = await expectLineError(wrong.pushMessage({ to: USER_A, messages: [text('x')] }), 401);
    const missing = await fetch(`${fake.url}/v2/bot/message/push`, { method: 'POST', body: '{}' });

    expect(body.message).toMatch(/^Authentication failed/);
    expect(missing.status).toBe(401);
    expect(fake.sent()).toEqual([]);
    expect(fake.rejected()).toHaveLength(2);
  });

  it('accepts any Bearer token when started without channelAccessToken', async () => {
    const open = await startLineFake();
    try {
      const client = new messagingApi.MessagingApiClient({ channelAccessToken: 'anything', baseURL: open.url });
      await client.pushMessage({ to: USER_A, messages: [text('x')] });
      expect(open.sent()).toHaveLength(1);
      expect((await fetch(`${open.url}/v2/bot/profile/${USER_A}`)).status).toBe(401);
    } finally {
      await open.close();
    }
  });
});

describe('routing and headers', () => {
  it('answers unknown paths 404 and records them as endpoint "other"', async () => {
    const res = await rawPost(fake, '/v2/bot/message/broadcast-now', { messages: [] });
    const getPush = await fetch(`${fake.url}/v2/bot/message/push`, { headers: { authorization: `Bearer ${TOKEN}` } });

    expect(res.status).toBe(404);
    expect(getPush.status).toBe(404);
    expect(fake.requests.map((r) => [r.method, r.path, r.endpoint, r.status])).toEqual([
      ['POST', '/v2/bot/message/broadcast-now', 'other', 404],
      ['GET', '/v2/bot/message/push', 'other', 404],
    ]);
  });

  it('puts a distinct x-line-request-id on every response, matching the recorded id', async () => {
    const ok = await rawPost(fake, '/v2/bot/message/push', { to: USER_A, messages: [text('x')] });
    const bad = await rawPost(fake, '/v2/bot/message/push', { to: USER_A, messages: [] });
    const unknown = await rawPost(fake, '/nowhere', {});
    const ids = [ok, bad, unknown].map((r) => r.headers.get('x-line-request-id'));

    expect(ids).toEqual(fake.requests.map((r) => r.id));
    expect(new Set(ids).size).toBe(3);
  });

  it('rejects bodies over 2 MB with 413', async () => {
    const res = await rawPost(fake, '/v2/bot/message/push', { to: USER_A, messages: [text('x'.repeat(2 * 1024 * 1024))] });

    expect(res.status).toBe(413);
  });

  it('serves at the host root, so an SDK baseURL with a path prefix still reaches it', async () => {
    const prefixed = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: `${fake.url}/some/prefix/` });
    await prefixed.pushMessage({ to: USER_A, messages: [text('x')] });

    expect(fake.requests[0]?.path).toBe('/v2/bot/message/push');
  });
});
