import { describe, expect, it } from 'vitest';
import {
  addMonths,
  compareMonths,
  dayKeyFromDbDate,
  dayKeySchema,
  dayKeyOf,
  dayStart,
  defaultReportingMonth,
  dueDatesFor,
  fiscalRoundOf,
  fiscalYearMonths,
  fiscalYearOf,
  isLate,
  monthKeyFromDbDate,
  monthKeySchema,
  monthKeyOf,
  monthRange,
  monthStart,
  nextMonth,
  parseDayKey,
  parseMonthKey,
  previousMonth,
  roundMonths,
  sameMonthLastYear,
  type DayKey,
  type MonthKey,
} from '../../src/domain/fiscal-period.js';

const mk = (s: string): MonthKey => {
  const k = parseMonthKey(s);
  if (!k) throw new Error(`bad test key ${s}`);
  return k;
};
const dk = (s: string): DayKey => {
  const k = parseDayKey(s);
  if (!k) throw new Error(`bad test day ${s}`);
  return k;
};

describe('monthKeyOf / dayKeyOf use the Bangkok calendar', () => {
  it.each([
    ['2023-09-30T16:59:59.999Z', '2023-09', '2023-09-30'],
    ['2023-09-30T17:00:00.000Z', '2023-10', '2023-10-01'],
    ['2023-12-31T16:59:59Z', '2023-12', '2023-12-31'],
    ['2023-12-31T17:00:00Z', '2024-01', '2024-01-01'],
    ['2024-02-29T12:00:00Z', '2024-02', '2024-02-29'],
    ['2024-02-29T17:00:00Z', '2024-03', '2024-03-01'],
    ['2024-03-01T00:00:00+07:00', '2024-03', '2024-03-01'],
  ])('%s → %s / %s', (iso, month, day) => {
    expect(monthKeyOf(new Date(iso))).toBe(month);
    expect(dayKeyOf(new Date(iso))).toBe(day);
  });

  it('throws on an invalid date', () => {
    expect(() => monthKeyOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('parseMonthKey / parseDayKey', () => {
  it.each([
    ['2023-10', true], ['1999-01', true], ['2399-12', true],
    ['2023-13', false], ['2023-00', false], ['2023-1', false], ['23-10', false], ['2023/10', false],
    [' 2023-10', false], ['2023-10-01', false], ['', false],
    ['2567-03', false], // a Buddhist-era key must never pass as Gregorian
    ['1899-12', false],
  ])('month %j valid=%s', (s, ok) => {
    expect(parseMonthKey(s) !== null).toBe(ok);
  });

  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2100-02-29', false], ['2000-02-29', true],
    ['2023-04-31', false], ['2023-12-31', true], ['2023-12-00', false], ['2023-12-1', false],
  ])('day %j valid=%s', (s, ok) => {
    expect(parseDayKey(s) !== null).toBe(ok);
  });
});

describe('database dates', () => {
  it('monthStart is UTC midnight of the first day, and round-trips', () => {
    expect(monthStart(mk('2023-10')).toISOString()).toBe('2023-10-01T00:00:00.000Z');
    expect(monthKeyFromDbDate(new Date('2024-02-01T00:00:00Z'))).toBe('2024-02');
  });

  it('monthKeyFromDbDate refuses a shifted or mid-month value', () => {
    expect(() => monthKeyFromDbDate(new Date('2023-09-30T17:00:00Z'))).toThrow(RangeError);
    expect(() => monthKeyFromDbDate(new Date('2023-10-02T00:00:00Z'))).toThrow(RangeError);
  });

  it('dayStart and dayKeyFromDbDate round-trip', () => {
    expect(dayStart(dk('2024-02-29')).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(dayKeyFromDbDate(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
    expect(() => dayKeyFromDbDate(new Date('2024-02-29T07:00:00Z'))).toThrow(RangeError);
  });
});

describe('month arithmetic', () => {
  it.each([
    ['2023-12', 1, '2024-01'],
    ['2024-01', -1, '2023-12'],
    ['2023-10', 11, '2024-09'],
    ['2023-10', 12, '2024-10'],
    ['2023-10', -24, '2021-10'],
    ['2024-03', 0, '2024-03'],
  ])('addMonths(%s, %i) = %s', (from, n, to) => {
    expect(addMonths(mk(from), n)).toBe(to);
  });

  it('next, previous and same month last year wrap the year', () => {
    expect(nextMonth(mk('2023-12'))).toBe('2024-01');
    expect(previousMonth(mk('2024-01'))).toBe('2023-12');
    expect(sameMonthLastYear(mk('2024-02'))).toBe('2023-02');
  });

  it('compareMonths sorts chronologically', () => {
    const keys = ['2024-01', '2023-10', '2023-12', '2024-01'].map(mk);
    expect([...keys].sort(compareMonths)).toEqual(['2023-10', '2023-12', '2024-01', '2024-01']);
    expect(compareMonths(mk('2023-09'), mk('2023-10'))).toBe(-1);
    expect(compareMonths(mk('2023-10'), mk('2023-10'))).toBe(0);
  });

  it('monthRange is inclusive and empty when reversed', () => {
    expect(monthRange(mk('2023-11'), mk('2024-02'))).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthRange(mk('2024-02'), mk('2023-11'))).toEqual([]);
  });

  it('refuses fractional month offsets', () => {
    expect(() => addMonths(mk('2023-10'), 0.5)).toThrow(RangeError);
  });
});

describe('fiscal years and rounds (Buddhist era, October start)', () => {
  it.each([
    ['2023-09', 2566],
    ['2023-10', 2567],
    ['2023-12', 2567],
    ['2024-01', 2567],
    ['2024-09', 2567],
    ['2024-10', 2568],
    ['2022-10', 2566],
  ])('fiscalYearOf(%s) = %i', (key, fy) => {
    expect(fiscalYearOf(mk(key))).toBe(fy);
  });

  it('fiscalYearMonths lists October to September in order', () => {
    const months = fiscalYearMonths(2567);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2023-10');
    expect(months[3]).toBe('2024-01');
    expect(months[11]).toBe('2024-09');
    expect([...months].sort(compareMonths)).toEqual(months);
    expect(months.every((m) => fiscalYearOf(m) === 2567)).toBe(true);
  });

  it.each([
    ['2023-10', 'ROUND_1'], ['2023-12', 'ROUND_1'], ['2024-01', 'ROUND_1'], ['2024-03', 'ROUND_1'],
    ['2024-04', 'ROUND_2'], ['2024-09', 'ROUND_2'],
  ])('fiscalRoundOf(%s) = %s', (key, round) => {
    expect(fiscalRoundOf(mk(key))).toBe(round);
  });

  it('roundMonths splits the year in halves', () => {
    expect(roundMonths(2567, 'ROUND_1')).toEqual(['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
    expect(roundMonths(2567, 'ROUND_2')).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09']);
    expect(roundMonths(2567, 'FULL_YEAR')).toEqual(fiscalYearMonths(2567));
    for (const m of roundMonths(2566, 'ROUND_2')) expect(fiscalRoundOf(m)).toBe('ROUND_2');
  });
});

describe('reporting month and deadlines', () => {
  it.each([
    ['2023-10-01T00:00:00+07:00', '2023-09'],
    ['2023-09-30T23:59:59+07:00', '2023-08'],
    ['2024-01-01T00:30:00+07:00', '2023-12'],
    ['2023-12-31T17:30:00Z', '2023-12'],
  ])('defaultReportingMonth(%s) = %s', (iso, key) => {
    expect(defaultReportingMonth(new Date(iso))).toBe(key);
  });

  it.each([
    ['2023-10', { entryDue: '2023-11-03', districtConfirmDue: '2023-11-04', provinceConfirmDue: '2023-11-05' }],
    ['2023-12', { entryDue: '2024-01-03', districtConfirmDue: '2024-01-04', provinceConfirmDue: '2024-01-05' }],
    ['2024-01', { entryDue: '2024-02-03', districtConfirmDue: '2024-02-04', provinceConfirmDue: '2024-02-05' }],
    ['2024-02', { entryDue: '2024-03-03', districtConfirmDue: '2024-03-04', provinceConfirmDue: '2024-03-05' }],
    ['2024-09', { entryDue: '2024-10-03', districtConfirmDue: '2024-10-04', provinceConfirmDue: '2024-10-05' }],
  ])('dueDatesFor(%s)', (key, due) => {
    const d = dueDatesFor(mk(key));
    expect(d).toEqual(due);
    for (const day of Object.values(d)) expect(parseDayKey(day)).toBe(day);
  });

  it.each([
    ['2023-11-03T23:59:59+07:00', false],
    ['2023-11-03T16:59:59.999Z', false],
    ['2023-11-03T17:00:00Z', true],
    ['2023-11-04T00:00:00+07:00', true],
    ['2023-11-02T20:00:00Z', false],
    ['2023-10-31T12:00:00+07:00', false],
  ])('isLate(%s, 2023-11-03) = %s', (iso, late) => {
    expect(isLate(new Date(iso), dk('2023-11-03'))).toBe(late);
  });

  it('isLate handles the leap day', () => {
    expect(isLate(new Date('2024-02-29T23:59:00+07:00'), dk('2024-02-29'))).toBe(false);
    expect(isLate(new Date('2024-03-01T00:00:00+07:00'), dk('2024-02-29'))).toBe(true);
  });
});

describe('zod schemas', () => {
  it('accept only valid keys', () => {
    expect(monthKeySchema.parse('2023-10')).toBe('2023-10');
    expect(monthKeySchema.safeParse('2567-03').success).toBe(false);
    expect(monthKeySchema.safeParse(202310).success).toBe(false);
    expect(dayKeySchema.parse('2024-02-29')).toBe('2024-02-29');
    expect(dayKeySchema.safeParse('2023-02-29').success).toBe(false);
  });
});
