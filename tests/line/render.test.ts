import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { card, say, tap, text, type Choice } from '../../src/bot/reply.js';
import { exampleInfoCard } from '../../src/line/flex/examples.js';
import { altTextOf, renderQuickReply, renderReplies, renderReply } from '../../src/line/render.js';

const THAI_MARKS = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;
const items = (m: messagingApi.Message | undefined): messagingApi.QuickReplyItem[] => m?.quickReply?.items ?? [];
const yes = say('ใช่');
const no = say('ไม่ใช่');

describe('text replies', () => {
  it('become text messages', () => {
    expect(renderReply(text('บันทึกยอดขายแล้ว'))).toEqual({ type: 'text', text: 'บันทึกยอดขายแล้ว' });
  });

  it('may be 5,000 UTF-16 units (Thai counts one per code point, emoji two) and no more', () => {
    expect(() => renderReply(text('ก'.repeat(5000)))).not.toThrow();
    expect(() => renderReply(text('ก'.repeat(5001)))).toThrow(/5001 UTF-16 units/);
    expect(() => renderReply(text(`${'ก'.repeat(4999)}😀`))).toThrow(/5001 UTF-16 units/);
  });

  it('may not be empty or blank', () => {
    expect(() => renderReply(text(''))).toThrow(/must not be empty/);
    expect(() => renderReply(text(' \n '))).toThrow(/must not be empty/);
  });
});

describe('card replies', () => {
  it('become Flex messages with the card altText', () => {
    const m = renderReply(card(exampleInfoCard));
    expect(m).toMatchObject({ type: 'flex', altText: exampleInfoCard.altText, contents: { type: 'bubble' } });
  });
});

describe('quick replies', () => {
  it('send a text choice as a message action and a postback choice as an encoded postback', () => {
    const m = renderReply(text('ยืนยันยอดขายไหม', [say('ดูเมนู', 'เมนู'), tap('ยืนยัน', { action: 'confirm-sales', params: { entry: 'e1', rev: '3' } }, 'ยืนยันยอดเดือนตุลาคม')]));
    expect(items(m)).toEqual([
      { type: 'action', action: { type: 'message', label: 'ดูเมนู', text: 'เมนู' } },
      { type: 'action', action: { type: 'postback', label: 'ยืนยัน', data: '1|confirm-sales|entry=e1&rev=3', displayText: 'ยืนยันยอดเดือนตุลาคม' } },
    ]);
  });

  it('show the label as the person’s message when a postback choice has no display text', () => {
    const action = items(renderReply(text('?', [tap('ยกเลิก', { action: 'cancel', params: {} })])))[0]?.action;
    expect(action).toMatchObject({ type: 'postback', data: '1|cancel|', displayText: 'ยกเลิก' });
  });

  it('hold up to 13 choices; more throws so callers page instead of losing options', () => {
    const choices = (n: number): Choice[] => Array.from({ length: n }, (_, i) => say(`อำเภอ ${i + 1}`));
    expect(renderQuickReply(choices(13))?.items).toHaveLength(13);
    expect(() => renderQuickReply(choices(14))).toThrow(/at most 13 choices, got 14/);
  });

  it('cut Thai labels over 20 characters to at most 20 with "…", never splitting a vowel or tone mark off', () => {
    const labels = ['กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า', 'ยอดขายเดือนตุลาคมที่แล้ว', 'ยืนยันยอดขาย', 'น้ำพริกแม่ทองใบ 😀😀😀😀😀'];
    const actions = items(renderReply(text('เลือก', labels.map((l) => say(l))))).map((i) => i.action as messagingApi.MessageAction);
    actions.forEach((a, i) => {
      const label = a.label ?? '';
      const full = labels[i] ?? '';
      expect(label.length).toBeLessThanOrEqual(20);
      if (full.length <= 20) return expect(label).toBe(full);
      const kept = label.slice(0, -1);
      expect(label.endsWith('…')).toBe(true);
      expect(full.startsWith(kept)).toBe(true);
      expect(full.slice(kept.length)).not.toMatch(THAI_MARKS);
      expect(a.text).toBe(full); // what the person sends is never cut
    });
    expect(actions[0]?.label).toBe('กลุ่มวิสาหกิจชุมชนแ…');
    expect(actions[1]?.label).toBe('ยอดขายเดือนตุลาคม…'); // 19 units would end "ที" and drop the tone mark of "ที่"
    expect(actions[3]?.label).toBe('น้ำพริกแม่ทองใบ 😀…'); // 19 units would end inside the second emoji
  });

  it('keep a label of exactly 20 characters as it is', () => {
    const label = 'ก'.repeat(20);
    expect(items(renderReply(text('?', [say(label)])))[0]?.action?.label).toBe(label);
  });

  it('refuse a message choice whose text is over 300 characters', () => {
    expect(() => renderReply(text('?', [{ label: 'ยาว', text: 'ก'.repeat(301) }]))).toThrow(/over 300/);
  });
});

describe('a batch of replies', () => {
  it('moves the choices of an earlier reply to the last message, where LINE shows them', () => {
    const out = renderReplies([card(exampleInfoCard, [yes, no]), text('ตรวจสอบแล้วกดยืนยันได้เลย')]);
    expect(out[0]?.quickReply).toBeUndefined();
    expect(items(out[1]).map((i) => i.action?.label)).toEqual(['ใช่', 'ไม่ใช่']);
  });

  it('keeps the last reply’s own choices and drops earlier ones LINE would never show', () => {
    const out = renderReplies([text('หนึ่ง', [yes]), text('สอง', [no]), text('สาม', [say('เมนู')])]);
    expect(out.slice(0, 2).map((m) => m.quickReply)).toEqual([undefined, undefined]);
    expect(items(out[2]).map((i) => i.action?.label)).toEqual(['เมนู']);
  });

  it('takes the nearest earlier choices when several earlier replies have some', () => {
    const out = renderReplies([text('หนึ่ง', [yes]), text('สอง', [no]), text('สาม')]);
    expect(out.map((m) => items(m).map((i) => i.action?.label))).toEqual([[], [], ['ไม่ใช่']]);
  });

  it('adds no quick reply when no reply has choices', () => {
    expect(renderReplies([text('หนึ่ง'), text('สอง')]).map((m) => m.quickReply)).toEqual([undefined, undefined]);
  });

  it('carries 1 to 5 messages, LINE’s limit per request', () => {
    expect(renderReplies(Array.from({ length: 5 }, () => text('ก')))).toHaveLength(5);
    expect(() => renderReplies(Array.from({ length: 6 }, () => text('ก')))).toThrow(/1 to 5 messages, got 6/);
    expect(() => renderReplies([])).toThrow(/got 0/);
  });
});

describe('altTextOf', () => {
  it('is the card’s altText, or the text itself cut to 1,500', () => {
    expect(altTextOf(card(exampleInfoCard))).toBe(exampleInfoCard.altText);
    expect(altTextOf(text('สวัสดี'))).toBe('สวัสดี');
    const long = altTextOf(text('ยอดขาย '.repeat(400)));
    expect(long.length).toBeLessThanOrEqual(1500);
    expect(long.endsWith('…')).toBe(true);
  });
});
