// The outbox: every message the bot owes someone is a row written in the same transaction as the change that
// causes it — the answer to an event (kind "reply", with the event's reply token) and pushes to other people
// (kind "push"). The courier (src/bot/courier.ts) sends the rows after commit, with the row's stable
// X-Line-Retry-Key, until LINE accepts them: a crash, a LINE fault or a restart never loses one or sends one twice.
//
// Enqueueing, for any module with a transaction:
//   queuePush(tx, lineUserId, replies, 'reminder:2026-11:U…')          → sent as soon as possible
//   queuePush(tx, lineUserId, replies, key, { notBefore: sendTime })     → sent at or after sendTime
// The business key must be unique for what it means (same key → queued once, LINE accepts it once).
import { createHash } from 'node:crypto';
import type { Db, Tx } from '../db/client.js';
import type { OutboundMessage } from '../db/generated/client.js';
import type { Reply } from './reply.js';

/** A UUID derived from a business key (same key → same UUID), shaped as version 5 / RFC 4122 variant. */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** LINE's limit of messages per reply or push request. */
export const MESSAGES_PER_REQUEST = 5;
/** A retry key is honoured by LINE for 24 h; after that a resend could be delivered twice, so the row fails. */
export const RETRY_KEY_LIFETIME_MS = 24 * 3600_000;
/** A reply token is tried only this long after the webhook was received (LINE: "within one minute"). */
export const REPLY_TOKEN_WINDOW_S = 50;

/**
 * Queues a push inside the transaction; returns its row id (null when the same key was queued before).
 * `notBefore` schedules it (e.g. a reminder); the courier sends it at or after that time.
 */
export async function queuePush(
  tx: Tx,
  lineUserId: string,
  replies: Reply[],
  key: string,
  opts: { notBefore?: Date } = {},
): Promise<number | null> {
  const retryKey = uuidFromKey(key);
  const at = opts.notBefore ?? null;
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "OutboundMessage" ("retryKey", "kind", "recipients", "messages", "nextAttemptAt")
    VALUES (${retryKey}::uuid, 'push', ${[lineUserId]}::text[], ${JSON.stringify(replies)}::jsonb,
            COALESCE(${at}::timestamp, now()))
    ON CONFLICT ("retryKey") DO NOTHING RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/**
 * Queues the answer to an event inside the transaction that records the event's effects: the first
 * MESSAGES_PER_REQUEST messages as a reply (token tried until REPLY_TOKEN_WINDOW_S after the webhook arrived),
 * the rest as pushes. Keys derive from the event id, so a second handling of the same event queues nothing.
 */
export async function queueAnswer(
  tx: Tx,
  ev: { id: string; lineUserId: string; replyToken: string | null },
  replies: Reply[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i * MESSAGES_PER_REQUEST < replies.length; i++) {
    const chunk = replies.slice(i * MESSAGES_PER_REQUEST, (i + 1) * MESSAGES_PER_REQUEST);
    const token = i === 0 ? ev.replyToken : null;
    const rows = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "OutboundMessage" ("retryKey", "kind", "recipients", "messages", "replyToken", "replyBy", "nextAttemptAt")
      SELECT ${uuidFromKey(`${ev.id}:reply:${i}`)}::uuid, ${token ? 'reply' : 'push'}, ${[ev.lineUserId]}::text[],
             ${JSON.stringify(chunk)}::jsonb, ${token},
             (SELECT "receivedAt" + make_interval(secs => ${REPLY_TOKEN_WINDOW_S}) FROM "WebhookEvent" WHERE "id" = ${ev.id}),
             now()
      ON CONFLICT ("retryKey") DO NOTHING RETURNING "id"`;
    if (rows[0]) ids.push(rows[0].id);
  }
  return ids;
}

/** Default time a sender holds a claimed row before another process may take it over (a reply and a push). */
export const LEASE_S = 25;

/**
 * Claims pending rows that are due (the given ids, or any due ones), for `leaseS` (default LEASE_S): another process or a later
 * poll will not send them meanwhile. Id order = queue order.
 */
export async function claimDue(db: Db, opts: { ids?: number[]; limit?: number; leaseS?: number } = {}): Promise<OutboundMessage[]> {
  const ids = opts.ids ?? null;
  const lease = opts.leaseS ?? LEASE_S;
  return db.$queryRaw<OutboundMessage[]>`
    UPDATE "OutboundMessage" SET "nextAttemptAt" = now() + make_interval(secs => ${lease})
    WHERE "id" IN (
      SELECT "id" FROM "OutboundMessage"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now() AND (${ids}::int[] IS NULL OR "id" = ANY(${ids}::int[]))
      ORDER BY "id" LIMIT ${opts.limit ?? 200} FOR UPDATE SKIP LOCKED)
    RETURNING *`;
}

/** LINE accepted the row (or answered 409 to its retry key). */
export async function markSent(db: Db, id: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboundMessage" SET "status" = 'SENT', "sentAt" = now(), "attempts" = "attempts" + 1, "replyToken" = NULL
    WHERE "id" = ${id}`;
}

/** The reply token was tried (whatever the outcome): from now on the row is pushed. */
export async function dropReplyToken(db: Db, id: number): Promise<void> {
  await db.$executeRaw`UPDATE "OutboundMessage" SET "replyToken" = NULL WHERE "id" = ${id}`;
}

/** A send failed: retried after `retryInS`, or FAILED for good (`permanent`, or the retry key's 24 h are over). */
export async function markFailed(db: Db, row: OutboundMessage, error: string, opts: { permanent: boolean; retryInS: number }): Promise<'PENDING' | 'FAILED'> {
  const expired = Date.now() - row.createdAt.getTime() > RETRY_KEY_LIFETIME_MS - opts.retryInS * 1000;
  const status = opts.permanent || expired ? 'FAILED' : 'PENDING';
  await db.$executeRaw`
    UPDATE "OutboundMessage" SET "attempts" = "attempts" + 1, "lastError" = ${error.slice(0, 1000)},
      "status" = ${status}::"OutboundStatus", "nextAttemptAt" = now() + make_interval(secs => ${opts.retryInS})
    WHERE "id" = ${row.id}`;
  return status;
}

/** Back-off after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffS(attempts: number): number {
  return Math.min(300, 2 ** Math.max(0, attempts - 1));
}
