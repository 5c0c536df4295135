import { readFileSync } from 'node:fs';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProducerCard } from '../../src/bot/cards.js';
import { card } from '../../src/bot/reply.js';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { exampleProducerCard } from '../../src/line/flex/examples.js';
import { buildProducerCard } from '../../src/line/flex/producer-card.js';
import { renderReplies } from '../../src/line/render.js';

const template = JSON.parse(readFileSync(new URL('../../flex-templates/producer-card.json', import.meta.url), 'utf8')) as unknown;
const deregistered: ProducerCard = {
  ...exampleProducerCard,
  altText: 'กลุ่มทอผ้า ยกเลิกการลงทะเบียนแล้ว',
  title: 'กลุ่มทอผ้าบ้านโพธิ์',
  active: false,
  activeLabel: 'ยกเลิกแล้ว',
  lineLinked: false,
  lineLabel: 'ยังไม่มี LINE',
  phone: 'ไม่ระบุ',
  lastReported: 'ยังไม่เคยรายงาน',
  note: 'ยกเลิกเมื่อ 15 พ.ย. 2569 · เลิกกิจการ',
  buttons: [{ label: 'กลับมาลงทะเบียน', postback: { action: 'rg-react', params: { t: 'k3m9x2', p: '12' } } }],
};

describe('producer card', () => {
  it('filled with the template placeholder values, reproduces the designer template exactly', () => {
    expect(JSON.parse(JSON.stringify(buildProducerCard(exampleProducerCard).contents))).toEqual(template);
  });

  it('shows a deregistered producer without LINE in the danger colour with grey and red pills (snapshot)', () => {
    const m = buildProducerCard(deregistered);
    expect(m).toMatchSnapshot();
    const json = JSON.stringify(m);
    expect(json).toContain('"backgroundColor":"#B42318"');
    expect(json).toContain('"text":"ยังไม่มี LINE","size":"xs","color":"#6B7280"');
  });

  it('leaves the note and its separator out when there is none', () => {
    const m = buildProducerCard({ ...exampleProducerCard, note: undefined, buttons: undefined });
    const b = m.contents as messagingApi.FlexBubble;
    expect(b.body!.contents.map((c) => c.type)).toEqual(['box', 'box']);
    expect(b.footer).toBeUndefined();
  });

  describe('passes LINE’s official schema (local fake)', () => {
    let fake: LineFake;
    beforeAll(async () => {
      fake = await startLineFake();
    });
    afterAll(async () => {
      await fake.close();
    });
    it.each<[string, ProducerCard]>([['example', exampleProducerCard], ['deregistered', deregistered]])('%s', async (_n, c) => {
      const api = new messagingApi.MessagingApiClient({ channelAccessToken: 't', baseURL: fake.url });
      for (const m of renderReplies([card(c)])) {
        await api.pushMessage({ to: `U${'0'.repeat(32)}`, messages: [m] }).catch((err: unknown) => {
          throw err instanceof HTTPFetchError ? new Error(`LINE fake rejected: ${err.status} ${err.body}`) : err;
        });
      }
      expect(fake.rejected()).toEqual([]);
    });
  });
});
