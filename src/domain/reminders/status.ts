// What the reminders did for a month, for the department: rows by kind and status, and how many producers who were
// reminded reported after the reminder reached them.
import type { Tx } from '../../db/client.js';
import { monthStart, type MonthKey } from '../fiscal-period.js';

export interface ReminderStatus {
  byKind: { kind: string; sent: number; waiting: number; failed: number; inReply: number; settled: number }[];
  /** Producers reminded (pushed or in a reply) and, of them, those who submitted an entry afterwards. */
  producersReminded: number;
  reportedAfter: number;
}

export async function reminderStatus(tx: Tx, month: MonthKey): Promise<ReminderStatus> {
  const m = monthStart(month);
  const rows = await tx.$queryRaw<{ kind: string; sent: bigint; waiting: bigint; failed: bigint; inReply: bigint; settled: bigint }[]>`
    SELECT kind, count(*) FILTER (WHERE status = 'SENT') AS sent, count(*) FILTER (WHERE status = 'PENDING') AS waiting,
           count(*) FILTER (WHERE status = 'FAILED') AS failed, count(*) FILTER (WHERE "cancelReason" = 'reply') AS "inReply",
           count(*) FILTER (WHERE "cancelReason" = 'settled') AS settled
    FROM "Reminder" WHERE month = ${m}::date GROUP BY kind ORDER BY kind`;
  const [after] = await tx.$queryRaw<{ reminded: bigint; reported: bigint }[]>`
    WITH first AS (
      SELECT u."producerId", min(r."doneAt") AS at FROM "Reminder" r JOIN "User" u ON u.id = r."userId"
      WHERE r.month = ${m}::date AND r.kind = 'producer-entry' AND (r.status = 'SENT' OR r."cancelReason" = 'reply')
      GROUP BY 1)
    SELECT count(*) AS reminded,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "SalesEntry" s WHERE s."producerId" = first."producerId" AND s.month = ${m}::date
                                           AND s."submittedAt" > first.at)) AS reported
    FROM first`;
  return {
    byKind: rows.map((r) => ({ kind: r.kind, sent: Number(r.sent), waiting: Number(r.waiting), failed: Number(r.failed), inReply: Number(r.inReply), settled: Number(r.settled) })),
    producersReminded: Number(after?.reminded ?? 0),
    reportedAfter: Number(after?.reported ?? 0),
  };
}
