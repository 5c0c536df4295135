// The one file that owns node-cron: which job runs when (Asia/Bangkok). Jobs themselves are run(deps, now).
// (Outbox sending and retries are not a cron job: the courier, src/bot/courier.ts, polls for due rows.)
import cron from 'node-cron';
import type { Db } from '../db/client.js';
import type { LinePort } from '../bot/ports.js';
import type { Logger } from '../bot/dispatcher.js';
import * as inboxCleanup from './inbox-cleanup.js';

export function startJobs(deps: { db: Db; line: LinePort; log: Logger }): () => Promise<void> {
  const tz = 'Asia/Bangkok';
  const guard = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn();
    } catch (err) {
      deps.log.error(`job ${name} failed`, { err: String((err as Error)?.stack ?? err) });
    }
  };
  const tasks = [
    cron.schedule('17 3 * * *', guard('inbox-cleanup', () => inboxCleanup.run(deps, new Date())), { timezone: tz, noOverlap: true }),
  ];
  return async () => {
    for (const t of tasks) await t.stop();
  };
}
