import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, say, tap, text, type Reply } from '../../src/bot/reply.js';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { exampleInfoCard, exampleListCard, examplePageOfEntries, exampleWarningCard } from '../../src/line/flex/examples.js';
import { renderReplies } from '../../src/line/render.js';

const TO = `U${'0'.repeat(32)}`;

/** Every shape render produces: the snapshot cards, the emptiest cards, the largest list, all choice kinds. */
const cases: [string, Reply[]][] = [
  ['month summary card', [card(exampleInfoCard)]],
  ['warning card', [card(exampleWarningCard)]],
  ['info card with only a title', [card({ kind: 'info', altText: 'บันทึกแล้ว', title: 'บันทึกยอดขายแล้ว', sections: [] })]],
  ['list card of entries', [card(exampleListCard)]],
  ['bare list card', [card({ kind: 'list', altText: 'รายการ', title: 'กลุ่มในอำเภอ', items: [{ title: 'กลุ่มทอผ้าไหมบ้านหัวไทร' }] })]],
  ['list card of 12 entries', [card(examplePageOfEntries(12))]],
  [
    'text with 13 quick replies of both kinds and long Thai labels',
    [
      text('เลือกกลุ่ม', [
        ...Array.from({ length: 12 }, (_, i) => say(`กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า ${i + 1}`)),
        tap('ยกเลิกการบันทึกยอดขายเดือนนี้', { action: 'cancel', params: {} }),
      ]),
    ],
  ],
  ['card, then text carrying the card’s choices', [card(exampleInfoCard, [say('ใช่'), say('ไม่ใช่')]), text('ถูกต้องไหม')]],
];

describe('rendered messages pass LINE’s official schema (local fake)', () => {
  let fake: LineFake;
  let api: messagingApi.MessagingApiClient;

  beforeAll(async () => {
    fake = await startLineFake();
    api = new messagingApi.MessagingApiClient({ channelAccessToken: 't', baseURL: fake.url });
  });
  afterAll(async () => {
    await fake.close();
  });

  it.each(cases)('%s', async (_name, replies) => {
    for (const m of renderReplies(replies)) {
      const sent = await api.pushMessage({ to: TO, messages: [m] }).catch((err: unknown) => {
        throw err instanceof HTTPFetchError ? new Error(`LINE fake rejected: ${err.status} ${err.body}`) : err;
      });
      expect(sent.sentMessages).toHaveLength(1);
    }
    expect(fake.rejected()).toEqual([]);
  });
});
