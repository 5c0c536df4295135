import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { flexTemplate } from '../support/flex-cards.js';
import type { ListCard } from '../../src/bot/cards.js';
import { exampleListCard, examplePageOfEntries } from '../../src/line/flex/examples.js';
import { MAX_LIST_ITEMS, buildListCard } from '../../src/line/flex/list-card.js';
import { TONES } from '../../src/line/flex/parts.js';

const template = flexTemplate('list-card.json');

const bubble = (m: messagingApi.FlexMessage): messagingApi.FlexBubble => m.contents as messagingApi.FlexBubble;
const bytes = (m: messagingApi.FlexMessage): number => Buffer.byteLength(JSON.stringify(m.contents), 'utf8');

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

const bare: ListCard = { kind: 'list', altText: 'รายการ', title: 'กลุ่มในอำเภอบางคล้า', items: [{ title: 'กลุ่มทอผ้าไหมบ้านหัวไทร' }] };

describe('list card', () => {
  it('filled with the template placeholder values, reproduces the designer template exactly', () => {
    expect(JSON.parse(JSON.stringify(buildListCard(exampleListCard).contents))).toEqual(template);
  });

  it('renders a page of entries awaiting confirmation (snapshot)', () => {
    expect(buildListCard(exampleListCard)).toMatchSnapshot();
  });

  it('renders a bare list of names with no number, detail, status, buttons or footer (snapshot)', () => {
    const m = buildListCard(bare);
    expect(m).toMatchSnapshot();
    const b = bubble(m);
    expect(b.header?.contents).toHaveLength(1);
    expect(b.body?.contents).toHaveLength(1);
    expect(b).not.toHaveProperty('footer');
    expect(b).not.toHaveProperty('styles');
    expectNothingEmpty(m);
  });

  it('separates items with one separator each and keeps the footer text last', () => {
    const body = bubble(buildListCard(examplePageOfEntries(4))).body?.contents ?? [];
    expect(body.map((c) => c.type)).toEqual(['box', 'separator', 'box', 'separator', 'box', 'separator', 'box', 'text']);
    expect((body.at(-1) as messagingApi.FlexText).text).toBe('แสดง 4 รายการ');
  });

  it('keeps the status pill when an item has a status but no detail', () => {
    const m = buildListCard({ ...bare, items: [{ title: 'กลุ่มน้ำพริกแม่ทองใบ', status: 'ยืนยันแล้ว' }] });
    expect(JSON.stringify(m)).toContain('ยืนยันแล้ว');
    expectNothingEmpty(m);
  });

  it('gives an item button the postback, and the accent colour when the caller asks for primary', () => {
    const button = { label: 'ยืนยัน', postback: { action: 'confirm-sales', params: { entry: 'e1', rev: '2' } }, style: 'primary' as const };
    const m = buildListCard({ ...bare, items: [{ title: 'กลุ่มน้ำพริกแม่ทองใบ', button }] });
    const found = nodes(m.contents).find((n) => n['type'] === 'button');
    expect(found).toMatchObject({
      style: 'primary',
      color: TONES.neutral,
      action: { type: 'postback', label: 'ยืนยัน', data: '1|confirm-sales|entry=e1&rev=2', displayText: 'ยืนยัน' },
    });
  });

  it(`stays well under 30 KB with ${MAX_LIST_ITEMS} items of long Thai names`, () => {
    const realistic = bytes(buildListCard(examplePageOfEntries(MAX_LIST_ITEMS)));
    const stretched = examplePageOfEntries(MAX_LIST_ITEMS);
    stretched.items = stretched.items.map((item) => ({ ...item, title: item.title.repeat(2), detail: `${item.detail} · ${item.detail}` }));
    const worst = bytes(buildListCard(stretched));
    expect(realistic).toBeLessThan(30_000);
    expect(worst).toBeLessThan(30_000);
    expect(worst).toBeGreaterThan(realistic); // the measurement sees the text
  });

  it('refuses a bubble over 30,000 bytes, naming its size, rather than letting LINE reject it', () => {
    const huge = examplePageOfEntries(MAX_LIST_ITEMS);
    huge.items = huge.items.map((item) => ({ ...item, title: 'ก'.repeat(300), detail: 'ข'.repeat(300) }));
    expect(() => buildListCard(huge)).toThrow(/flex bubble is \d+ bytes, over 30000/);
  });

  it('refuses more than 12 items (callers page) and no items at all', () => {
    expect(() => buildListCard(examplePageOfEntries(MAX_LIST_ITEMS + 1))).toThrow(/at most 12 items/);
    expect(() => buildListCard({ ...bare, items: [] })).toThrow(/at least one item/);
  });

  it('refuses a blank item title', () => {
    expect(() => buildListCard({ ...bare, items: [{ title: ' ' }] })).toThrow(/list item title/);
  });
});
