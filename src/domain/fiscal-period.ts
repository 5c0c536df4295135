/**
 * Months, days and fiscal periods of OTOP sales reporting — every calendar rule lives here.
 *
 * Representation decision: a sales month is ONE value everywhere it is stored or keyed — `MonthKey`, the
 * GREGORIAN "YYYY-MM" (e.g. "2023-10") — in the database (as its first day, `monthStart`), in chat state, in
 * cache keys and in logs. Buddhist-era (BE) years appear only in display text (see thai-format.ts); there is
 * deliberately no BE "period code". `parseMonthKey` accepts years 1900–2399 only, so a BE key such as
 * "2567-03" is refused rather than silently read as the Gregorian year 2567.
 *
 * Calendar days are `DayKey` "YYYY-MM-DD", also Gregorian. "Today" and "this month" always mean the
 * Asia/Bangkok calendar (UTC+7 all year; Thailand has no daylight saving).
 *
 * Fiscal year: Thai government fiscal years run October–September and are named by the BE year in which they
 * end: October 2023 – September 2024 is fiscal 2567. Round 1 is October–March, round 2 April–September.
 */
import { z } from 'zod';

declare const monthKeyBrand: unique symbol;
declare const dayKeyBrand: unique symbol;

/** Gregorian "YYYY-MM"; every value passed `parseMonthKey` or was derived by this module. */
export type MonthKey = string & { readonly [monthKeyBrand]: true };
/** Gregorian "YYYY-MM-DD" of a real calendar day. */
export type DayKey = string & { readonly [dayKeyBrand]: true };

export type FiscalRound = 'ROUND_1' | 'ROUND_2';
/** Same names as the database enum TargetRound. */
export type RoundOrFullYear = FiscalRound | 'FULL_YEAR';

export interface DueDates {
  /** Last day (inclusive) producers and districts may enter figures on time. */
  entryDue: DayKey;
  /** Last day for district confirmation (รต.2). */
  districtConfirmDue: DayKey;
  /** Last day for province confirmation (รต.3). */
  provinceConfirmDue: DayKey;
}

/** Offset of Asia/Bangkok from UTC; constant since 1920. */
export const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Day-of-the-following-month defaults for `dueDatesFor`. Sources: the department's roadmap (5th, 6th, 10th of
 * the following month) and its 2564 letter, which asks for DOC entry AND province confirmation by the 5th —
 * so a province confirming on the 6th is a day past the department's written rule. One-off exceptions
 * (September 2564: due 27 September) belong in the DeadlineCalendar table, not here.
 */
export const DEFAULT_DUE_DAYS = { entry: 3, districtConfirm: 4, provinceConfirm: 5 } as const;

const MIN_YEAR = 1900;
const MAX_YEAR = 2399;
const BE_OFFSET = 543;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Gregorian year out of range ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

function assertValidDate(d: Date): void {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid Date');
}

/** Builds a key from a Gregorian year and month 1–12. */
export function monthKey(year: number, month: number): MonthKey {
  assertYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Month out of range: ${month}`);
  return `${year}-${pad2(month)}` as MonthKey;
}

/** Year and month (1–12) of a key. */
export function monthParts(key: MonthKey): { year: number; month: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** Strict "YYYY-MM" (zero-padded, month 01–12, year 1900–2399); anything else is null. */
export function parseMonthKey(s: string): MonthKey | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  return s as MonthKey;
}

/** Zod schema for a `MonthKey` in stored JSON (conversation state, job payloads). */
export const monthKeySchema = z.custom<MonthKey>((v) => typeof v === 'string' && parseMonthKey(v) !== null, {
  message: 'Expected a Gregorian month key "YYYY-MM"',
});

/** Strict "YYYY-MM-DD" of a day that exists (leap years honoured); anything else is null. */
export function parseDayKey(s: string): DayKey | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return s as DayKey;
}

/** Zod schema for a `DayKey` in stored JSON. */
export const dayKeySchema = z.custom<DayKey>((v) => typeof v === 'string' && parseDayKey(v) !== null, {
  message: 'Expected a Gregorian day key "YYYY-MM-DD"',
});

/** The Bangkok calendar day of an instant. */
export function dayKeyOf(instant: Date): DayKey {
  assertValidDate(instant);
  const b = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  assertYear(b.getUTCFullYear());
  return `${b.getUTCFullYear()}-${pad2(b.getUTCMonth() + 1)}-${pad2(b.getUTCDate())}` as DayKey;
}

/** The Bangkok calendar month of an instant. */
export function monthKeyOf(instant: Date): MonthKey {
  return dayKeyOf(instant).slice(0, 7) as MonthKey;
}

/** The month a day belongs to. */
export function monthOfDay(day: DayKey): MonthKey {
  return day.slice(0, 7) as MonthKey;
}

/** UTC midnight of the month's first day — the value a Prisma `@db.Date` month column holds. */
export function monthStart(key: MonthKey): Date {
  const { year, month } = monthParts(key);
  return new Date(Date.UTC(year, month - 1, 1));
}

/** Inverse of `monthStart`; throws unless `d` is UTC midnight of a first day (catches time-zone slips). */
export function monthKeyFromDbDate(d: Date): MonthKey {
  assertValidDate(d);
  if (d.getUTCDate() !== 1 || d.getTime() % 86_400_000 !== 0) {
    throw new RangeError(`Not the first day of a month at UTC midnight: ${d.toISOString()}`);
  }
  return monthKey(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/** UTC midnight of the day — the value a Prisma `@db.Date` day column holds. */
export function dayStart(day: DayKey): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Inverse of `dayStart`; throws unless `d` is a UTC midnight. */
export function dayKeyFromDbDate(d: Date): DayKey {
  assertValidDate(d);
  if (d.getTime() % 86_400_000 !== 0) throw new RangeError(`Not a UTC midnight: ${d.toISOString()}`);
  return d.toISOString().slice(0, 10) as DayKey;
}

/** The key `n` months after `key` (negative `n` goes back). */
export function addMonths(key: MonthKey, n: number): MonthKey {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of months: ${n}`);
  const { year, month } = monthParts(key);
  const index = year * 12 + (month - 1) + n;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

export const nextMonth = (key: MonthKey): MonthKey => addMonths(key, 1);
export const previousMonth = (key: MonthKey): MonthKey => addMonths(key, -1);
export const sameMonthLastYear = (key: MonthKey): MonthKey => addMonths(key, -12);

/** Chronological order: negative, zero or positive like `Array.prototype.sort` expects. */
export function compareMonths(a: MonthKey, b: MonthKey): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let k = from; compareMonths(k, to) <= 0; k = nextMonth(k)) out.push(k);
  return out;
}

/** BE year of a Gregorian year (2023 → 2566). */
export const toBuddhistYear = (gregorianYear: number): number => gregorianYear + BE_OFFSET;

/** BE fiscal year containing the month (Oct 2023 → 2567, Sep 2024 → 2567, Oct 2024 → 2568). */
export function fiscalYearOf(key: MonthKey): number {
  const { year, month } = monthParts(key);
  return toBuddhistYear(month >= 10 ? year + 1 : year);
}

/** The twelve months of a BE fiscal year, October first. */
export function fiscalYearMonths(fiscalYear: number): MonthKey[] {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`Not a fiscal year: ${fiscalYear}`);
  const first = monthKey(fiscalYear - BE_OFFSET - 1, 10);
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i));
}

/** Round 1 = October–March, round 2 = April–September. */
export function fiscalRoundOf(key: MonthKey): FiscalRound {
  const { month } = monthParts(key);
  return month >= 4 && month <= 9 ? 'ROUND_2' : 'ROUND_1';
}

/** Months of a round (6) or of the whole fiscal year (12), in order. */
export function roundMonths(fiscalYear: number, round: RoundOrFullYear): MonthKey[] {
  const all = fiscalYearMonths(fiscalYear);
  if (round === 'FULL_YEAR') return all;
  return round === 'ROUND_1' ? all.slice(0, 6) : all.slice(6);
}

/** The month just ended in Bangkok — the month producers report on by default. */
export function defaultReportingMonth(now: Date): MonthKey {
  return previousMonth(monthKeyOf(now));
}

/** Default deadlines of a sales month, all in the following month (see DEFAULT_DUE_DAYS). */
export function dueDatesFor(key: MonthKey): DueDates {
  const next = nextMonth(key);
  const day = (d: number): DayKey => `${next}-${pad2(d)}` as DayKey;
  return {
    entryDue: day(DEFAULT_DUE_DAYS.entry),
    districtConfirmDue: day(DEFAULT_DUE_DAYS.districtConfirm),
    provinceConfirmDue: day(DEFAULT_DUE_DAYS.provinceConfirm),
  };
}

/** Late when the Bangkok calendar day of `submittedAt` is after `due` (the whole due day is on time). */
export function isLate(submittedAt: Date, due: DayKey): boolean {
  return dayKeyOf(submittedAt) > due;
}
