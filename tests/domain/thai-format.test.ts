import { describe, expect, it } from 'vitest';
import { parseDayKey, parseMonthKey, type DayKey, type MonthKey } from '../../src/domain/fiscal-period.js';
import {
  formatBaht,
  formatBahtCompact,
  formatDayTh,
  formatFiscalYearTh,
  formatMonthTh,
  formatPercentChange,
  thaiMonthName,
  toArabicDigits,
  toThaiDigits,
  type MonthNumber,
} from '../../src/domain/thai-format.js';

const mk = (s: string): MonthKey => parseMonthKey(s) ?? (() => { throw new Error(s); })();
const dk = (s: string): DayKey => parseDayKey(s) ?? (() => { throw new Error(s); })();
const baht = (b: number | bigint): bigint => BigInt(b) * 100n;

describe('digits', () => {
  it.each([
    ['0123456789', '๐๑๒๓๔๕๖๗๘๙'],
    ['ปี 2567', 'ปี ๒๕๖๗'],
    ['1,234.50 บาท', '๑,๒๓๔.๕๐ บาท'],
    ['', ''],
  ])('%j ↔ %j', (arabic, thai) => {
    expect(toThaiDigits(arabic)).toBe(thai);
    expect(toArabicDigits(thai)).toBe(arabic);
  });

  it('leaves mixed text alone apart from digits', () => {
    expect(toArabicDigits('๑2๓ abc')).toBe('123 abc');
  });
});

describe('month and day names', () => {
  it.each<[MonthNumber, string, string]>([
    [1, 'มกราคม', 'ม.ค.'],
    [2, 'กุมภาพันธ์', 'ก.พ.'],
    [4, 'เมษายน', 'เม.ย.'],
    [7, 'กรกฎาคม', 'ก.ค.'],
    [10, 'ตุลาคม', 'ต.ค.'],
    [11, 'พฤศจิกายน', 'พ.ย.'],
    [12, 'ธันวาคม', 'ธ.ค.'],
  ])('month %i', (m, full, short) => {
    expect(thaiMonthName(m)).toBe(full);
    expect(thaiMonthName(m, 'short')).toBe(short);
  });

  it('formats months with Buddhist-era years', () => {
    expect(formatMonthTh(mk('2023-10'))).toBe('ตุลาคม 2566');
    expect(formatMonthTh(mk('2023-10'), { short: true })).toBe('ต.ค. 66');
    expect(formatMonthTh(mk('2024-01'), { thaiDigits: true })).toBe('มกราคม ๒๕๖๗');
    expect(formatMonthTh(mk('2057-01'), { short: true })).toBe('ม.ค. 00');
  });

  it('formats fiscal years and days', () => {
    expect(formatFiscalYearTh(2567)).toBe('ปีงบประมาณ 2567');
    expect(formatFiscalYearTh(2567, { thaiDigits: true })).toBe('ปีงบประมาณ ๒๕๖๗');
    expect(formatDayTh(dk('2023-11-05'))).toBe('5 พฤศจิกายน 2566');
    expect(formatDayTh(dk('2024-02-29'), { short: true, thaiDigits: true })).toBe('๒๙ ก.พ. ๖๗');
  });
});

describe('formatBaht', () => {
  it.each<[bigint, string, string]>([
    [0n, '0', '0.00'],
    [1n, '0.01', '0.01'],
    [50n, '0.50', '0.50'],
    [baht(999), '999', '999.00'],
    [baht(1_000), '1,000', '1,000.00'],
    [baht(120_000), '120,000', '120,000.00'],
    [123_456_750n, '1,234,567.50', '1,234,567.50'],
    [baht(153_510_732_855), '153,510,732,855', '153,510,732,855.00'],
    [2n ** 64n + 5n, '184,467,440,737,095,516.21', '184,467,440,737,095,516.21'],
    [-123_450n, '-1,234.50', '-1,234.50'],
  ])('%s satang → %s / %s', (satang, auto, two) => {
    expect(formatBaht(satang)).toBe(auto);
    expect(formatBaht(satang, { decimals: 2 })).toBe(two);
  });

  it('renders Thai digits on request', () => {
    expect(formatBaht(baht(120_000), { thaiDigits: true })).toBe('๑๒๐,๐๐๐');
  });

  it.each<[bigint, string]>([
    [baht(418_453_794), '418,453,794'],
    [123_456_749n, '1,234,567'],
    [123_456_750n, '1,234,568'],
    [-123_450n, '-1,235'],
    [49n, '0'],
  ])('whole baht (decimals 0): %s satang → %s, rounded half away from zero', (satang, whole) => {
    expect(formatBaht(satang, { decimals: 0 })).toBe(whole);
  });
});

describe('formatBahtCompact', () => {
  it.each<[bigint, string]>([
    [0n, '0'],
    [baht(350_000), '350,000'],
    [35_000_050n, '350,001'],
    [baht(999_999) + 49n, '999,999'],
    [baht(999_999) + 50n, '1,000,000'],
    [baht(1_000_000), '1 ล้าน'],
    [baht(1_200_000), '1.2 ล้าน'],
    [baht(1_234_567), '1.23 ล้าน'],
    [baht(1_235_000), '1.24 ล้าน'],
    [baht(1_999_999), '2 ล้าน'],
    [baht(12_050_000), '12.05 ล้าน'],
    [baht(184_212_879_426), '184,212.88 ล้าน'],
    [10n ** 22n, '100,000,000,000,000 ล้าน'],
    [-baht(1_500_000), '-1.5 ล้าน'],
    [-40n, '0'],
  ])('%s satang → %s', (satang, text) => {
    expect(formatBahtCompact(satang)).toBe(text);
  });

  it('renders Thai digits on request', () => {
    expect(formatBahtCompact(baht(2_500_000), { thaiDigits: true })).toBe('๒.๕ ล้าน');
  });
});

describe('formatPercentChange', () => {
  it.each<[bigint, bigint, string | null]>([
    [baht(112_500), baht(100_000), '+12.5%'],
    [baht(97_000), baht(100_000), '\u22123.0%'],
    [baht(100_000), baht(100_000), '0.0%'],
    [baht(100_000), 0n, null],
    [0n, 0n, null],
    [0n, baht(5_000), '\u2212100.0%'],
    [baht(1), baht(3), '\u221266.7%'],
    [baht(2), baht(3), '\u221233.3%'],
    [100_050n, baht(1_000), '+0.1%'],
    [100_049n, baht(1_000), '0.0%'],
    [baht(1_000_000), baht(1), '+99,999,900.0%'],
    [2n ** 70n, 2n ** 69n, '+100.0%'],
  ])('%s vs %s → %s', (current, previous, text) => {
    expect(formatPercentChange(current, previous)).toBe(text);
  });
});
