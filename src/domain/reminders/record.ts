// Planned reminders become rows before anything is sent: one per (user, kind, month, step), its retry key derived
// from that tuple, inserted with ON CONFLICT DO NOTHING so re-planning never duplicates. Rows still waiting that the
// latest plan no longer contains (the person reported meanwhile, or a later step replaced it) are cancelled.
import type { Db } from '../../db/client.js';
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
  let inserted = 0;
  for (let i = 0; i < planned.length; i += 2000) {
    const chunk = planned.slice(i, i + 2000);
    const rows = chunk.map((r) => ({ ...toRow(r), r }));
    inserted += await db.$executeRaw`
      INSERT INTO "Reminder" ("retryKey", "userId", "lineUserId", "kind", "month", "step", "priority", "messages", "reason", "notBefore")
      SELECT k::uuid, u, l, kd, ${monthStart(month)}::date, st, p, m::jsonb, rs, (nb::timestamptz AT TIME ZONE 'UTC')
      FROM unnest(${rows.map((x) => x.retryKey)}::text[], ${rows.map((x) => x.r.userId)}::int[], ${rows.map((x) => x.r.lineUserId)}::text[],
                  ${rows.map((x) => x.r.kind)}::text[], ${rows.map((x) => x.r.step)}::text[], ${rows.map((x) => x.r.priority)}::int[],
                  ${rows.map((x) => JSON.stringify(x.messages))}::text[], ${rows.map((x) => x.r.reason)}::text[],
                  ${rows.map((x) => x.r.notBefore.toISOString())}::text[]) AS t(k, u, l, kd, st, p, m, rs, nb)
      ON CONFLICT DO NOTHING`;
  }
  if (!settle) return { planned: planned.length, inserted, cancelled: 0 };
  // Target-progress cards are not owed work: once planned they stay until sent (or ridden in a reply).
  const keep = planned.map((r) => `${r.userId}|${r.kind}|${r.step}`);
  const only = typeof settle === 'object' && 'kind' in settle ? settle : null;
  const notKind = typeof settle === 'object' && 'notKind' in settle ? settle.notKind : null;
  const cancelled = await db.$executeRaw`
    UPDATE "Reminder" SET "status" = 'CANCELLED', "cancelReason" = 'settled', "doneAt" = now()
    WHERE "month" = ${monthStart(month)}::date AND "status" = 'PENDING' AND "sendKey" IS NULL AND "kind" NOT IN ('quota-exhausted', 'target-progress')
      AND (${only?.kind ?? null}::text IS NULL OR ("kind" = ${only?.kind ?? null}::text AND "userId" > ${only?.afterUserId ?? 0}::int
           AND (${only?.upToUserId ?? null}::int IS NULL OR "userId" <= ${only?.upToUserId ?? null}::int)))
      AND (${notKind}::text IS NULL OR "kind" <> ${notKind}::text)
      AND NOT (("userId"::text || '|' || "kind" || '|' || "step") = ANY(${keep}::text[]))`;
  return { planned: planned.length, inserted, cancelled };
}
