/**
 * The reminders job: plan who owes what now, record one row per reminder, then send what is due. Only one instance
 * runs it at a time (a lease); every send is idempotent by its stored retry key, so a re-run, a crash or a second
 * instance never sends twice and never loses a planned reminder. When the quota runs out the department's admins
 * are told (in their next reply, or pushed first once there is quota again).
 */
import type { Db } from '../db/client.js';
import type { BulkSendPort } from '../bot/ports.js';
import type { Logger } from '../bot/dispatcher.js';
import { text } from '../bot/reply.js';
import { uuidFromKey } from '../bot/outbox.js';
import { resolveDeadlines, type Deadlines } from '../domain/deadlines.js';
import { addMonths, dayKeyOf, monthKeyOf, monthStart, type MonthKey } from '../domain/fiscal-period.js';
import { addDays, plan } from '../domain/reminders/plan.js';
import { buildSnapshot } from '../domain/reminders/snapshot.js';
import { takeLease } from '../domain/reminders/lease.js';
import { DEFAULT_PLAN_OPTIONS, type Calendar, type PlannedReminder, type PlanOptions } from '../domain/reminders/types.js';
import { planAndRecord } from './reminder-plan.js';
import { formatMonthTh } from '../domain/thai-format.js';
import { DEFAULT_PROGRESS_OPTIONS, type ProgressOptions } from '../domain/reminders/target-progress.js';
import { recordProgress } from './reminder-progress.js';
import { DEFAULT_SEND, sendDue, type SendResult, type SendSettings } from './reminder-send.js';

export interface ReminderSettings extends PlanOptions, ProgressOptions, SendSettings {
  leaseMs: number;
}
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { ...DEFAULT_PLAN_OPTIONS, ...DEFAULT_PROGRESS_OPTIONS, ...DEFAULT_SEND, leaseMs: 60_000 };

export interface ReminderDeps {
  db: Db;
  bulk: BulkSendPort;
  log: Logger;
  settings?: Partial<ReminderSettings>;
}

/** The calendar of a month: the department's dates for province 0, each province's overrides merged in. */
async function calendarOf(db: Db, month: MonthKey): Promise<(provinceId: number) => Deadlines> {
  const m = monthStart(month);
  const dept = await db.deadlineCalendar.findUnique({ where: { month: m } });
  const rows = new Map((await db.provinceDeadline.findMany({ where: { month: m } })).map((r) => [r.provinceId, r]));
  return (p) => resolveDeadlines(month, dept, rows.get(p) ?? null);
}

/** The months whose reminder window is open now, each with its calendar. */
async function openMonths(db: Db, now: Date, o: PlanOptions): Promise<{ month: MonthKey; cal: Calendar }[]> {
  const today = dayKeyOf(now);
  const out = [];
  for (const month of [monthKeyOf(now), addMonths(monthKeyOf(now), -1), addMonths(monthKeyOf(now), -2)]) {
    const cal = await calendarOf(db, month);
    const provinces = [0, ...(await db.provinceDeadline.findMany({ where: { month: monthStart(month) }, select: { provinceId: true } })).map((p) => p.provinceId)];
    const all = provinces.map(cal);
    const opens = all.map((d) => addDays(d.entryDue, -o.daysBefore)).sort()[0]!;
    const ends = all.map((d) => addDays(d.departmentClose ?? d.provinceConfirmDue, 1)).sort().at(-1)!;
    if (today < opens || today > ends) continue;
    out.push({ month, cal });
  }
  return out;
}

/** What the planner would remind now, for every month whose reminder window is open (no rows written). */
export async function planAt(db: Db, now: Date, o: PlanOptions): Promise<{ month: MonthKey; reminders: PlannedReminder[] }[]> {
  const out = [];
  for (const { month, cal } of await openMonths(db, now, o)) out.push({ month, reminders: plan(await buildSnapshot(db, month), cal, now, o) });
  return out;
}

export interface RunResult extends Partial<SendResult> {
  skipped?: 'another instance is running';
  planned: number;
  inserted: number;
  cancelled: number;
  /** Wall time of planning and recording, and of sending (for the dry run, the log and the bench). */
  planMs?: number;
  sendMs?: number;
}

export async function run(deps: ReminderDeps, now: Date): Promise<RunResult> {
  const s = { ...DEFAULT_REMINDER_SETTINGS, ...deps.settings };
  const lease = await takeLease(deps.db, 'reminders', s.leaseMs);
  if (!lease.held) return { skipped: 'another instance is running', planned: 0, inserted: 0, cancelled: 0 };
  try {
    const t0 = performance.now();
    const totals = { planned: 0, inserted: 0, cancelled: 0 };
    for (const { month, cal } of await openMonths(deps.db, now, s)) {
      const r = await planAndRecord(deps.db, month, cal, now, s);
      totals.planned += r.planned;
      totals.inserted += r.inserted;
      totals.cancelled += r.cancelled;
    }
    const progress = await recordProgress(deps.db, now, s);
    totals.planned += progress.planned;
    totals.inserted += progress.inserted;
    const t1 = performance.now();
    const sent = await sendDue(deps.db, deps.bulk, now, s, lease.renew);
    if (sent.quotaExhausted) await tellDepartment(deps, now, sent.heldBack);
    const result = { ...totals, ...sent, planMs: Math.round(t1 - t0), sendMs: Math.round(performance.now() - t1) };
    if (result.planned || result.sent || result.heldBack) deps.log.info('reminders', result);
    return result;
  } finally {
    await lease.release();
  }
}

/** One notice a day to each department admin: rides in their next (free) reply, or goes first once quota is back. */
async function tellDepartment(deps: ReminderDeps, now: Date, waiting: number): Promise<void> {
  deps.log.error('reminders stopped: LINE monthly quota reached', { waiting });
  const month = monthKeyOf(now);
  const admins = await deps.db.user.findMany({ where: { role: 'DEPARTMENT_ADMIN', active: true } });
  const msg = text(
    `โควตาข้อความ LINE ของเดือน${formatMonthTh(month)} หมดแล้ว การแจ้งเตือนอีก ${waiting.toLocaleString('en-US')} รายการยังไม่ได้ส่งและรออยู่ ` +
      'ระบบจะส่งต่อให้เองเมื่อเพิ่มโควตาแล้ว (ส่งการแจ้งเตือนที่สำคัญก่อน)',
  );
  const step = dayKeyOf(now);
  for (const a of admins) {
    await deps.db.reminder.createMany({
      data: [{ retryKey: uuidFromKey(`reminder:${a.id}:quota-exhausted:${month}:${step}`), userId: a.id, lineUserId: a.lineUserId, kind: 'quota-exhausted', month: monthStart(month), step, priority: -1, messages: [msg] as object, reason: `โควตาหมด ค้าง ${waiting}`, notBefore: now }],
      skipDuplicates: true,
    });
  }
}
