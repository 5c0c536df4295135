// Pushes to other people (a producer told of a send-back, a province officer asked to approve an unlock) are
// written in the same transaction as the change that causes them, then sent after commit with a stable
// X-Line-Retry-Key, so a crash or retry never sends twice and never loses one.
import { createHash } from 'node:crypto';
import type { Db, Tx } from '../db/client.js';
import type { LinePort } from './ports.js';
import type { Reply } from './reply.js';

/** A UUID derived from a business key (same key → same UUID), shaped as version 5 / RFC 4122 variant. */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Queues a push inside the transaction; returns its row id (null when the same key was queued before). */
export async function queuePush(tx: Tx, lineUserId: string, replies: Reply[], key: string): Promise<number | null> {
  const retryKey = uuidFromKey(key);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "OutboundMessage" ("retryKey", "kind", "recipients", "messages")
    VALUES (${retryKey}::uuid, 'push', ${[lineUserId]}::text[], ${JSON.stringify(replies)}::jsonb)
    ON CONFLICT ("retryKey") DO NOTHING RETURNING "id"`;
  return rows[0]?.id ?? null;
}

const MAX_ATTEMPTS = 8;

/** Sends the given queued pushes (or every pending one older than `olderThanMs`); failures stay pending for retry. */
export async function flushOutbox(
  db: Db,
  line: LinePort,
  opts: { ids?: number[]; olderThanMs?: number; log?: (msg: string) => void } = {},
): Promise<{ sent: number; failed: number }> {
  const where = opts.ids
    ? { id: { in: opts.ids }, status: 'PENDING' as const }
    : { status: 'PENDING' as const, createdAt: { lte: new Date(Date.now() - (opts.olderThanMs ?? 0)) } };
  const rows = await db.outboundMessage.findMany({ where, orderBy: { id: 'asc' }, take: 500 });
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      for (const to of row.recipients) await line.push(to, row.messages as unknown as Reply[], row.retryKey);
      await db.outboundMessage.update({
        where: { id: row.id },
        data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 } },
      });
      sent++;
    } catch (err) {
      failed++;
      const attempts = row.attempts + 1;
      await db.outboundMessage.update({
        where: { id: row.id },
        data: { attempts, lastError: String((err as Error).message).slice(0, 1000), status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING' },
      });
      opts.log?.(`push ${row.id} failed (attempt ${attempts}): ${(err as Error).message}`);
    }
  }
  return { sent, failed };
}
