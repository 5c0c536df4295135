// The webhook inbox: events are recorded on receipt (deduplicated on webhookEventId) and each takes effect once,
// because its claim is written in the same transaction as its effects.
import type pg from 'pg';
import type { Db, Tx } from '../db/client.js';
import type { User } from '../db/generated/client.js';
import { BotEventSchema, type BotEvent } from './events.js';

/**
 * Records events not seen before; returns those newly recorded (a redelivered or concurrent copy returns nothing).
 * Runs on its own small `pg` pool, not Prisma: it is the webhook's whole critical path (one statement).
 */
export async function recordEvents(pool: pg.Pool, events: BotEvent[]): Promise<BotEvent[]> {
  if (events.length === 0) return [];
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "WebhookEvent" ("id", "lineUserId", "occurredAt", "payload")
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::jsonb[])
     ON CONFLICT ("id") DO NOTHING
     RETURNING "id"`,
    [events.map((e) => e.id), events.map((e) => e.lineUserId), events.map((e) => e.occurredAt.toISOString()), events.map((e) => JSON.stringify(e))],
  );
  const fresh = new Set(rows.map((r) => r.id));
  return events.filter((e) => fresh.has(e.id));
}

/**
 * An event that occurred longer ago than this reached us late: LINE's reply token is void 20 minutes after the event
 * occurred (also on a redelivery), and LINE does not publish how long it keeps redelivering. Such events are logged
 * and handled like any other, once: the inbox dedupes on webhookEventId for 7 days after handling
 * (jobs/inbox-cleanup.ts), and the answer goes out as a push when the reply token is refused.
 */
export const LATE_EVENT_MS = 20 * 60_000;

/** The events of `events` that occurred more than LATE_EVENT_MS before `now`, with their age in minutes. */
export function lateEvents(events: BotEvent[], now: Date): { event: BotEvent; ageMinutes: number }[] {
  return events
    .filter((e) => now.getTime() - e.occurredAt.getTime() > LATE_EVENT_MS)
    .map((event) => ({ event, ageMinutes: Math.floor((now.getTime() - event.occurredAt.getTime()) / 60_000) }));
}

/** Claims the event inside the caller's transaction; false when it already took effect. */
export async function claimEvent(tx: Tx, id: string): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "WebhookEvent" SET "processedAt" = clock_timestamp(), "attempts" = "attempts" + 1
    WHERE "id" = ${id} AND "processedAt" IS NULL`;
  return n === 1;
}

/** Serialises the handling of one user's events across processes until the transaction ends. */
export async function lockUser(tx: Tx, lineUserId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'user:' + lineUserId}))`;
}

/** The user row of a LINE user, created on first contact (raw SQL: this runs for every event). */
export async function userOf(tx: Tx, lineUserId: string): Promise<User> {
  const rows = await tx.$queryRaw<User[]>`
    INSERT INTO "User" ("lineUserId", "updatedAt") VALUES (${lineUserId}, now())
    ON CONFLICT ("lineUserId") DO UPDATE SET "lineUserId" = EXCLUDED."lineUserId"
    RETURNING *`;
  return rows[0]!;
}

/**
 * Claims the user's oldest unprocessed event (occurrence order, then arrival order) in one statement, under the user's
 * lock, so events of one user take effect in order whichever process received them. `more`: another event of the
 * user was waiting too. A row whose payload no longer parses is claimed and returned as `event: null` (set aside).
 */
export async function claimNext(tx: Tx, lineUserId: string): Promise<{ id: string; event: BotEvent | null; more: boolean } | null> {
  const rows = await tx.$queryRaw<{ id: string; payload: unknown; more: boolean }[]>`
    UPDATE "WebhookEvent" SET "processedAt" = clock_timestamp(), "attempts" = "attempts" + 1
    WHERE "id" = (SELECT "id" FROM "WebhookEvent" WHERE "lineUserId" = ${lineUserId} AND "processedAt" IS NULL
                  ORDER BY "occurredAt", "seq" LIMIT 1)
    RETURNING "id", "payload", EXISTS (SELECT 1 FROM "WebhookEvent" w WHERE w."lineUserId" = ${lineUserId}
                  AND w."processedAt" IS NULL AND w."id" <> "WebhookEvent"."id") AS "more"`;
  const row = rows[0];
  if (!row) return null;
  const parsed = BotEventSchema.safeParse(row.payload);
  return { id: row.id, event: parsed.success ? parsed.data : null, more: row.more };
}

/** Like lockUser, but returns false at once when another transaction holds the user's lock. */
export async function tryLockUser(tx: Tx, lineUserId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${'user:' + lineUserId})) AS ok`;
  return rows[0]?.ok === true;
}

/** Users with events received at least `olderThanMs` ago and still unprocessed (a crash, a database outage). */
export async function usersWithPending(db: Db, olderThanMs: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ lineUserId: string }[]>`
    SELECT DISTINCT "lineUserId" FROM "WebhookEvent"
    WHERE "processedAt" IS NULL AND "lineUserId" IS NOT NULL AND "receivedAt" <= now() - make_interval(secs => ${olderThanMs / 1000})
    LIMIT 5000`;
  return rows.map((r) => r.lineUserId);
}
