// Due dates of a sales month: the DeadlineCalendar row when the province or department set one, else the roadmap
// defaults of fiscal-period.ts.
import type { Tx } from '../db/client.js';
import { dayKeyFromDbDate, dueDatesFor, monthStart, type DueDates, type MonthKey } from './fiscal-period.js';

export async function dueDates(tx: Tx, month: MonthKey): Promise<DueDates> {
  const row = await tx.deadlineCalendar.findUnique({ where: { month: monthStart(month) } });
  if (!row) return dueDatesFor(month);
  return {
    entryDue: dayKeyFromDbDate(row.entryDue),
    districtConfirmDue: dayKeyFromDbDate(row.districtConfirmDue),
    provinceConfirmDue: dayKeyFromDbDate(row.provinceConfirmDue),
  };
}
