// Due dates of a sales month. The department's DeadlineCalendar row (else the roadmap defaults of fiscal-period.ts)
// applies everywhere; a province's ProvinceDeadline row overrides any of the three due dates for its producers and
// districts. The department's close is department-wide: from the day after it, the month takes no entries.
import type { Tx } from '../db/client.js';
import type { Actor } from './actor.js';
import { NotAuthorisedError, RuleError } from './errors.js';
import {
  dayKeyFromDbDate,
  dayKeyOf,
  dayStart,
  dueDatesFor,
  monthStart,
  nextMonth,
  type DayKey,
  type DueDates,
  type MonthKey,
} from './fiscal-period.js';
import { formatDayTh, formatMonthTh } from './thai-format.js';

export interface Deadlines extends DueDates {
  /** The department's close of the month (inclusive last day); null while not set. */
  departmentClose: DayKey | null;
}

export const DUE_FIELDS = ['entryDue', 'districtConfirmDue', 'provinceConfirmDue'] as const;
export type DueField = (typeof DUE_FIELDS)[number];
export type CalendarField = DueField | 'departmentClose';

export const FIELD_TH: Record<CalendarField, string> = {
  entryDue: 'ส่งยอดขาย (ผู้ผลิต/อำเภอบันทึก)',
  districtConfirmDue: 'อำเภอยืนยัน (รต.2)',
  provinceConfirmDue: 'จังหวัดยืนยัน',
  departmentClose: 'กรมฯ ปิดรับข้อมูลเดือนนี้',
};

type DbDay = Date | null | undefined;
const day = (d: DbDay): DayKey | null => (d ? dayKeyFromDbDate(d) : null);

/** Pure merge: defaults ← department row ← province row (field by field). */
export function resolveDeadlines(
  month: MonthKey,
  dept: { entryDue: Date; districtConfirmDue: Date; provinceConfirmDue: Date; departmentClose: DbDay } | null,
  province: { entryDue: DbDay; districtConfirmDue: DbDay; provinceConfirmDue: DbDay } | null,
): Deadlines {
  const base: Deadlines = dept
    ? {
        entryDue: dayKeyFromDbDate(dept.entryDue),
        districtConfirmDue: dayKeyFromDbDate(dept.districtConfirmDue),
        provinceConfirmDue: dayKeyFromDbDate(dept.provinceConfirmDue),
        departmentClose: day(dept.departmentClose),
      }
    : { ...dueDatesFor(month), departmentClose: null };
  if (province) for (const f of DUE_FIELDS) base[f] = day(province[f]) ?? base[f];
  return base;
}

/** Day of the following month on which the department reports the national total (roadmap: "ทุกวันที่ 10"). */
export const DEFAULT_REPORT_DAY = 10;

/**
 * The department's report day for a month: its close of the month when the calendar sets one (the figures are final
 * then), else the roadmap's 10th of the following month.
 */
export function departmentReportDay(month: MonthKey, d: Pick<Deadlines, 'departmentClose'>): DayKey {
  return d.departmentClose ?? (`${nextMonth(month)}-${String(DEFAULT_REPORT_DAY).padStart(2, '0')}` as DayKey);
}

/** The due dates that apply in a province (or the department's, without one). */
export async function dueDates(tx: Tx, month: MonthKey, provinceId?: number | null): Promise<Deadlines> {
  const m = monthStart(month);
  const dept = await tx.deadlineCalendar.findUnique({ where: { month: m } });
  const prov = provinceId ? await tx.provinceDeadline.findUnique({ where: { provinceId_month: { provinceId, month: m } } }) : null;
  return resolveDeadlines(month, dept, prov);
}

/**
 * Throws RuleError('month-closed') when the department closed the month before `now` and the district has no unlock
 * approved after the close.
 */
export async function assertNotClosed(tx: Tx, month: MonthKey, districtId: number, now: Date): Promise<void> {
  const close = (await dueDates(tx, month)).departmentClose;
  if (!close || dayKeyOf(now) <= close) return;
  const reopened = await tx.unlockRequest.findFirst({
    where: { districtId, month: monthStart(month), status: 'APPROVED', decidedAt: { gt: dayStart(close) } },
  });
  if (reopened) return;
  throw new RuleError(
    `กรมฯ ปิดรับข้อมูลเดือน${formatMonthTh(month)} แล้วเมื่อ ${formatDayTh(close)} จึงบันทึกไม่ได้ หากต้องแก้ไข ให้อำเภอพิมพ์ "ขอปลดล็อก"`,
    'month-closed',
  );
}

export interface CalendarChange {
  month: MonthKey;
  /** Null: the department's row; a province code: that province's override. */
  provinceId: number | null;
  /** The dates to set (one or more fields); the others keep their current value. */
  days: Partial<Record<CalendarField, DayKey>>;
}

/** Checks a change against the month: not before the month starts, not later than the end of the next month. */
export function checkChange(c: CalendarChange): void {
  for (const d of Object.values(c.days)) {
    if (d < `${c.month}-01` || d > `${nextMonth(c.month)}-31`) {
      throw new RuleError(`วันที่ต้องอยู่ระหว่างต้นเดือน${formatMonthTh(c.month)} ถึงสิ้นเดือน${formatMonthTh(nextMonth(c.month))}`, 'bad-day');
    }
  }
  if (c.provinceId !== null && c.days.departmentClose) throw new RuleError('วันปิดรับข้อมูลกำหนดได้โดยกรมฯ เท่านั้น', 'close-department-only');
}

/**
 * Sets one date. Department admins (or the CLI, actor null) set the department's row; province officers set their
 * own province's override only. The resulting dates must stay in order entry ≤ district ≤ province ≤ close.
 */
export async function setDeadline(tx: Tx, actor: Actor | null, c: CalendarChange): Promise<Deadlines> {
  if (actor) {
    const ok = c.provinceId === null ? actor.role === 'DEPARTMENT_ADMIN' : actor.role === 'PROVINCE_OFFICER' && actor.provinceId === c.provinceId;
    if (!ok) throw new NotAuthorisedError('กำหนดวันส่งได้เฉพาะกรมฯ (ทั้งประเทศ) และเจ้าหน้าที่จังหวัด (เฉพาะจังหวัดของตน)');
  }
  checkChange(c);
  const m = monthStart(c.month);
  const current = await dueDates(tx, c.month, c.provinceId);
  const next: Deadlines = { ...current, ...c.days };
  const order: DayKey[] = [next.entryDue, next.districtConfirmDue, next.provinceConfirmDue];
  if (next.departmentClose) order.push(next.departmentClose);
  if (order.some((d, i) => i > 0 && d < order[i - 1]!)) {
    throw new RuleError('วันที่ต้องเรียงกัน: ส่งยอดขาย ≤ อำเภอยืนยัน ≤ จังหวัดยืนยัน ≤ กรมฯ ปิดรับ กรุณาเลือกวันใหม่', 'order');
  }
  if (c.provinceId === null) {
    const dept = await dueDates(tx, c.month);
    const row: Deadlines = { ...dept, ...c.days };
    const data = {
      entryDue: dayStart(row.entryDue),
      districtConfirmDue: dayStart(row.districtConfirmDue),
      provinceConfirmDue: dayStart(row.provinceConfirmDue),
      departmentClose: row.departmentClose ? dayStart(row.departmentClose) : null,
    };
    await tx.deadlineCalendar.upsert({ where: { month: m }, create: { month: m, ...data }, update: data });
  } else {
    const data = { ...Object.fromEntries(Object.entries(c.days).map(([f, d]) => [f, dayStart(d)])), setById: actor?.userId ?? null };
    await tx.provinceDeadline.upsert({
      where: { provinceId_month: { provinceId: c.provinceId, month: m } },
      create: { provinceId: c.provinceId, month: m, ...data },
      update: data,
    });
  }
  await tx.auditLog.create({
    data: { actorId: actor?.userId ?? null, action: 'calendar.set', entityType: c.provinceId === null ? 'DeadlineCalendar' : 'ProvinceDeadline', entityId: `${c.provinceId ?? 'dept'}:${c.month}`, before: current as object, after: next as object },
  });
  return dueDates(tx, c.month, c.provinceId);
}
