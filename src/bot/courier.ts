// Sends the outbox (src/bot/outbox.ts) to LINE, outside the dispatcher's handling slots, so a slow or failing LINE
// delays only the messages themselves, never the handling of other people's events.
//
// Invariants:
// - A row is sent only by the process holding its lease (claimDue), so two processes never send the same row.
// - An answer with a live reply token is replied once; any failed reply falls back to push with the row's retry
//   key, which is retried with back-off until LINE accepts it (409 = accepted before) within the key's 24 h.
// - Rows of one recipient go out in queue order from this process; a poll picks up what failed, what another
//   process left behind (its lease ran out) and scheduled pushes that became due.
import type { Db, Tx } from '../db/client.js';
import type { OutboundMessage } from '../db/generated/client.js';
import type { Logger } from './dispatcher.js';
import { backoffS, claimDue, dropReplyToken, markFailed, markSent, queuePush } from './outbox.js';
import { UnsendableReplies, type LinePort } from './ports.js';
import { failureAnswer, type Reply } from './reply.js';

export interface CourierDeps {
  db: Db;
  line: LinePort;
  log: Logger;
  /** How often due rows are looked for (default 1 s). */
  pollMs?: number;
  /** LINE requests in flight at once (default 16). */
  concurrency?: number;
  /** Deadline of one LINE call; a claimed row is leased for two calls plus a margin. */
  lineTimeoutMs?: number;
}

/** A 4xx other than 408/429 will not succeed on a retry (409 never gets here: it counts as sent). */
function isPermanent(err: unknown): boolean {
  const status = (err as { status?: number })?.status;
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

async function persist(fn: () => Promise<unknown>, tries = 20): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await fn();
      return;
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * i)));
    }
  }
}

export function createCourier(deps: CourierDeps) {
  const { db, line, log } = deps;
  const limit = deps.concurrency ?? 16;
  const leaseS = Math.ceil((2 * (deps.lineTimeoutMs ?? 8_000)) / 1000) + 5;
  const chains = new Map<string, Promise<void>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  let stopped = false;
  let dbDown = false;

  async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  /**
   * A row that cannot be rendered (queued unchecked, or by an older version) fails for good at once instead of being
   * retried for a day; when it is the answer to someone's message, they get the failure answer instead of nothing.
   */
  async function unsendable(row: OutboundMessage, err: UnsendableReplies): Promise<void> {
    const ref = row.retryKey.slice(0, 8);
    log.error('outbox message cannot be rendered: not sent', { outbox: row.id, ref, err: err.message });
    await persist(() => markFailed(db, row, err.message, { permanent: true, retryInS: 0 }));
    if (row.kind !== 'reply') return;
    const ids: number[] = [];
    for (const to of row.recipients) {
      const id = await queuePush(db as unknown as Tx, to, [failureAnswer(ref)], `${row.retryKey}:unsendable`);
      if (id !== null) ids.push(id);
    }
    // sent here, in the slot this row holds (taking another slot from inside one could wait forever)
    if (ids.length) for (const r of await claimDue(db, { ids, leaseS })) await deliver(r);
  }

  async function deliver(row: OutboundMessage): Promise<void> {
    const messages = row.messages as unknown as Reply[];
    // reply and push render before they call LINE: a row that cannot be rendered throws UnsendableReplies first
    if (row.replyToken && row.replyBy && row.replyBy.getTime() > Date.now()) {
      try {
        await line.reply(row.replyToken, messages);
        await persist(() => markSent(db, row.id));
        return;
      } catch (err) {
        if (err instanceof UnsendableReplies) return unsendable(row, err);
        log.warn('reply not accepted, pushing instead', { outbox: row.id, err: String((err as Error)?.message ?? err) });
        await dropReplyToken(db, row.id);
      }
    }
    try {
      for (const to of row.recipients) await line.push(to, messages, row.retryKey);
      await persist(() => markSent(db, row.id));
    } catch (err) {
      if (err instanceof UnsendableReplies) return unsendable(row, err);
      const msg = String((err as Error)?.message ?? err);
      const status = await markFailed(db, row, msg, { permanent: isPermanent(err), retryInS: backoffS(row.attempts + 1) });
      (status === 'FAILED' ? log.error : log.warn)(`push ${row.id} failed (attempt ${row.attempts + 1}, ${status})`, { err: msg });
    }
  }

  function settle(): void {
    if (--inFlight === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      w.forEach((f) => f());
    }
  }

  /** Runs `work` after everything already queued for `key`, counting it as in flight until it settles. */
  function chain(key: string, work: () => Promise<void>): Promise<void> {
    inFlight++;
    const run = (chains.get(key) ?? Promise.resolve())
      .then(work)
      .catch((err) => log.error('outbox delivery failed', { err: String((err as Error)?.stack ?? err) }))
      .finally(() => {
        if (chains.get(key) === run) chains.delete(key);
        settle();
      });
    chains.set(key, run);
    return run;
  }

  async function sendRows(rows: OutboundMessage[]): Promise<void> {
    for (const row of rows) await withSlot(() => deliver(row));
  }

  let polling = false;
  /**
   * Claims at most `limit` due rows at a time and sends them before claiming more, so no claimed row waits in a
   * queue past its lease (another process would then send it too).
   */
  async function poll(): Promise<void> {
    if (polling || stopped) return;
    polling = true;
    // A poll that has claimed rows but not yet queued them counts as in flight, so idle() cannot resolve between a
    // poll's claim and its sends (the just-committed rows an event's own send found already claimed by the poll).
    inFlight++;
    try {
      for (let full = true; full && !stopped; ) {
        const rows = await claimDue(db, { limit, leaseS });
        if (dbDown) log.info('outbox: database reachable again');
        dbDown = false;
        full = rows.length === limit;
        const byRecipient = new Map<string, OutboundMessage[]>();
        for (const r of rows) byRecipient.set(r.recipients[0] ?? '', [...(byRecipient.get(r.recipients[0] ?? '') ?? []), r]);
        await Promise.all([...byRecipient].map(([to, list]) => chain(to, () => sendRows(list))));
      }
    } catch (err) {
      if (!dbDown) log.warn('outbox poll failed (will retry)', { err: String((err as Error)?.message ?? err) });
      dbDown = true;
    } finally {
      polling = false;
      settle();
    }
  }
  const timer = setInterval(() => void poll(), deps.pollMs ?? 1000);
  timer.unref();

  return {
    /**
     * Sends the given just-committed rows, after what is queued for `key` (the person the event came from), then
     * runs `after` (e.g. linking a rich menu). Rows it cannot claim now are left to the poll.
     */
    send(key: string, ids: number[], after: (() => Promise<void>)[] = []): void {
      if (!ids.length && !after.length) return;
      void chain(key, async () => {
        if (ids.length) await sendRows(await claimDue(db, { ids, leaseS }));
        for (const fn of after) await fn().catch((e) => log.error('after-commit step failed', { err: String(e) }));
      });
    },
    /** Looks for due rows now (at start: what a previous run left unsent). */
    poll,
    /** Resolves when no send started so far is still running (scheduled retries are not waited for). */
    idle(): Promise<void> {
      return inFlight === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
    },
    /** Stops polling; sends in flight finish (each LINE call is bounded by its timeout). */
    stop(): void {
      stopped = true;
      clearInterval(timer);
    },
  };
}
export type Courier = ReturnType<typeof createCourier>;
