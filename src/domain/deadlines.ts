// Due dates of a sales month. The department's DeadlineCalendar row (else the roadmap defaults of fiscal-period.ts)
// applies everywhere; a province's ProvinceDeadline row overrides any of the three due dates for its producers and
// districts, never later than the department's (checked when set). The department's close is department-wide: from the
// day after it, the month takes no entries. Who sets what is the matrix's calendar.set (domain/authorise.ts).
import type { Tx } from '../db/client.js';
import type { Actor } from './actor.js';
import { MATRIX } from './authorise.js';
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
  /** A province's overrides to clear: those dates go back to the department's. */
  clear?: DueField[];
}

/** Checks a change against the month: not before the month starts, not later than the end of the next month. */
export function checkChange(c: CalendarChange): void {
  for (const d of Object.values(c.days)) {
    if (d < `${c.month}-01` || d > `${nextMonth(c.month)}-31`) {
      throw new RuleError(`วันที่ต้องอยู่ระหว่างต้นเดือน${formatMonthTh(c.month)} ถึงสิ้นเดือน${formatMonthTh(nextMonth(c.month))}`, 'bad-day');
    }
  }
  if (c.provinceId !== null && c.days.departmentClose) throw new RuleError('วันปิดรับข้อมูลกำหนดได้โดยกรมฯ เท่านั้น', 'close-department-only');
  if (c.provinceId === null && c.clear?.length) throw new RuleError('ล้างได้เฉพาะวันที่จังหวัดกำหนดเอง', 'clear-province-only');
}

const ORDER_TH = 'ส่งยอดขาย ≤ อำเภอยืนยัน ≤ จังหวัดยืนยัน ≤ กรมฯ ปิดรับ';

/** Pure rules of a calendar's dates: they keep their order, and a province's are not later than the department's. */
export function checkDates(next: Deadlines, dept: Deadlines | null): void {
  for (const f of dept ? DUE_FIELDS : []) {
    if (next[f] > dept![f]) {
      throw new RuleError(`จังหวัดกำหนด "${FIELD_TH[f]}" ได้ไม่เกินวันที่กรมฯ กำหนด (${formatDayTh(dept![f])}) กรุณาเลือกวันที่ไม่เกิน ${formatDayTh(dept![f])}`, 'later-than-department');
    }
  }
  const order: [CalendarField, DayKey][] = [['entryDue', next.entryDue], ['districtConfirmDue', next.districtConfirmDue], ['provinceConfirmDue', next.provinceConfirmDue]];
  if (next.departmentClose) order.push(['departmentClose', next.departmentClose]);
  const bad = order.findIndex(([, d], i) => i > 0 && d < order[i - 1]![1]);
  if (bad > 0) {
    const [a, da] = order[bad - 1]!;
    const [b, db] = order[bad]!;
    throw new RuleError(
      `วันที่ต้องเรียงกัน: ${ORDER_TH}\nตอนนี้ "${FIELD_TH[a]}" ${formatDayTh(da)} อยู่หลัง "${FIELD_TH[b]}" ${formatDayTh(db)} กรุณาเลือกวันใหม่`,
      'order',
    );
  }
}

/** Who may change the department's row (reach "nation") or a province's override (that province's officers). */
export function assertMaySet(actor: Actor, provinceId: number | null): void {
  const reach = MATRIX['calendar.set'][actor.role];
  const ok = provinceId === null ? reach === 'nation' : reach === 'province' && actor.provinceId === provinceId;
  if (!ok) throw new NotAuthorisedError('กำหนดวันส่งได้เฉพาะกรมฯ (ทั้งประเทศ) และเจ้าหน้าที่จังหวัด (เฉพาะจังหวัดของตน)');
}

/**
 * The dates before and after a change, checked (authorisation, the month's range, the order, a province's dates
 * not later than the department's); writes nothing. Throws NotAuthorisedError or RuleError.
 */
export async function previewChange(tx: Tx, actor: Actor | null, c: CalendarChange): Promise<{ current: Deadlines; next: Deadlines; dept: Deadlines }> {
  if (actor) assertMaySet(actor, c.provinceId);
  checkChange(c);
  const current = await dueDates(tx, c.month, c.provinceId);
  const dept = c.provinceId === null ? current : await dueDates(tx, c.month);
  const next: Deadlines = { ...current, ...c.days };
  for (const f of c.clear ?? []) next[f] = dept[f];
  checkDates(next, c.provinceId === null ? null : dept);
  return { current, next, dept };
}

/**
 * Sets (or, for a province, clears) dates. Department admins (or the CLI, actor null) set the department's row;
 * province officers set their own province's override only. Checked as previewChange; audited as calendar.set.
 */
export async function setDeadline(tx: Tx, actor: Actor | null, c: CalendarChange): Promise<Deadlines> {
  const { current, next } = await previewChange(tx, actor, c);
  const m = monthStart(c.month);
  if (c.provinceId === null) {
    const data = {
      entryDue: dayStart(next.entryDue),
      districtConfirmDue: dayStart(next.districtConfirmDue),
      provinceConfirmDue: dayStart(next.provinceConfirmDue),
      departmentClose: next.departmentClose ? dayStart(next.departmentClose) : null,
    };
    await tx.deadlineCalendar.upsert({ where: { month: m }, create: { month: m, ...data }, update: data });
  } else {
    const key = { provinceId_month: { provinceId: c.provinceId, month: m } };
    const data = {
      ...Object.fromEntries((c.clear ?? []).map((f) => [f, null])),
      ...Object.fromEntries(Object.entries(c.days).map(([f, d]) => [f, dayStart(d)])),
      setById: actor?.userId ?? null,
    };
    const row = await tx.provinceDeadline.upsert({ where: key, create: { provinceId: c.provinceId, month: m, ...data }, update: data });
    if (!row.entryDue && !row.districtConfirmDue && !row.provinceConfirmDue) await tx.provinceDeadline.delete({ where: key });
  }
  await tx.auditLog.create({
    data: { actorId: actor?.userId ?? null, action: 'calendar.set', entityType: c.provinceId === null ? 'DeadlineCalendar' : 'ProvinceDeadline', entityId: `${c.provinceId ?? 'dept'}:${c.month}`, before: current as object, after: next as object },
  });
  return dueDates(tx, c.month, c.provinceId);
}
