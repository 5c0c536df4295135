/**
 * Who gets which reminder, as a pure function of a month's snapshot, the deadline calendar and the clock.
 *
 * Invariants: only people who owe something are planned (missing entries, entries awaiting their confirmation,
 * units below them still pending); one reminder per (user, kind, month, step); producers who opted out get none,
 * officers always get their duty reminders; in quiet hours a reminder is planned for the next morning.
 */
import { BANGKOK_OFFSET_MS, dayKeyOf, type DayKey } from '../fiscal-period.js';
import type { Deadlines } from '../deadlines.js';
import { DEFAULT_PLAN_OPTIONS, PRIORITY, type Calendar, type MonthSnapshot, type Person, type PlannedReminder, type PlanOptions, type ReminderContent } from './types.js';

const DAY_MS = 86_400_000;

/** The day `n` days after `day` (negative goes back). */
export function addDays(day: DayKey, n: number): DayKey {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10) as DayKey;
}

/** `now` outside quiet hours, else the next end of quiet hours (Bangkok). */
export function sendableAt(now: Date, o: Pick<PlanOptions, 'quietStart' | 'quietEnd'>): Date {
  const local = new Date(now.getTime() + BANGKOK_OFFSET_MS);
  const h = local.getUTCHours();
  const quiet = o.quietStart > o.quietEnd ? h >= o.quietStart || h < o.quietEnd : h >= o.quietStart && h < o.quietEnd;
  if (!quiet) return now;
  const morning = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), o.quietEnd) - BANGKOK_OFFSET_MS);
  return morning.getTime() > now.getTime() ? morning : new Date(morning.getTime() + DAY_MS);
}

/** "before" inside [due − n, due), "due" on the day, else null. */
function windowStep(today: DayKey, from: DayKey, due: DayKey): 'before' | 'due' | null {
  if (today === due) return 'due';
  return today >= from && today < due ? 'before' : null;
}

export function plan(s: MonthSnapshot, calendar: Calendar, now: Date, opts: Partial<PlanOptions> = {}): PlannedReminder[] {
  const o = { ...DEFAULT_PLAN_OPTIONS, ...opts };
  const today = dayKeyOf(now);
  const notBefore = sendableAt(now, o);
  const out: PlannedReminder[] = [];
  const add = (p: Person, step: string, content: ReminderContent, reason: string, duty: boolean) => {
    if (!duty && p.optedOut) return;
    out.push({ userId: p.userId, lineUserId: p.lineUserId, kind: content.kind, month: s.month, step, priority: PRIORITY[content.kind], reason, notBefore, content });
  };
  const byProvince = new Map<number, Deadlines>();
  const dl = (provinceId: number) => byProvince.get(provinceId) ?? byProvince.set(provinceId, calendar(provinceId)).get(provinceId)!;

  for (const p of s.producers) {
    if (p.missing <= 0) continue;
    const d = dl(p.provinceId);
    const step = windowStep(today, addDays(d.entryDue, -o.daysBefore), d.entryDue);
    if (!step) continue;
    for (const u of p.users) add(u, step, { kind: 'producer-entry', month: s.month, due: d.entryDue, today: step === 'due' }, `ยังไม่รายงาน ${p.missing} หมวด`, false);
  }
  for (const x of s.districts) {
    const d = dl(x.provinceId);
    const entryStep = windowStep(today, addDays(d.entryDue, -o.daysBefore), d.entryDue);
    if (entryStep && x.missingCount > 0) {
      for (const u of x.officers) {
        add(u, entryStep, { kind: 'district-missing', month: s.month, due: d.entryDue, producers: x.missing, total: x.missingCount }, `ผู้ผลิตยังไม่รายงาน ${x.missingCount} ราย`, true);
      }
    }
    const from = addDays(d.entryDue, 1) > addDays(d.districtConfirmDue, -o.daysBefore) ? addDays(d.entryDue, 1) : addDays(d.districtConfirmDue, -o.daysBefore);
    const confirmStep = windowStep(today, from, d.districtConfirmDue);
    if (confirmStep && x.awaiting > 0) {
      for (const u of x.officers) {
        add(u, confirmStep, { kind: 'district-confirm', month: s.month, due: d.districtConfirmDue, awaiting: x.awaiting }, `รอยืนยัน ${x.awaiting} รายการ`, true);
      }
    }
  }
  const zonePending = new Map<number, string[]>();
  for (const pv of s.provinces) {
    const d = dl(pv.provinceId);
    if (today > d.districtConfirmDue && today <= d.provinceConfirmDue && pv.districtsPending.length > 0) {
      for (const u of pv.officers) {
        add(u, 'overdue', { kind: 'province-overdue', month: s.month, due: d.districtConfirmDue, districts: pv.districtsPending }, `อำเภอค้าง ${pv.districtsPending.length} อำเภอ`, true);
      }
    }
    const step = windowStep(today, addDays(d.districtConfirmDue, 1), d.provinceConfirmDue);
    if (step && pv.awaitingProvince > 0) {
      for (const u of pv.officers) {
        add(u, step, { kind: 'province-confirm', month: s.month, due: d.provinceConfirmDue, awaiting: pv.awaitingProvince }, `รอจังหวัดยืนยัน ${pv.awaitingProvince} อำเภอ`, true);
      }
    }
    if (today > d.provinceConfirmDue && (pv.awaitingProvince > 0 || pv.districtsPending.length > 0)) {
      zonePending.set(pv.zoneId, [...(zonePending.get(pv.zoneId) ?? []), pv.name]);
    }
  }
  for (const z of s.zones) {
    const pending = zonePending.get(z.zoneId);
    if (!pending?.length) continue;
    const due = s.provinces.filter((p) => p.zoneId === z.zoneId).map((p) => dl(p.provinceId).provinceConfirmDue).sort()[0]!;
    for (const u of z.officers) add(u, 'overdue', { kind: 'zone-overdue', month: s.month, due, provinces: pending }, `จังหวัดค้าง ${pending.length} จังหวัด`, true);
  }
  const close = dl(0).departmentClose;
  if (close && today === close) {
    const { provinces, provincesConfirmed, entries } = s.department;
    for (const u of s.department.officers) {
      add(u, 'close', { kind: 'department-close', month: s.month, close, provinces, provincesConfirmed, entries }, `วันปิดรับข้อมูล จังหวัดยืนยันแล้ว ${provincesConfirmed}/${provinces}`, true);
    }
  }
  return out.sort((a, b) => a.priority - b.priority);
}
