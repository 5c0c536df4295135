// The period and place a report covers, and the statuses it counts.
import type { SalesStatus } from '../../db/generated/enums.js';
import { fiscalYearMonths, fiscalYearOf, monthKey, monthStart, type MonthKey } from '../fiscal-period.js';
import { VISIBLE_ABOVE_PROVINCE } from '../sales-status.js';
import { formatMonthTh } from '../thai-format.js';

/** Months from..to (inclusive) inside one fiscal year. */
export interface ReportPeriod {
  fiscalYear: number;
  from: MonthKey;
  to: MonthKey;
}

/** The period of `--fy 2570 --month 11` (the calendar month inside that fiscal year) or of a from..to range. */
export function periodOf(fiscalYear: number, fromMonth: number, toMonth: number = fromMonth): ReportPeriod {
  const months = fiscalYearMonths(fiscalYear);
  const find = (m: number) => {
    const k = months.find((key) => Number(key.slice(5, 7)) === m);
    if (!k) throw new RangeError(`month ${m} is not in fiscal year ${fiscalYear}`);
    return k;
  };
  const from = find(fromMonth);
  const to = find(toMonth);
  if (from > to) throw new RangeError('from is after to');
  return { fiscalYear, from, to };
}

/** The whole fiscal year (October to September): the period of the forms made per year. */
export const wholeYearPeriod = (fiscalYear: number): ReportPeriod => periodOf(fiscalYear, 10, 9);
/** "ปีงบประมาณ พ.ศ. 2569": what a whole-year form covers. */
export const wholeYearLabel = (p: ReportPeriod): string => `ปีงบประมาณ พ.ศ. ${p.fiscalYear}`;

/** "ประจำเดือน พฤศจิกายน 2569" or "ตั้งแต่เดือน ตุลาคม 2569 ถึง ธันวาคม 2569". */
export function periodLabel(p: ReportPeriod): string {
  return p.from === p.to ? `ประจำเดือน ${formatMonthTh(p.from)}` : `ตั้งแต่เดือน ${formatMonthTh(p.from)} ถึง ${formatMonthTh(p.to)}`;
}

/** First day of the fiscal year of the period, and the DATE bounds for SQL. */
export function sqlBounds(p: ReportPeriod): { fyStart: Date; from: Date; to: Date } {
  return { fyStart: monthStart(fiscalYearMonths(p.fiscalYear)[0]!), from: monthStart(p.from), to: monthStart(p.to) };
}

export const fiscalYearOfPeriod = (p: ReportPeriod): number => fiscalYearOf(p.from);
export { monthKey };

/** District reports (รต.1/รต.2) count what the district confirmed (and what the province confirmed after it). */
export const DISTRICT_COUNTED: readonly SalesStatus[] = ['DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED'];
/** Above the district only province-confirmed data counts. */
export const ABOVE_DISTRICT_COUNTED: readonly SalesStatus[] = VISIBLE_ABOVE_PROVINCE;
/** Reported but not (yet) counted at the district: submitted or sent back. */
export const DISTRICT_PENDING: readonly SalesStatus[] = ['SUBMITTED', 'RETURNED'];
