// Re-sends pushes that failed after commit (LINE 429/500 or a crash between commit and send), reusing each row's
// retry key so LINE accepts each at most once.
import type { Db } from '../db/client.js';
import type { LinePort } from '../bot/ports.js';
import { flushOutbox } from '../bot/outbox.js';
import type { Logger } from '../bot/dispatcher.js';

export async function run(deps: { db: Db; line: LinePort; log: Logger }, _now: Date) {
  const r = await flushOutbox(deps.db, deps.line, { olderThanMs: 30_000, log: (m) => deps.log.error(m) });
  if (r.sent || r.failed) deps.log.info('outbox retry', r);
  return r;
}
