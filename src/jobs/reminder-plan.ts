/**
 * Plans and records one month's duty reminders page by page: the officers' part from one snapshot without the
 * producers, then the producers a page of LINE users at a time, each page planned by the same pure planner and
 * recorded (and its settled rows cancelled) before the next is read. The result equals recording the whole plan at
 * once; memory is one page, whatever the number of producers.
 */
import type { Db } from '../db/client.js';
import { uuidFromKey } from '../bot/outbox.js';
import { reminderReplies } from '../bot/reminder-replies.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { plan } from '../domain/reminders/plan.js';
import { recordPlan, type Recorded } from '../domain/reminders/record.js';
import { buildSnapshot, producerPage } from '../domain/reminders/snapshot.js';
import type { Calendar, PlannedReminder, PlanOptions } from '../domain/reminders/types.js';

export const PRODUCER_PAGE = 5_000;

/** The stored row of a planned duty reminder: its retry key and the bot's replies. */
export const reminderRow = (p: PlannedReminder) => ({
  retryKey: uuidFromKey(`reminder:${p.userId}:${p.kind}:${p.month}:${p.step}`),
  messages: reminderReplies(p.content),
});

export async function planAndRecord(db: Db, month: MonthKey, calendar: Calendar, now: Date, o: PlanOptions, pageSize = PRODUCER_PAGE): Promise<Recorded> {
  const base = await buildSnapshot(db, month, { producers: false });
  const totals = await recordPlan(db, month, plan(base, calendar, now, o), reminderRow, { notKind: 'producer-entry' });
  const empty = { districts: [], provinces: [], zones: [], department: { officers: [], provinces: 0, provincesConfirmed: 0, entries: 0 } };
  for (let after = 0; ; ) {
    const page = await producerPage(db, month, after, pageSize);
    const planned = plan({ month, producers: page.producers, ...empty }, calendar, now, o);
    const r = await recordPlan(db, month, planned, reminderRow, { kind: 'producer-entry', afterUserId: after, upToUserId: page.lastUserId });
    totals.planned += r.planned;
    totals.inserted += r.inserted;
    totals.cancelled += r.cancelled;
    if (page.lastUserId === null) return totals;
    after = page.lastUserId;
  }
}
