// Planned reminders become rows before anything is sent: one per (user, kind, month, step), its retry key derived
// from that tuple, inserted with ON CONFLICT DO NOTHING so re-planning never duplicates. Rows still waiting that the
// latest plan no longer contains (the person reported meanwhile, or a later step replaced it) are cancelled.
import { poolOf, type Db } from '../../db/client.js';
import { monthStart, type MonthKey } from '../fiscal-period.js';

/** What a row needs from a planned reminder (duty reminders and target-progress cards alike). */
export interface Recordable {
  userId: number;
  lineUserId: string;
  kind: string;
  step: string;
  priority: number;
  reason: string;
  notBefore: Date;
}

export interface Recorded {
  planned: number;
  inserted: number;
  cancelled: number;
}

/**
 * Which waiting rows a (partial) plan settles: all of the month's, only one kind within a range of user ids (a page
 * of producers, `upToUserId` null = no upper end), or all but one kind (the officers' part), or none (`false`).
 */
export type Settle = boolean | { kind: string; afterUserId: number; upToUserId: number | null } | { notKind: string };

/** Records the plan; with `settle` (duty reminders) also cancels waiting rows the plan no longer holds. */
export async function recordPlan<T extends Recordable>(
  db: Db,
  month: MonthKey,
  planned: T[],
  toRow: (r: T) => { retryKey: string; messages: unknown },
  settle: Settle = true,
): Promise<Recorded> {
  // Plain pg for these statements: their parameters run into the thousands (see poolOf).
  const pool = poolOf(db);
  const m = monthStart(month);
  let inserted = 0;
  for (let i = 0; i < planned.length; i += 2000) {
    const chunk = planned.slice(i, i + 2000);
    const rows = chunk.map((r) => ({ ...toRow(r), r }));
    const res = await pool.query(
      `INSERT INTO "Reminder" ("retryKey", "userId", "lineUserId", "kind", "month", "step", "priority", "messages", "reason", "notBefore")
       SELECT k::uuid, u, l, kd, $1::date, st, p, m::jsonb, rs, (nb::timestamptz AT TIME ZONE 'UTC')
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[]) AS t(k, u, l, kd, st, p, m, rs, nb)
       ON CONFLICT DO NOTHING`,
      [m, rows.map((x) => x.retryKey), rows.map((x) => x.r.userId), rows.map((x) => x.r.lineUserId), rows.map((x) => x.r.kind), rows.map((x) => x.r.step),
        rows.map((x) => x.r.priority), rows.map((x) => JSON.stringify(x.messages)), rows.map((x) => x.r.reason), rows.map((x) => x.r.notBefore.toISOString())],
    );
    inserted += res.rowCount ?? 0;
  }
  if (!settle) return { planned: planned.length, inserted, cancelled: 0 };
  // Target-progress cards are not owed work: once planned they stay until sent (or ridden in a reply).
  const keep = planned.map((r) => `${r.userId}|${r.kind}|${r.step}`);
  const only = typeof settle === 'object' && 'kind' in settle ? settle : null;
  const notKind = typeof settle === 'object' && 'notKind' in settle ? settle.notKind : null;
  const res = await pool.query(
    `UPDATE "Reminder" SET "status" = 'CANCELLED', "cancelReason" = 'settled', "doneAt" = now()
     WHERE "month" = $1::date AND "status" = 'PENDING' AND "sendKey" IS NULL AND "kind" NOT IN ('quota-exhausted', 'target-progress')
       AND ($2::text IS NULL OR ("kind" = $2::text AND "userId" > $3::int AND ($4::int IS NULL OR "userId" <= $4::int)))
       AND ($5::text IS NULL OR "kind" <> $5::text)
       AND NOT (("userId"::text || '|' || "kind" || '|' || "step") = ANY($6::text[]))`,
    [m, only?.kind ?? null, only?.afterUserId ?? 0, only?.upToUserId ?? null, notKind, keep],
  );
  const cancelled = res.rowCount ?? 0;
  return { planned: planned.length, inserted, cancelled };
}
