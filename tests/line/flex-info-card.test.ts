import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { flexTemplate } from '../support/flex-cards.js';
import type { InfoCard } from '../../src/bot/cards.js';
import { exampleInfoCard, exampleWarningCard } from '../../src/line/flex/examples.js';
import { buildInfoCard } from '../../src/line/flex/info-card.js';
import { TONES } from '../../src/line/flex/parts.js';
import { encodePostback } from '../../src/line/postback-codec.js';

const template = flexTemplate('info-card.json');

/** Every Flex node of the bubble, depth first. */
function nodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(nodes)];
}

function expectNothingEmpty(m: messagingApi.FlexMessage): void {
  for (const n of nodes(m.contents)) {
    if (n['type'] === 'text') expect(String(n['text']).trim()).not.toBe('');
    if (n['type'] === 'box') expect((n['contents'] as unknown[]).length).toBeGreaterThan(0);
  }
}

const bubble = (m: messagingApi.FlexMessage): messagingApi.FlexBubble => m.contents as messagingApi.FlexBubble;
const minimal: InfoCard = { kind: 'info', altText: 'บันทึกแล้ว', title: 'บันทึกยอดขายแล้ว', sections: [] };

describe('info card', () => {
  it('filled with the template placeholder values, reproduces the designer template exactly', () => {
    expect(JSON.parse(JSON.stringify(buildInfoCard(exampleInfoCard).contents))).toEqual(template);
  });

  it('renders a month summary for confirmation (snapshot)', () => {
    expect(buildInfoCard(exampleInfoCard)).toMatchSnapshot();
  });

  it('renders a shortfall warning without subtitle or section heading (snapshot)', () => {
    const m = buildInfoCard(exampleWarningCard);
    expect(m).toMatchSnapshot();
    expectNothingEmpty(m);
  });

  it('colours the header and the primary button by tone', () => {
    for (const tone of ['neutral', 'success', 'warning', 'danger'] as const) {
      const b = bubble(buildInfoCard({ ...exampleInfoCard, tone }));
      expect(b.header?.backgroundColor).toBe(TONES[tone]);
      expect(b.footer?.contents[0]).toMatchObject({ style: 'primary', color: TONES[tone] });
    }
    expect(bubble(buildInfoCard({ ...exampleInfoCard, tone: undefined })).header?.backgroundColor).toBe(TONES.neutral);
  });

  it('puts encoded postbacks in buttons, shows display or else the label as the person’s message', () => {
    const footer = bubble(buildInfoCard(exampleInfoCard)).footer?.contents ?? [];
    expect(footer.map((b) => (b as messagingApi.FlexButton).action)).toEqual([
      { type: 'postback', label: 'ยืนยัน', data: '1|confirm-sales|entry=cm2x8k1qa0001&rev=3', displayText: 'ยืนยันยอดขายเดือนตุลาคม 2566' },
      { type: 'postback', label: 'แก้ไข', data: encodePostback({ action: 'edit-sales', params: { entry: 'cm2x8k1qa0001', rev: '3' } }), displayText: 'แก้ไขยอดขาย' },
      { type: 'postback', label: 'ยกเลิก', data: '1|cancel|entry=cm2x8k1qa0001', displayText: 'ยกเลิก' },
    ]);
  });

  it('styles buttons primary first and secondary after when the card does not say', () => {
    const footer = bubble(buildInfoCard(exampleWarningCard)).footer?.contents ?? [];
    expect(footer.map((b) => (b as messagingApi.FlexButton).style)).toEqual(['primary', 'secondary']);
  });

  it('cuts a button label over 40 characters with an ellipsis, keeping the whole label as displayText', () => {
    const label = 'ยืนยันยอดขายของกลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้าประจำเดือนตุลาคม';
    const card: InfoCard = { ...minimal, buttons: [{ label, postback: { action: 'confirm-sales', params: {} } }] };
    const action = (bubble(buildInfoCard(card)).footer?.contents[0] as messagingApi.FlexButton).action as messagingApi.PostbackAction;
    expect(action.label?.length).toBeLessThanOrEqual(40);
    expect(action.label?.endsWith('…')).toBe(true);
    expect(label.startsWith(action.label?.slice(0, -1) ?? '-')).toBe(true);
    expect(action.displayText).toBe(label);
  });

  it('leaves out subtitle, note, footer and body when the card has none, instead of sending them empty', () => {
    const m = buildInfoCard({ ...minimal, subtitle: '  ', note: '', buttons: [] });
    const b = bubble(m);
    expect(b.header?.contents).toHaveLength(1);
    expect(b).not.toHaveProperty('body');
    expect(b).not.toHaveProperty('footer');
    expect(b).not.toHaveProperty('styles');
    expectNothingEmpty(m);
  });

  it('drops a section with neither heading nor rows, and the separator it would need', () => {
    const m = buildInfoCard({ ...minimal, sections: [{ heading: '', rows: [] }, { rows: [{ label: 'รวม', value: '10 บาท' }] }] });
    const body = bubble(m).body?.contents ?? [];
    expect(body.map((c) => c.type)).toEqual(['box']);
    expectNothingEmpty(m);
  });

  it('refuses a blank title or row value rather than sending text LINE rejects', () => {
    expect(() => buildInfoCard({ ...minimal, title: ' ' })).toThrow(/card title/);
    expect(() => buildInfoCard({ ...minimal, sections: [{ rows: [{ label: 'รวม', value: '' }] }] })).toThrow(/row value/);
  });

  it('refuses more than four buttons', () => {
    const b = { label: 'ปุ่ม', postback: { action: 'menu', params: {} } };
    expect(() => buildInfoCard({ ...minimal, buttons: [b, b, b, b, b] })).toThrow(/at most 4 buttons/);
  });

  it('falls back to title · subtitle for a blank altText and cuts a long one to 1,500', () => {
    expect(buildInfoCard({ ...exampleInfoCard, altText: '' }).altText).toBe(`${exampleInfoCard.title} · ${exampleInfoCard.subtitle}`);
    const long = buildInfoCard({ ...exampleInfoCard, altText: 'ยอดขายรวม '.repeat(200) }).altText;
    expect(long.length).toBeLessThanOrEqual(1500);
    expect(long.endsWith('…')).toBe(true);
  });
});
