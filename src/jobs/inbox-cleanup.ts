// Keeps the webhook inbox small: processed events are kept 7 days (LINE redelivers within minutes; the reply
// token is useless after 20 minutes), then deleted.
import type { Db } from '../db/client.js';

export const KEEP_DAYS = 7;

export async function run(deps: { db: Db }, now: Date): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
  const r = await deps.db.webhookEvent.deleteMany({ where: { processedAt: { lt: cutoff } } });
  return { deleted: r.count };
}
