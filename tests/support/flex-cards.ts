// What every Flex card test checks the same way: the designer template read from flex-templates/, and that each
// card, rendered as the bot sends it, passes LINE's official schema in the local fake.
import { readFileSync } from 'node:fs';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/bot/cards.js';
import { card } from '../../src/bot/reply.js';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { renderReplies } from '../../src/line/render.js';

/** The designer template `flex-templates/<name>`, parsed. */
export const flexTemplate = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../flex-templates/${name}`, import.meta.url), 'utf8')) as unknown;

/** A describe block: each named card is pushed through the LINE fake, which must reject none of its messages. */
export function describeSchemaCheck<C extends Card>(cases: Array<[string, C]>): void {
  describe('passes LINE’s official schema (local fake)', () => {
    let fake: LineFake;
    beforeAll(async () => {
      fake = await startLineFake();
    });
    afterAll(async () => {
      await fake.close();
    });
    it.each<[string, C]>(cases)('%s', async (_n, c) => {
      const api = new messagingApi.MessagingApiClient({ channelAccessToken: 't', baseURL: fake.url });
      for (const m of renderReplies([card(c)])) {
        await api.pushMessage({ to: `U${'0'.repeat(32)}`, messages: [m] }).catch((err: unknown) => {
          throw err instanceof HTTPFetchError ? new Error(`LINE fake rejected: ${err.status} ${err.body}`) : err;
        });
      }
      expect(fake.rejected()).toEqual([]);
    });
  });
}
