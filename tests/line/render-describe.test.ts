import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { card, say, tap, text } from '../../src/bot/reply.js';
import { exampleInfoCard, exampleListCard } from '../../src/line/flex/examples.js';
import { describeBatch, describeForTerminal, renderReplies } from '../../src/line/render.js';

describe('describeBatch (terminal chat client)', () => {
  it('shows a card as its altText, title and rows line by line, then its buttons numbered', () => {
    const [m] = renderReplies([card(exampleInfoCard)]);
    const view = describeForTerminal(m as messagingApi.Message);
    expect(view.lines).toEqual([
      exampleInfoCard.altText,
      'สรุปยอดขาย เดือนตุลาคม 2566',
      'กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า · อ.บางคล้า จ.ฉะเชิงเทรา',
      'ยอดขายตามช่องทาง',
      'ในประเทศ (หน้าร้าน)  120,000 บาท',
      'ในประเทศ (ออนไลน์)  45,500 บาท',
      'ต่างประเทศ (ส่งออก)  12,000 บาท',
      'สรุปทั้งเดือน',
      'รวมยอดขาย  177,500 บาท',
      'เป้าหมายเดือนนี้  150,000 บาท',
      'เทียบกับเป้าหมาย  118.3%',
      'โปรดตรวจสอบตัวเลขก่อนกดยืนยัน เมื่อยืนยันแล้วจะแก้ไขได้ต่อเมื่อพัฒนาการอำเภอปลดล็อกให้',
      '[1] ยืนยัน',
      '[2] แก้ไข',
      '[3] ยกเลิก',
    ]);
    expect(view.actions[0]).toEqual({ type: 'postback', data: '1|confirm-sales|entry=cm2x8k1qa0001&rev=3', displayText: 'ยืนยันยอดขายเดือนตุลาคม 2566' });
  });

  it('numbers card buttons and quick replies consecutively across the messages of one batch', () => {
    const messages = renderReplies([
      text('บันทึกแล้ว'),
      card(exampleListCard),
      text('ต้องการทำอะไรต่อ', [say('เมนู'), tap('ออกจากระบบ', { action: 'logout', params: {} }, 'ขอออกจากระบบ')]),
    ]);
    const view = describeBatch(messages);
    expect(view.lines.slice(0, 4)).toEqual(['บันทึกแล้ว', '', exampleListCard.altText, exampleListCard.title]);
    expect(view.lines).toContain('1. กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า');
    expect(view.lines).toContain('   อาหาร · 53,000 บาท  รอยืนยัน');
    expect(view.lines.filter((l) => /^\s*\[\d+\]/.test(l)).map((l) => l.trim())).toEqual([
      '[1] ดูรายละเอียด',
      '[2] ดูรายละเอียด',
      '[3] ดูรายละเอียด',
      '[4] หน้าถัดไป',
      '[5] ยืนยันทั้งหมดในหน้านี้',
      '[6] กลับเมนูหลัก',
      '[7] เมนู',
      '[8] ออกจากระบบ',
    ]);
    expect(view.lines.slice(-4)).toEqual(['', 'ต้องการทำอะไรต่อ', '[7] เมนู', '[8] ออกจากระบบ']);
    expect(view.actions).toHaveLength(8);
    expect(view.actions[1]).toEqual({ type: 'postback', data: '1|open-entry|entry=cm2x8k1qa0002', displayText: 'ดูรายละเอียด กลุ่มทอผ้าไหมบ้านหัวไทร' });
    expect(view.actions[6]).toEqual({ type: 'message', text: 'เมนู' });
    expect(view.actions[7]).toEqual({ type: 'postback', data: '1|logout|', displayText: 'ขอออกจากระบบ' });
  });

  it('shows multi-line text as separate lines', () => {
    expect(describeForTerminal({ type: 'text', text: 'บรรทัดหนึ่ง\nบรรทัดสอง' })).toEqual({ lines: ['บรรทัดหนึ่ง', 'บรรทัดสอง'], actions: [] });
  });

  it('shows link buttons without a number, since the terminal cannot tap them', () => {
    const m: messagingApi.FlexMessage = {
      type: 'flex',
      altText: 'รายงาน',
      contents: {
        type: 'bubble',
        body: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action: { type: 'uri', label: 'ดาวน์โหลด', uri: 'https://example.test/r.pdf' } }] },
      },
    };
    expect(describeForTerminal(m)).toEqual({ lines: ['รายงาน', 'ดาวน์โหลด <https://example.test/r.pdf>'], actions: [] });
  });
});
