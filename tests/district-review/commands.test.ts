import { describe, expect, it } from 'vitest';
import { cleanReason, parseCommand, reasonAnswer } from '../../src/conversations/district-review-state.js';

describe('what a district officer types', () => {
  it.each([
    ['ยืนยันทั้งหมด', { kind: 'confirm', except: [] }],
    ['ยืนยัน ทั้งหมด', { kind: 'confirm', except: [] }],
    ['ยืนยันทั้งหมด ยกเว้น 12 19', { kind: 'confirm', except: [12, 19] }],
    ['ยืนยันทั้งหมด ยกเว้น 12, 19', { kind: 'confirm', except: [12, 19] }],
    ['ยืนยันทั้งหมด ยกเว้น 12 และ 19', { kind: 'confirm', except: [12, 19] }],
    ['ยืนยันทั้งหมดยกเว้น๑๒ ๑๙', { kind: 'confirm', except: [12, 19] }],
    ['ยืนยันทั้งหมด ยกเว้น รายการที่ 3-5, 19', { kind: 'confirm', except: [3, 4, 5, 19] }],
    ['ส่งกลับ 12', { kind: 'return', no: 12 }],
    ['ส่งกลับ ๗', { kind: 'return', no: 7 }],
    ['ส่งกลับแก้ไข รายการที่ 3', { kind: 'return', no: 3 }],
    ['ดูรายการ', { kind: 'list' }],
    ['ถัดไป', { kind: 'next' }],
    ['ก่อนหน้า', { kind: 'prev' }],
    ['หน้า 2', { kind: 'page', page: 1 }],
    ['ยังไม่รายงาน', { kind: 'pending' }],
    ['ภาพรวม', { kind: 'overview' }],
  ])('"%s" is understood', (typed, command) => {
    expect(parseCommand(typed)).toEqual(command);
  });

  it.each([
    ['ยืนยันทั้งหมด ยกเว้น', 'ยกเว้นรายการไหน'],
    ['ยืนยันทั้งหมด ยกเว้น สิบสอง', 'ไม่เข้าใจ "สิบสอง"'],
    ['ยืนยันทั้งหมด นะคะ', 'ไม่เข้าใจ "นะคะ"'],
    ['ส่งกลับ 12 19', 'ส่งกลับได้ครั้งละ 1 รายการ'],
    ['ส่งกลับ', 'เช่น ส่งกลับ 12'],
  ])('"%s" is explained, not guessed', (typed, message) => {
    const c = parseCommand(typed);
    expect(c?.kind).toBe('error');
    expect(c && 'message' in c ? c.message : '').toContain(message);
  });

  it('anything else is not a review command', () => {
    expect(parseCommand('ยอดไม่ตรงกับสมุดบัญชี')).toBeNull();
    expect(parseCommand('สวัสดี')).toBeNull();
  });

  it.each([
    ['ยืนยันส่งกลับ', 'yes'],
    ['ยืนยัน', 'yes'],
    [' ใช่ ', 'yes'],
    ['แก้ เหตุผล', 'edit'],
    ['ไม่ส่งกลับ', 'no'],
    ['ยืนยันทั้งหมด', null],
    ['ส่งเลย', null],
  ])('at the send-back confirmation "%s" means %s', (typed, answer) => {
    expect(reasonAnswer(typed)).toBe(answer);
  });

  it('a reason is 3–300 characters once spaces are collapsed', () => {
    expect(cleanReason('  ยอด   ไม่ตรง \n สมุด ')).toBe('ยอด ไม่ตรง สมุด');
    expect(cleanReason('  ab  ')).toBeNull();
    expect(cleanReason(' a  b ')).toBe('a b');
    expect(cleanReason('ก'.repeat(300))).toHaveLength(300);
    expect(cleanReason('ก'.repeat(301))).toBeNull();
  });
});
