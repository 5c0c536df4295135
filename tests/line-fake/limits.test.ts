import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { bubbleOfBytes, expectDetail, flex, quickReplyItems, rawPost, rawPush, salesBubble, text, USER_A } from './helpers.js';

const fake: LineFake = await startLineFake();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('message count and recipients (encoded in the spec)', () => {
  it('accepts 5 messages but rejects 6 and 0 with a details entry on messages', async () => {
    expect((await rawPush(fake, Array.from({ length: 5 }, () => text('ok')))).status).toBe(200);
    expectDetail(await rawPush(fake, Array.from({ length: 6 }, () => text('too many'))), 'messages');
    expectDetail(await rawPush(fake, []), 'messages');
  });

  it('accepts a multicast to 500 users but rejects 501', async () => {
    const users = (n: number): string[] => Array.from({ length: n }, (_, i) => `U${i.toString(16).padStart(32, '0')}`);

    expect((await rawPost(fake, '/v2/bot/message/multicast', { to: users(500), messages: [text('hi')] })).status).toBe(200);
    expectDetail(await rawPost(fake, '/v2/bot/message/multicast', { to: users(501), messages: [text('hi')] }), 'to');
  });
});

describe('text length (documented, not in the spec)', () => {
  it('accepts 5,000 Thai characters but rejects 5,001', async () => {
    expect((await rawPush(fake, [text('ก'.repeat(LIMITS.textMaxUtf16))])).status).toBe(200);
    expectDetail(await rawPush(fake, [text('ก'.repeat(5001))]), 'messages[0].text');
  });

  it('counts UTF-16 code units, so 2,501 emoji (5,002 units) are rejected while 2,500 pass', async () => {
    expect((await rawPush(fake, [text('😀'.repeat(2500))])).status).toBe(200);
    const res = await rawPush(fake, [text('ok'), text('😀'.repeat(2501))]);

    expectDetail(res, 'messages[1].text');
    expect(res.body.details).toHaveLength(1);
  });
});

describe('flex size and alt text (documented, not in the spec)', () => {
  it('accepts altText of 1,500 characters but rejects 1,501', async () => {
    expect((await rawPush(fake, [flex(salesBubble(), 'ก'.repeat(1500))])).status).toBe(200);
    expectDetail(await rawPush(fake, [flex(salesBubble(), 'ก'.repeat(1501))]), 'messages[0].altText');
  });

  it('accepts a bubble of exactly 30 KiB of JSON but rejects one byte more', async () => {
    expect((await rawPush(fake, [flex(bubbleOfBytes(LIMITS.bubbleMaxBytes))])).status).toBe(200);
    expectDetail(await rawPush(fake, [flex(bubbleOfBytes(LIMITS.bubbleMaxBytes + 1))]), 'messages[0].contents');
  });

  it('measures bubbles in UTF-8 bytes, so 10,300 Thai characters (3 bytes each) are over 30 KiB', async () => {
    const res = await rawPush(fake, [flex(salesBubble('ข'.repeat(10_300)))]);

    expectDetail(res, 'messages[0].contents');
    expect(res.body.details?.[0]?.message).toMatch(/bytes; must be at most 30720/);
  });

  it('accepts a carousel of 12 bubbles but rejects 13', async () => {
    const carousel = (n: number): unknown => ({ type: 'carousel', contents: Array.from({ length: n }, () => salesBubble()) });

    expect((await rawPush(fake, [flex(carousel(12))])).status).toBe(200);
    expectDetail(await rawPush(fake, [flex(carousel(13))]), 'messages[0].contents.contents');
  });

  it('rejects a carousel over 50 KiB even when each bubble is under 30 KiB', async () => {
    const bubble = bubbleOfBytes(26 * 1024);
    const res = await rawPush(fake, [flex({ type: 'carousel', contents: [bubble, bubble] })]);

    expectDetail(res, 'messages[0].contents');
    expect(res.body.details).toHaveLength(1);
    expect((await rawPush(fake, [flex({ type: 'carousel', contents: [bubble] })])).status).toBe(200);
  });

  it('rejects a bubble over 30 KiB inside an otherwise small-enough carousel', async () => {
    const res = await rawPush(fake, [flex({ type: 'carousel', contents: [salesBubble(), bubbleOfBytes(31 * 1024)] })]);

    expectDetail(res, 'messages[0].contents.contents[1]');
  });
});

describe('quick reply and postback limits', () => {
  it('rejects 14 quick-reply items (spec maxItems 13)', async () => {
    expectDetail(await rawPush(fake, [{ ...text('เลือก'), quickReply: { items: quickReplyItems(14) } }]), 'messages[0].quickReply.items');
  });

  it('requires a quick-reply label of at most 20 characters (reference; the spec has no label limit)', async () => {
    const item = (label: string | undefined): unknown => ({ type: 'action', action: { type: 'message', label, text: 'x' } });
    const withItems = (...items: unknown[]): unknown[] => [{ ...text('เลือก'), quickReply: { items } }];

    expect((await rawPush(fake, withItems(item('ก'.repeat(20))))).status).toBe(200);
    expectDetail(await rawPush(fake, withItems(item('ก'.repeat(21)))), 'messages[0].quickReply.items[0].action.label');
    expectDetail(await rawPush(fake, withItems(item('ok'), item(undefined))), 'messages[0].quickReply.items[1].action.label');
  });

  it('accepts postback data of 300 characters but rejects 301 inside a flex button (spec maxLength)', async () => {
    const withData = (data: string): unknown => {
      const bubble = salesBubble();
      const button = bubble.footer?.contents[0] as { action: { data: string } };
      button.action.data = data;
      return flex(bubble);
    };

    expect((await rawPush(fake, [withData('d'.repeat(300))])).status).toBe(200);
    expectDetail(await rawPush(fake, [withData('d'.repeat(301))]), 'messages[0].contents.footer.contents[0].action.data');
  });

  it('requires postback data (reference; the spec marks it optional)', async () => {
    const items = [{ type: 'action', action: { type: 'postback', label: 'ยืนยัน' } }];

    expectDetail(await rawPush(fake, [{ ...text('?'), quickReply: { items } }]), 'messages[0].quickReply.items[0].action.data');
  });
});
