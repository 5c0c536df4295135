// The one file that owns node-cron: which job runs when (Asia/Bangkok). Jobs themselves are run(deps, now).
// (Outbox sending and retries are not a cron job: the courier, src/bot/courier.ts, polls for due rows.)
import cron from 'node-cron';
import type { Db } from '../db/client.js';
import type { BulkSendPort, LinePort } from '../bot/ports.js';
import type { Logger } from '../bot/dispatcher.js';
import type { ReportStore } from '../reports/store.js';
import * as inboxCleanup from './inbox-cleanup.js';
import * as reportFilesCleanup from './report-files-cleanup.js';
import * as reminders from './reminders.js';
import * as reportDay from './report-day.js';

export interface JobDeps {
  db: Db;
  line: LinePort;
  bulk: BulkSendPort;
  log: Logger;
  reportStore?: ReportStore;
  /** Signing secret and base URL of report links, for the department's report-day push. */
  reportLinks?: { secret: string; publicBaseUrl: string };
  /** Report requests a crash left pending (src/jobs/report-delivery.ts). */
  reports?: { resume(minAgeMs?: number): Promise<number> };
  /** Reminder settings from the configuration (e.g. the target-progress day). */
  reminderSettings?: Partial<reminders.ReminderSettings>;
}

export function startJobs(deps: JobDeps): () => Promise<void> {
  const tz = 'Asia/Bangkok';
  const guard = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn();
    } catch (err) {
      deps.log.error(`job ${name} failed`, { err: String((err as Error)?.stack ?? err) });
    }
  };
  const tasks = [
    // Every 10 minutes: plans (idempotently) and sends what is due; quiet hours are decided by the planner.
    cron.schedule('*/10 * * * *', guard('reminders', () => reminders.run({ ...deps, settings: deps.reminderSettings }, new Date())), { timezone: tz, noOverlap: true }),
    cron.schedule('17 3 * * *', guard('inbox-cleanup', () => inboxCleanup.run(deps, new Date())), { timezone: tz, noOverlap: true }),
  ];
  const reportStore = deps.reportStore;
  if (reportStore) {
    tasks.push(cron.schedule('41 * * * *', guard('report-files-cleanup', () => reportFilesCleanup.run({ reportStore }, new Date())),
      { timezone: tz, noOverlap: true }));
    const links = deps.reportLinks;
    // Hourly in office hours: on the department's report day the national summary goes out once (later runs, a
    // restart or a second instance find it queued already).
    if (links) {
      tasks.push(cron.schedule('30 8-17 * * *', guard('report-day', () => reportDay.run({ db: deps.db, store: reportStore, log: deps.log, ...links }, new Date())),
        { timezone: tz, noOverlap: true }));
    }
  }
  const reports = deps.reports;
  if (reports) {
    tasks.push(cron.schedule('*/5 * * * *', guard('report-requests', () => reports.resume()), { timezone: tz, noOverlap: true }));
  }
  return async () => {
    for (const t of tasks) await t.stop();
  };
}
