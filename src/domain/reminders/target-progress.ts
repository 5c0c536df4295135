/**
 * Who gets a target-progress card, as a pure function of a month's target snapshot and the clock.
 *
 * Invariants: after a province has confirmed the month (every district with entries province-confirmed, within the
 * last `progressFreshDays`), each officer concerned gets the standing of their own scope once — the province's
 * officers their province (districts ranked), its district officers their district, its zone and the department
 * that province; on `progressDay` of the month after, every officer gets their scope (zone and department: their
 * provinces ranked). One card per (user, kind, month, step); in quiet hours it waits for the morning. Whether the
 * unit has a target is decided when the card is built (no target → no card).
 */
import { addMonths, dayKeyOf, monthKeyOf, type MonthKey } from '../fiscal-period.js';
import { sendableAt } from './plan.js';
import type { Person, PlanOptions } from './types.js';
import type { TargetSnapshot } from './target-snapshot.js';
import { progressReason } from './target-words.js';

export type ProgressScope =
  | { kind: 'district'; districtId: number; name: string; provinceName: string }
  | { kind: 'province'; provinceId: number; name: string }
  /** A province as seen from above it (zone, department): province-confirmed sales only. */
  | { kind: 'province-above'; provinceId: number; name: string }
  | { kind: 'zone'; zoneId: number; name: string; provinceIds: number[] }
  | { kind: 'nation'; provinceIds: number[] };
export type ProgressTrigger = 'confirmed' | 'day';

export const PROGRESS_KIND = 'target-progress';
/** After the officers' duties, before producers' entry reminders. */
export const PROGRESS_PRIORITY = 4;

export interface ProgressOptions extends Pick<PlanOptions, 'quietStart' | 'quietEnd'> {
  /** Day of the month (1–28) on which every officer gets the standing up to the month before. */
  progressDay: number;
  /** A province confirmation older than this brings no card (no flood of old months at the first run). */
  progressFreshDays: number;
}

export const DEFAULT_PROGRESS_OPTIONS: ProgressOptions = { progressDay: 15, progressFreshDays: 3, quietStart: 20, quietEnd: 8 };

export interface PlannedProgress {
  userId: number;
  lineUserId: string;
  kind: typeof PROGRESS_KIND;
  month: MonthKey;
  /** "confirmed" (own unit), "confirmed:<provinceId>" (zone, department) or "day". */
  step: string;
  priority: number;
  reason: string;
  notBefore: Date;
  scope: ProgressScope;
  trigger: ProgressTrigger;
}

/** Same scope, same card: the key the job caches standings under. */
export const scopeKey = (s: ProgressScope): string =>
  s.kind === 'district' ? `d${s.districtId}` : s.kind === 'zone' ? `z${s.zoneId}` : s.kind === 'nation' ? 'n' : `${s.kind === 'province' ? 'p' : 'pa'}${s.provinceId}`;

export function planProgress(s: TargetSnapshot, now: Date, opts: Partial<ProgressOptions> = {}): PlannedProgress[] {
  const o = { ...DEFAULT_PROGRESS_OPTIONS, ...opts };
  const notBefore = sendableAt(now, o);
  const out: PlannedProgress[] = [];
  const add = (people: Person[], step: string, scope: ProgressScope, trigger: ProgressTrigger) => {
    for (const p of people) {
      out.push({ userId: p.userId, lineUserId: p.lineUserId, kind: PROGRESS_KIND, month: s.month, step, priority: PROGRESS_PRIORITY, reason: progressReason(scope, trigger, s.month), notBefore, scope, trigger });
    }
  };
  const fresh = now.getTime() - o.progressFreshDays * 86_400_000;
  for (const pv of s.provinces) {
    if (!pv.confirmedAt || pv.confirmedAt.getTime() < fresh || pv.confirmedAt.getTime() > now.getTime()) continue;
    add(pv.officers, 'confirmed', { kind: 'province', provinceId: pv.provinceId, name: pv.name }, 'confirmed');
    for (const d of pv.districts) add(d.officers, 'confirmed', { kind: 'district', districtId: d.districtId, name: d.name, provinceName: pv.name }, 'confirmed');
    const above = { kind: 'province-above', provinceId: pv.provinceId, name: pv.name } as const;
    for (const z of s.zones) if (z.zoneId === pv.zoneId) add(z.officers, `confirmed:${pv.provinceId}`, above, 'confirmed');
    add(s.department.officers, `confirmed:${pv.provinceId}`, above, 'confirmed');
  }
  const today = dayKeyOf(now);
  if (Number(today.slice(8)) === o.progressDay && addMonths(monthKeyOf(now), -1) === s.month) {
    for (const pv of s.provinces) {
      add(pv.officers, 'day', { kind: 'province', provinceId: pv.provinceId, name: pv.name }, 'day');
      for (const d of pv.districts) add(d.officers, 'day', { kind: 'district', districtId: d.districtId, name: d.name, provinceName: pv.name }, 'day');
    }
    for (const z of s.zones) {
      add(z.officers, 'day', { kind: 'zone', zoneId: z.zoneId, name: z.name, provinceIds: s.provinces.filter((p) => p.zoneId === z.zoneId).map((p) => p.provinceId) }, 'day');
    }
    add(s.department.officers, 'day', { kind: 'nation', provinceIds: s.provinces.map((p) => p.provinceId) }, 'day');
  }
  return out;
}
