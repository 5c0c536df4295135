import { describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT_SATANG,
  looksUnusual,
  parseAmount,
  type AmountError,
} from '../../src/domain/amount-parser.js';

const THAI = /[\u0E00-\u0E7F]/;
const baht = (b: number | bigint): bigint => BigInt(b) * 100n;

const accepted: Array<[string, bigint]> = [
  // plain digits, commas, spaces
  ['0', 0n],
  ['5', baht(5)],
  ['120000', baht(120_000)],
  ['120,000', baht(120_000)],
  ['1,234,567', baht(1_234_567)],
  ['120 000', baht(120_000)],
  ['1 200 000', baht(1_200_000)],
  ['  12500  ', baht(12_500)],
  ['007', baht(7)],
  // decimals
  ['10.5', 1050n],
  ['10.50', 1050n],
  ['1,234.56', 123_456n],
  ['0.01', 1n],
  ['0.00', 0n],
  ['.5', 50n],
  // Thai and full-width digits
  ['๑๒๐,๐๐๐', baht(120_000)],
  ['๕๐๐', baht(500)],
  ['๑,๒๓๔.๕๐', 123_450n],
  ['１２０００', baht(12_000)],
  // currency before or after, particles, fillers
  ['120,000 บาท', baht(120_000)],
  ['120,000บาท', baht(120_000)],
  ['บาท 500', baht(500)],
  ['฿500', baht(500)],
  ['500฿', baht(500)],
  ['500 บ.', baht(500)],
  ['500บ', baht(500)],
  ['500.-', baht(500)],
  ['฿12,000.-', baht(12_000)],
  ['12,000 บาทถ้วน', baht(12_000)],
  ['12,000 บาทค่ะ', baht(12_000)],
  ['5000 ครับ', baht(5_000)],
  ['ยอดขาย 5000', baht(5_000)],
  ['ขายได้ 3,500 บาท', baht(3_500)],
  ['THB 900', baht(900)],
  // units
  ['1.2 ล้าน', baht(1_200_000)],
  ['1.2ล้าน', baht(1_200_000)],
  ['3 แสน', baht(300_000)],
  ['2.5 แสน', baht(250_000)],
  ['5 หมื่น', baht(50_000)],
  ['7 พัน', baht(7_000)],
  ['5 ร้อย', baht(500)],
  ['๒ แสน', baht(200_000)],
  ['1 ล้าน 2 แสน', baht(1_200_000)],
  ['1ล้าน5แสน', baht(1_500_000)],
  ['3 แสน 5 หมื่น', baht(350_000)],
  ['2 หมื่น 5 พัน 5 ร้อย', baht(25_500)],
  ['1 ล้าน 2.5 แสน', baht(1_250_000)],
  ['15 แสน', baht(1_500_000)],
  ['1.2 ล้านบาท', baht(1_200_000)],
  ['.5 ล้าน', baht(500_000)],
  ['1.234567 ล้าน', baht(1_234_567)],
  ['1.2345678 ล้าน', 123_456_780n],
  ['1.23456789 ล้าน', 123_456_789n],
  ['0.00001 พัน', 1n],
  ['5k', baht(5_000)],
  ['1.5M', baht(1_500_000)],
  // zero words
  ['ไม่มี', 0n],
  ['ไม่มีขาย', 0n],
  ['ไม่มียอดขาย', 0n],
  ['ไม่มีค่ะ', 0n],
  ['ขายไม่ได้', 0n],
  ['ศูนย์', 0n],
  ['ศูนย์บาท', 0n],
  ['-', 0n],
  ['–', 0n],
  // ceiling is inclusive
  ['1,000,000,000', MAX_AMOUNT_SATANG],
  ['1000 ล้าน', MAX_AMOUNT_SATANG],
];

const refused: Array<[string, AmountError]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['บาท', 'empty'],
  ['ค่ะ', 'empty'],
  ['-500', 'negative'],
  ['−500', 'negative'],
  ['– 500', 'negative'],
  ['-0.5', 'negative'],
  ['฿-500', 'negative'],
  ['ติดลบ 500', 'negative'],
  ['ขาดทุน 2,000', 'negative'],
  ['ยอดขาย -500', 'negative'],
  ['abc', 'letters'],
  ['สองพัน', 'letters'],
  ['ประมาณ 5000', 'letters'],
  ['12,000 บาท 50 สตางค์', 'letters'],
  ['แสนห้า', 'letters'],
  ['ล้าน', 'letters'],
  ['5km', 'letters'],
  ['10.555', 'too_many_decimals'],
  ['10.500', 'too_many_decimals'],
  ['0.001', 'too_many_decimals'],
  ['1.234567891 ล้าน', 'too_many_decimals'],
  ['0.000001 พัน', 'too_many_decimals'],
  ['10 ร้อย 3', 'malformed'],
  ['1,000,000,000.01', 'too_large'],
  ['2 แสนล้าน', 'too_large'],
  ['99999999999999999999999', 'too_large'],
  ['1..2', 'malformed'],
  ['1,2,3.4.5', 'malformed'],
  ['1.200.000', 'malformed'],
  ['12.', 'malformed'],
  ['120,50', 'malformed'],
  ['1,2345', 'malformed'],
  ['1,20,000', 'malformed'],
  ['1,2000', 'malformed'],
  ['12,3456,789', 'malformed'],
  ['1234,567', 'malformed'],
  ['12,5', 'malformed'],
  [',500', 'malformed'],
  ['12 34', 'malformed'],
  ['1 ล้าน 2', 'malformed'],
  ['5 หมื่น 3 แสน', 'malformed'],
  ['1 ล้าน 15 แสน', 'malformed'],
  ['1 แสน 1 แสน', 'malformed'],
  ['12/3', 'malformed'],
  ['500-', 'malformed'],
  ['+500', 'malformed'],
];

describe('parseAmount accepts', () => {
  it.each(accepted)('%j → %s satang', (input, satang) => {
    expect(parseAmount(input)).toEqual({ ok: true, satang });
  });
});

describe('parseAmount refuses', () => {
  it.each(refused)('%j → %s', (input, error) => {
    const r = parseAmount(input);
    expect(r).toMatchObject({ ok: false, error });
    if (!r.ok) {
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.message).toMatch(THAI);
    }
  });

  it('gives every error kind its own Thai message', () => {
    const byKind = new Map<AmountError, string>();
    for (const [input, error] of refused) {
      const r = parseAmount(input);
      if (!r.ok && !byKind.has(error)) byKind.set(error, r.message);
    }
    expect([...byKind.keys()].sort()).toEqual(
      ['empty', 'letters', 'malformed', 'negative', 'too_large', 'too_many_decimals'],
    );
    expect(new Set(byKind.values()).size).toBe(6);
  });

  it('explains a decimal comma and a unit without digits differently from a generic malformed', () => {
    const generic = parseAmount('1..2');
    const comma = parseAmount('120,50');
    const unit = parseAmount('1 ล้าน 2');
    const messages = [generic, comma, unit].map((r) => (r.ok ? '' : r.message));
    expect(new Set(messages).size).toBe(3);
    expect(messages[1]).toContain('จุด');
    expect(messages[2]).toContain('1 ล้าน 2 แสน');
  });

  it('refuses a misplaced thousands separator as a typo and shows the digits it may have meant', () => {
    const r = parseAmount('1,2345');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain('ผิดตำแหน่ง');
    expect(r.ok ? '' : r.message).toContain('12,345');
    expect(parseAmount('12,345')).toEqual({ ok: true, satang: baht(12_345) });
    expect(parseAmount('1,234,567.50')).toEqual({ ok: true, satang: 123_456_750n });
  });
});

describe('parseAmount ceiling', () => {
  it('uses a custom ceiling and names it in the message', () => {
    const ceiling = baht(50_000);
    expect(parseAmount('50,000', { ceilingSatang: ceiling })).toEqual({ ok: true, satang: ceiling });
    const r = parseAmount('50,000.01', { ceilingSatang: ceiling });
    expect(r).toMatchObject({ ok: false, error: 'too_large' });
    if (!r.ok) expect(r.message).toContain('50,000');
  });

  it('keeps exact bigint values above 2^53 satang when the ceiling allows', () => {
    const r = parseAmount('98,765,432,109,876.54', { ceilingSatang: 10n ** 30n });
    expect(r).toEqual({ ok: true, satang: 9_876_543_210_987_654n });
  });
});

describe('looksUnusual', () => {
  const floor = 10_000_00n;
  it.each<[string, bigint, bigint | null, boolean]>([
    ['no history', baht(1_000_000), null, false],
    ['same as last month', baht(50_000), baht(50_000), false],
    ['exactly 3×', baht(30_000), baht(10_000), false],
    ['just over 3×', baht(30_000) + 1n, baht(10_000), true],
    ['exactly a third', baht(10_000), baht(30_000), false],
    ['just under a third', baht(10_000) - 1n, baht(30_000), true],
    ['tiny amounts below the floor', baht(9_000), baht(100), false],
    ['larger value exactly at the floor', baht(10_000), baht(100), true],
    ['larger value one satang below the floor', floor - 1n, 1n, false],
    ['drop to zero from a real month', 0n, baht(20_000), true],
    ['first sales after a zero month', baht(20_000), 0n, true],
    ['both zero', 0n, 0n, false],
  ])('%s', (_label, amount, lastMonth, expected) => {
    expect(looksUnusual(amount, lastMonth)).toBe(expected);
  });

  it('honours a custom floor', () => {
    expect(looksUnusual(baht(5_000), baht(1_000), baht(1_000_000))).toBe(false);
    expect(looksUnusual(baht(5_000), baht(1_000), baht(5_000))).toBe(true);
  });
});
