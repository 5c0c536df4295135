/**
 * Thai display text for months, days, fiscal years and money. Display only: nothing here is parsed back or
 * stored. Years are shown in the Buddhist era (BE = CE + 543); keys stay Gregorian (see fiscal-period.ts).
 * Money is integer satang (`bigint`) end to end — no floating point touches an amount.
 */
import { monthParts, toBuddhistYear, type DayKey, type MonthKey } from './fiscal-period.js';

export type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export interface DigitOptions {
  /** Render ๐–๙ instead of 0–9 (formal letters use Thai digits). */
  thaiDigits?: boolean;
}

const FULL_MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;

const SHORT_MONTHS = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;

const THAI_ZERO = 0x0e50;

/** "0"–"9" → "๐"–"๙"; every other character unchanged. */
export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 48));
}

/** "๐"–"๙" → "0"–"9"; every other character unchanged. */
export function toArabicDigits(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

const digits = (s: string, opts?: DigitOptions): string => (opts?.thaiDigits ? toThaiDigits(s) : s);

/** Month name: full "ตุลาคม" or abbreviated "ต.ค.". */
export function thaiMonthName(month: MonthNumber, style: 'full' | 'short' = 'full'): string {
  const name = (style === 'short' ? SHORT_MONTHS : FULL_MONTHS)[month - 1];
  if (name === undefined) throw new RangeError(`Month out of range: ${month}`);
  return name;
}

/** "ตุลาคม 2566", or with `short` "ต.ค. 66" (two-digit BE year, as in Thai tables). */
export function formatMonthTh(key: MonthKey, opts?: DigitOptions & { short?: boolean }): string {
  const { year, month } = monthParts(key);
  const be = toBuddhistYear(year);
  const text = opts?.short
    ? `${thaiMonthName(month as MonthNumber, 'short')} ${String(be % 100).padStart(2, '0')}`
    : `${thaiMonthName(month as MonthNumber)} ${be}`;
  return digits(text, opts);
}

/** "ปีงบประมาณ 2567" for a BE fiscal year. */
export function formatFiscalYearTh(fiscalYear: number, opts?: DigitOptions): string {
  return digits(`ปีงบประมาณ ${fiscalYear}`, opts);
}

/** "5 พฤศจิกายน 2566", or with `short` "5 พ.ย. 66". */
export function formatDayTh(day: DayKey, opts?: DigitOptions & { short?: boolean }): string {
  const d = Number(day.slice(8, 10));
  const month = formatMonthTh(day.slice(0, 7) as MonthKey, { short: opts?.short ?? false });
  return digits(`${d} ${month}`, opts);
}

/** Thousands separators on a string of ASCII digits. */
function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Baht with thousands separators, no unit: "120,000" / "1,234,567.50". `decimals: 'auto'` (default) shows
 * satang only when the amount is not whole baht; `2` always shows two places; `0` rounds to whole baht (half away
 * from zero). Negative amounts get "-".
 */
export function formatBaht(satang: bigint, opts?: DigitOptions & { decimals?: 'auto' | 2 | 0 }): string {
  const sign = satang < 0n ? '-' : '';
  let abs = satang < 0n ? -satang : satang;
  if (opts?.decimals === 0) abs = ((abs + 50n) / 100n) * 100n;
  const baht = groupThousands((abs / 100n).toString());
  const frac = abs % 100n;
  const showFrac = opts?.decimals === 2 || frac !== 0n;
  return digits(`${sign}${baht}${showFrac ? `.${frac.toString().padStart(2, '0')}` : ''}`, opts);
}

/** `n / d` rounded half away from zero, for positive `d`. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (2n * (r < 0n ? -r : r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

const SATANG_PER_MILLION = 100_000_000n;

/**
 * Short amount for cards: from one million baht "1.2 ล้าน" / "184,212.88 ล้าน" (at most two decimals,
 * trailing zeros dropped), below that whole baht "350,000". Rounds half away from zero.
 */
export function formatBahtCompact(satang: bigint, opts?: DigitOptions): string {
  const sign = satang < 0n ? '-' : '';
  const abs = satang < 0n ? -satang : satang;
  if (abs >= SATANG_PER_MILLION) {
    const hundredthsOfMillion = divRound(abs, SATANG_PER_MILLION / 100n);
    const whole = groupThousands((hundredthsOfMillion / 100n).toString());
    const frac = (hundredthsOfMillion % 100n).toString().padStart(2, '0').replace(/0+$/, '');
    return digits(`${sign}${whole}${frac ? `.${frac}` : ''} ล้าน`, opts);
  }
  const baht = divRound(abs, 100n);
  return digits(`${baht === 0n ? '' : sign}${groupThousands(baht.toString())}`, opts);
}

/**
 * Change from `previous` to `current` with one decimal: "+12.5%", "−3.0%" (U+2212 minus), "0.0%".
 * Null when `previous` is zero (no meaningful ratio). Rounds half away from zero.
 */
export function formatPercentChange(current: bigint, previous: bigint, opts?: DigitOptions): string | null {
  if (previous === 0n) return null;
  const base = previous < 0n ? -previous : previous;
  const tenths = divRound((current - previous) * 1000n, base);
  const abs = tenths < 0n ? -tenths : tenths;
  const sign = tenths > 0n ? '+' : tenths < 0n ? '\u2212' : '';
  return digits(`${sign}${groupThousands((abs / 10n).toString())}.${abs % 10n}%`, opts);
}
