/**
 * The department's report day: on the day the calendar gives for a month (departmentReportDay: its close, else the
 * 10th of the following month), the national summary of that month is made once and its download card is pushed to
 * every active department user — exactly once per user and month, whatever the number of runs or instances (a lease
 * for the work, and the outbox's business key `report-day:<month>:<user id>` for each push).
 */
import type { Logger } from '../bot/dispatcher.js';
import { queuePush, uuidFromKey } from '../bot/outbox.js';
import type { ReportTask } from '../bot/ports.js';
import { card, say } from '../bot/reply.js';
import type { Db } from '../db/client.js';
import { departmentReportDay, dueDates } from '../domain/deadlines.js';
import { addMonths, dayKeyOf, fiscalYearOf, monthKeyOf, monthParts, type MonthKey } from '../domain/fiscal-period.js';
import { periodOf } from '../domain/reports/period.js';
import { takeLease } from '../domain/reminders/lease.js';
import { reportFileLink } from '../reports/generate.js';
import type { ReportStore } from '../reports/store.js';
import { reportReadyCard } from './report-delivery.js';

export interface ReportDayDeps {
  db: Db;
  store: ReportStore;
  secret: string;
  publicBaseUrl: string;
  log: Logger;
}

export interface ReportDayResult {
  /** The month whose report day is today, or null. */
  month: MonthKey | null;
  /** Pushes queued in this run. */
  queued: number;
  skipped?: 'another instance is running';
}

/** The month (of the last three) whose department report day is the Bangkok calendar day of `now`, if any. */
export async function reportDayMonth(db: Db, now: Date): Promise<MonthKey | null> {
  const today = dayKeyOf(now);
  for (const back of [1, 2, 3]) {
    const month = addMonths(monthKeyOf(now), -back);
    if (departmentReportDay(month, await db.$transaction((tx) => dueDates(tx, month))) === today) return month;
  }
  return null;
}

const pushKey = (month: MonthKey, userId: number) => `report-day:${month}:${userId}`;

export async function run(deps: ReportDayDeps, now: Date): Promise<ReportDayResult> {
  const month = await reportDayMonth(deps.db, now);
  if (!month) return { month: null, queued: 0 };
  const users = await deps.db.user.findMany({ where: { role: 'DEPARTMENT_ADMIN', active: true }, orderBy: { id: 'asc' } });
  const sent = new Set((await deps.db.outboundMessage.findMany({
    where: { retryKey: { in: users.map((u) => uuidFromKey(pushKey(month, u.id))) } }, select: { retryKey: true },
  })).map((r) => r.retryKey));
  const owed = users.filter((u) => !sent.has(uuidFromKey(pushKey(month, u.id))));
  if (!owed.length) return { month, queued: 0 };

  const lease = await takeLease(deps.db, 'report-day', 5 * 60_000);
  if (!lease.held) return { month, queued: 0, skipped: 'another instance is running' };
  try {
    const request = {
      type: 'summary' as const, scope: { nation: true as const }, format: 'pdf' as const,
      period: periodOf(fiscalYearOf(month), monthParts(month).month),
    };
    const { token, fileName } = await reportFileLink(deps.db, deps.store, deps.secret, request, now);
    let queued = 0;
    for (const u of owed) {
      const task: ReportTask = { lineUserId: u.lineUserId, key: pushKey(month, u.id), request };
      const replies = [card(reportReadyCard(task, fileName, `${deps.publicBaseUrl}/reports/${token}`, now), [say('รายงาน'), say('เมนู')])];
      if ((await deps.db.$transaction((tx) => queuePush(tx, u.lineUserId, replies, task.key))) !== null) queued++;
    }
    deps.log.info('report day: national summary pushed', { month, queued });
    return { month, queued };
  } finally {
    await lease.release();
  }
}
