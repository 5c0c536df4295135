/**
 * Sends the reminders that are due, exactly once: every row is claimed with the retry key of the request that will
 * carry it (its own for a push, the batch's for a multicast of identical messages) before the first try, so a re-run
 * after a crash resends the same request with the same key and LINE answers 409 (= delivered). Most important first;
 * never above LINE's rate limits; 429 (rate) and 5xx are retried with backoff; the monthly-quota 429 stops the run
 * and leaves the rest waiting.
 */
import { poolOf, type Db } from '../db/client.js';
import { SendFailure, type BulkSendPort } from '../bot/ports.js';
import { uuidFromKey } from '../bot/outbox.js';
import type { Reply } from '../bot/reply.js';
import { rateLimiter } from './rate-limit.js';

export interface SendSettings {
  pushPerSecond: number;
  multicastPerSecond: number;
  concurrency: number;
  maxTries: number;
  retryBaseMs: number;
  /** Rows read and claimed per round (memory stays flat as the count grows). */
  pageSize: number;
}

export const DEFAULT_SEND: SendSettings = { pushPerSecond: 2000, multicastPerSecond: 200, concurrency: 32, maxTries: 5, retryBaseMs: 500, pageSize: 5000 };
const MAX_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SendResult {
  sent: number;
  requests: { push: number; multicast: number };
  failed: number;
  retryLater: number;
  /** Not sent because the quota would not cover them (still waiting). */
  heldBack: number;
  quotaExhausted: boolean;
}

interface Group {
  key: string;
  via: 'push' | 'multicast';
  ids: number[];
  to: string[];
  messages: Reply[];
}

type Row = { id: number; retryKey: string; lineUserId: string; messages: unknown };

/** Rows of one page grouped into requests: identical messages to ≥ 2 people go by multicast, ≤ 500 per request. */
function groupRows(rows: Row[]): Group[] {
  const byText = new Map<string, Row[]>();
  for (const r of rows) {
    const t = JSON.stringify(r.messages);
    const list = byText.get(t);
    if (list) list.push(r);
    else byText.set(t, [r]);
  }
  const groups: Group[] = [];
  for (const list of byText.values()) {
    if (list.length === 1) {
      const r = list[0]!;
      groups.push({ key: r.retryKey, via: 'push', ids: [r.id], to: [r.lineUserId], messages: r.messages as Reply[] });
      continue;
    }
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const ids = chunk.map((r) => r.id);
      groups.push({ key: uuidFromKey(`reminder-multicast:${ids.join(',')}`), via: 'multicast', ids, to: chunk.map((r) => r.lineUserId), messages: chunk[0]!.messages as Reply[] });
    }
  }
  return groups;
}

export async function sendDue(db: Db, bulk: BulkSendPort, now: Date, s: SendSettings, keepLease: () => Promise<unknown>): Promise<SendResult> {
  const res: SendResult = { sent: 0, requests: { push: 0, multicast: 0 }, failed: 0, retryLater: 0, heldBack: 0, quotaExhausted: false };
  // Plain pg for the per-page and per-request statements (tens of thousands of rows per run; see poolOf).
  const pool = poolOf(db);
  const limit = { push: rateLimiter(s.pushPerSecond), multicast: rateLimiter(s.multicastPerSecond) };
  const q = await bulk.quota();
  let budget = q.limit === null ? Infinity : Math.max(0, q.limit - q.used);

  async function sendGroup(g: Group): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (res.quotaExhausted) return;
      await limit[g.via]();
      try {
        if (g.via === 'push') await bulk.push(g.to[0]!, g.messages, g.key);
        else await bulk.multicast(g.to, g.messages, g.key);
        res.requests[g.via]++;
        await pool.query(`UPDATE "Reminder" SET "status" = 'SENT', "doneAt" = now(), "attempts" = "attempts" + $2, "lastError" = NULL
          WHERE "sendKey" = $1::uuid AND "status" = 'PENDING'`, [g.key, attempt]);
        res.sent += g.ids.length;
        return;
      } catch (err) {
        const f = err instanceof SendFailure ? err : new SendFailure('retryable', String((err as Error)?.message ?? err));
        if (f.kind === 'quota') {
          res.quotaExhausted = true;
          return;
        }
        if (f.kind === 'retryable' && attempt < s.maxTries) {
          await sleep(s.retryBaseMs * 2 ** (attempt - 1) * (1 + Math.random() / 4));
          continue;
        }
        const failed = f.kind === 'permanent';
        await db.$executeRaw`UPDATE "Reminder" SET "attempts" = "attempts" + ${attempt}, "lastError" = ${f.message.slice(0, 1000)},
            "status" = CASE WHEN ${failed} OR "attempts" + ${attempt} >= ${MAX_ATTEMPTS} THEN 'FAILED'::"ReminderStatus" ELSE 'PENDING'::"ReminderStatus" END
          WHERE "sendKey" = ${g.key}::uuid AND "status" = 'PENDING'`;
        if (failed) res.failed += g.ids.length;
        else res.retryLater += g.ids.length;
        return;
      }
    }
  }

  async function sendAll(groups: Group[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < groups.length && !res.quotaExhausted) await sendGroup(groups[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(s.concurrency, groups.length) }, worker));
  }

  // 1. Requests claimed by an earlier run that did not finish: the same recipients, the same key.
  const resumed = await db.$queryRaw<{ key: string; via: string; ids: number[]; to: string[]; messages: unknown }[]>`
    SELECT "sendKey"::text AS key, min("sendVia") AS via, array_agg(id ORDER BY id) AS ids, array_agg("lineUserId" ORDER BY id) AS "to", (array_agg(messages))[1] AS messages
    FROM "Reminder" WHERE "status" = 'PENDING' AND "sendKey" IS NOT NULL GROUP BY "sendKey" ORDER BY min("priority"), min(id)`;
  const old = resumed.filter((g) => {
    if (g.to.length > budget) return false;
    budget -= g.to.length;
    return true;
  });
  await sendAll(old.map((g) => ({ key: g.key, via: g.via === 'multicast' ? 'multicast' : 'push', ids: g.ids, to: g.to, messages: g.messages as Reply[] })));

  // 2. New rows, most important first, page by page, as far as the quota goes.
  while (!res.quotaExhausted) {
    await keepLease();
    const take = Math.min(s.pageSize, budget);
    if (take <= 0) break;
    const { rows } = await pool.query<Row>(`
      SELECT id, "retryKey"::text AS "retryKey", "lineUserId", messages FROM "Reminder"
      WHERE "status" = 'PENDING' AND "sendKey" IS NULL AND "notBefore" <= ($1::timestamptz AT TIME ZONE 'UTC')
      ORDER BY "priority", id LIMIT $2`, [now.toISOString(), take]);
    if (!rows.length) break;
    const groups = groupRows(rows);
    for (const g of groups) {
      const { rows: claimed } = await pool.query<{ id: number; lineUserId: string }>(`
        UPDATE "Reminder" SET "sendKey" = $1::uuid, "sendVia" = $2
        WHERE id = ANY($3::int[]) AND "status" = 'PENDING' AND "sendKey" IS NULL RETURNING id, "lineUserId"`, [g.key, g.via, g.ids]);
      claimed.sort((a, b) => a.id - b.id);
      g.ids = claimed.map((c) => c.id);
      g.to = claimed.map((c) => c.lineUserId);
    }
    const live = groups.filter((g) => g.ids.length > 0);
    budget -= live.reduce((n, g) => n + g.to.length, 0);
    await sendAll(live);
  }
  const waiting = await db.reminder.count({ where: { status: 'PENDING', notBefore: { lte: now } } });
  res.heldBack = waiting;
  return res;
}
