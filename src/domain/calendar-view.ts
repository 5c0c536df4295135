// The deadline calendar as people read it: a fiscal year's months with the dates that apply in one province (or
// department-wide), and which of them a province overrode.
import type { Tx } from '../db/client.js';
import { resolveDeadlines, type Deadlines } from './deadlines.js';
import { fiscalYearMonths, monthKeyFromDbDate, monthStart, type MonthKey } from './fiscal-period.js';

export interface CalendarRow extends Deadlines {
  month: MonthKey;
  /** True when the province set at least one of the dates itself. */
  overridden: boolean;
}

/** Every month of the fiscal year, in order, in two queries. */
export async function calendarOfYear(tx: Tx, fiscalYear: number, provinceId: number | null): Promise<CalendarRow[]> {
  const months = fiscalYearMonths(fiscalYear);
  const range = { in: months.map(monthStart) };
  const dept = new Map((await tx.deadlineCalendar.findMany({ where: { month: range } })).map((r) => [monthKeyFromDbDate(r.month), r]));
  const prov = provinceId
    ? new Map((await tx.provinceDeadline.findMany({ where: { provinceId, month: range } })).map((r) => [monthKeyFromDbDate(r.month), r]))
    : new Map();
  return months.map((month) => ({ month, ...resolveDeadlines(month, dept.get(month) ?? null, prov.get(month) ?? null), overridden: prov.has(month) }));
}
