// The simulator signs webhooks with the channel secret, so it must not exist beside a real LINE channel: with LINE
// credentials configured, every simulator path is unknown to the app and the webhook still refuses unsigned bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot(); // LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN set: not local mode
});
afterAll(async () => {
  await bot?.close();
});

describe('simulator outside local mode', () => {
  it('with a real channel configured, /simulator and its signing endpoint do not exist', async () => {
    expect(bot.services.config.localMode).toBe(false);
    for (const path of ['/simulator', '/simulator/', '/simulator/app.js', '/simulator/api/people', '/simulator/api/chats/producer/stream']) {
      expect((await fetch(`${bot.url}${path}`)).status, path).toBe(404);
    }
    const send = await fetch(`${bot.url}/simulator/api/chats/producer/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'text', text: 'เมนู' }),
    });
    expect(send.status).toBe(404);
    expect(bot.fake.requests).toEqual([]); // nothing reached the bot, so nothing was sent to LINE
  });
});
