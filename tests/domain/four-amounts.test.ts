import { describe, expect, it } from 'vitest';
import { parseFourAmounts, type SalesChannel } from '../../src/domain/amount-parser.js';

const baht = (b: number): bigint => BigInt(b) * 100n;
type Amounts = Partial<Record<SalesChannel, bigint>>;

const cases: Array<[string, string, Amounts, SalesChannel[], 'keywords' | 'ordered' | 'none']> = [
  [
    'the example from the brief',
    'ในประเทศ 120,000 ออนไลน์ 5,000 ส่งออก 0',
    { domesticOffline: baht(120_000), domesticOnline: baht(5_000), exportOffline: 0n },
    ['exportOnline'],
    'keywords',
  ],
  [
    'all four keywords with units and zero words',
    'ขายหน้าร้าน 1.2 ล้าน ขายออนไลน์ 3 แสน ส่งออก ไม่มี ส่งออกออนไลน์ -',
    { domesticOffline: baht(1_200_000), domesticOnline: baht(300_000), exportOffline: 0n, exportOnline: 0n },
    [],
    'keywords',
  ],
  [
    'keywords in any order, one per line, with colons and baht',
    'ส่งออกออนไลน์: 2,000 บาท\nออฟไลน์: 50,000 บาท\nออนไลน์ = 1 หมื่น\nต่างประเทศ 0',
    { exportOnline: baht(2_000), domesticOffline: baht(50_000), domesticOnline: baht(10_000), exportOffline: 0n },
    [],
    'keywords',
  ],
  [
    'no spaces at all, Thai digits',
    'ในประเทศ๑๒๐๐๐๐ออนไลน์๕๐๐๐',
    { domesticOffline: baht(120_000), domesticOnline: baht(5_000) },
    ['exportOffline', 'exportOnline'],
    'keywords',
  ],
  [
    'spaced compounds and ภายในประเทศ',
    'ภายในประเทศ 5,000, ต่างประเทศ ออนไลน์ 300, ในประเทศ ออนไลน์ 1,000',
    { domesticOffline: baht(5_000), exportOnline: baht(300), domesticOnline: baht(1_000) },
    ['exportOffline'],
    'keywords',
  ],
  [
    'units are never keywords: "1 ล้าน 2 แสน" stays one amount',
    'หน้าร้าน 1 ล้าน 2 แสน ส่งออก 5 หมื่น',
    { domesticOffline: baht(1_200_000), exportOffline: baht(50_000) },
    ['domesticOnline', 'exportOnline'],
    'keywords',
  ],
  [
    'a dash separator after a keyword is not a minus',
    'หน้าร้าน - 120,000',
    { domesticOffline: baht(120_000) },
    ['domesticOnline', 'exportOffline', 'exportOnline'],
    'keywords',
  ],
  [
    'four bare numbers separated by spaces',
    '120000 5000 0 0',
    { domesticOffline: baht(120_000), domesticOnline: baht(5_000), exportOffline: 0n, exportOnline: 0n },
    [],
    'ordered',
  ],
  [
    'four bare amounts on separate lines',
    '120,000\n5,000\n0\n0',
    { domesticOffline: baht(120_000), domesticOnline: baht(5_000), exportOffline: 0n, exportOnline: 0n },
    [],
    'ordered',
  ],
  [
    'four bare amounts with slashes and spaced thousands',
    '120 000 / 5 000 / ไม่มี / -',
    { domesticOffline: baht(120_000), domesticOnline: baht(5_000), exportOffline: 0n, exportOnline: 0n },
    [],
    'ordered',
  ],
  [
    'bare amounts keep their unit groups together',
    '1 ล้าน 2 แสน 5 หมื่น 3 แสน 0 ไม่มี',
    { domesticOffline: baht(1_250_000), domesticOnline: baht(300_000), exportOffline: 0n, exportOnline: 0n },
    [],
    'ordered',
  ],
  [
    'a single bare number assigns nothing',
    '120000',
    {},
    ['domesticOffline', 'domesticOnline', 'exportOffline', 'exportOnline'],
    'none',
  ],
  [
    'three bare numbers assign nothing',
    '120000 5000 0',
    {},
    ['domesticOffline', 'domesticOnline', 'exportOffline', 'exportOnline'],
    'none',
  ],
  [
    'a greeting assigns nothing',
    'สวัสดีค่ะ',
    {},
    ['domesticOffline', 'domesticOnline', 'exportOffline', 'exportOnline'],
    'none',
  ],
  [
    'the same amount twice is fine',
    'ออนไลน์ 500 ออนไลน์ 500',
    { domesticOnline: baht(500) },
    ['domesticOffline', 'exportOffline', 'exportOnline'],
    'keywords',
  ],
];

describe('parseFourAmounts', () => {
  it.each(cases)('%s', (_label, text, amounts, missing, form) => {
    const r = parseFourAmounts(text);
    expect(r.form).toBe(form);
    expect(r.amounts).toEqual(amounts);
    expect(r.errors).toEqual({});
    expect(r.missing).toEqual(missing);
  });

  it('reports per-field errors with parseAmount messages', () => {
    const r = parseFourAmounts('ในประเทศ 12,000 ออนไลน์ สองพัน ส่งออก -500 ส่งออกออนไลน์ 10.555');
    expect(r.amounts).toEqual({ domesticOffline: baht(12_000) });
    expect(r.errors.domesticOnline?.error).toBe('letters');
    expect(r.errors.exportOffline?.error).toBe('negative');
    expect(r.errors.exportOnline?.error).toBe('too_many_decimals');
    expect(r.errors.exportOnline?.message).toMatch(/[\u0E00-\u0E7F]/);
    expect(r.missing).toEqual([]);
  });

  it('a keyword without an amount is an empty-field error, not missing', () => {
    const r = parseFourAmounts('ส่งออก\nออนไลน์ 5,000');
    expect(r.errors.exportOffline?.error).toBe('empty');
    expect(r.amounts).toEqual({ domesticOnline: baht(5_000) });
  });

  it('the same channel twice with different amounts is a duplicate error', () => {
    const r = parseFourAmounts('ในประเทศ 5000 ในประเทศ 6000');
    expect(r.amounts).toEqual({});
    expect(r.errors.domesticOffline?.error).toBe('duplicate');
    expect(r.errors.domesticOffline?.message).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('returns digits before the first keyword as stray text', () => {
    const r = parseFourAmounts('ยอดเดือน 10 ในประเทศ 5000');
    expect(r.stray).toBe('ยอดเดือน 10');
    expect(r.amounts).toEqual({ domesticOffline: baht(5_000) });
    expect(parseFourAmounts('ยอดขายเดือนนี้ ในประเทศ 5000').stray).toBeNull();
    expect(parseFourAmounts('120000 5000 0').stray).toBe('120000 5000 0');
  });

  it('reports a bad bare amount against its position', () => {
    const r = parseFourAmounts('120000\nabc\n0\n0');
    expect(r.form).toBe('ordered');
    expect(r.errors.domesticOnline?.error).toBe('letters');
  });
});
