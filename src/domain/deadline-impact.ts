// What changing one date of the calendar touches, shown on the confirmation card before anything is written: how
// many districts and producers the date applies to, whether it is already past, and (for the department) which
// provinces keep their own date.
import type { Tx } from '../db/client.js';
import type { CalendarField } from './deadlines.js';
import { dayKeyOf, dayStart, monthStart, type DayKey, type MonthKey } from './fiscal-period.js';

export interface DeadlineImpact {
  field: CalendarField;
  from: DayKey | null;
  to: DayKey;
  /** Districts and active producers the new date applies to. */
  districts: number;
  producers: number;
  /** Department changes of a due date: provinces that set this date themselves, which the change does not reach. */
  ownDateProvinces: number;
  /** Of those, how many keep a date later than the department's new one (a province may not be later). */
  laterProvinces: number;
  /** The new date is before today (Bangkok): entries of the month become late at once. */
  past: boolean;
  /** Moved earlier (true), later (false), or unchanged (null). */
  earlier: boolean | null;
}

/** Pure: the date facts of a change (past, direction). */
export function dateFacts(from: DayKey | null, to: DayKey, now: Date): Pick<DeadlineImpact, 'past' | 'earlier'> {
  return { past: to < dayKeyOf(now), earlier: from === null || from === to ? null : to < from };
}

/**
 * The reach of setting `field` of `month` to `to`, for a province (its districts and producers) or the department
 * (everywhere except provinces that set this date themselves; the department's close reaches every province).
 */
export async function deadlineImpact(
  tx: Tx,
  c: { month: MonthKey; provinceId: number | null; field: CalendarField; from: DayKey | null; to: DayKey },
  now: Date,
): Promise<DeadlineImpact> {
  let own: { provinceId: number; day: Date }[] = [];
  if (c.provinceId === null && c.field !== 'departmentClose') {
    const rows = await tx.provinceDeadline.findMany({ where: { month: monthStart(c.month), [c.field]: { not: null } } });
    own = rows.map((r) => ({ provinceId: r.provinceId, day: r[c.field as 'entryDue']! }));
  }
  const provinceWhere = c.provinceId !== null ? { provinceId: c.provinceId } : { provinceId: { notIn: own.map((o) => o.provinceId) } };
  const [districts, producers] = await Promise.all([
    tx.district.count({ where: provinceWhere }),
    tx.producer.count({ where: { active: true, district: provinceWhere } }),
  ]);
  const toDate = dayStart(c.to);
  return {
    field: c.field,
    from: c.from,
    to: c.to,
    districts,
    producers,
    ownDateProvinces: own.length,
    laterProvinces: own.filter((o) => o.day > toDate).length,
    ...dateFacts(c.from, c.to, now),
  };
}

