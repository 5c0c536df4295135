// Runs recorded events: one user's events strictly in order (in-process queue + a per-user database lock across
// processes), each in one transaction that claims the event, applies its effects and saves the conversation;
// replies and queued pushes go out after commit.
import type { Db, Tx } from '../db/client.js';
import { actorOf } from '../domain/actor.js';
import { RuleError } from '../domain/errors.js';
import type { Ctx } from './context.js';
import type { BotEvent } from './events.js';
import { claimEvent, lockUser, recordFailure, userOf } from './inbox.js';
import { flushOutbox, queuePush, uuidFromKey } from './outbox.js';
import { ReplyTokenRejected, type LinePort } from './ports.js';
import { text, type Reply } from './reply.js';
import { withWaitingReminders } from './reminder-ride.js';

export interface Logger {
  info(msg: string, extra?: object): void;
  warn(msg: string, extra?: object): void;
  error(msg: string, extra?: object): void;
}

export interface DispatcherDeps {
  db: Db;
  line: LinePort;
  route: (ctx: Ctx) => Promise<Reply[]>;
  log: Logger;
  publicBaseUrl: string;
  clock?: () => Date;
  /**
   * Events handled at the same time (different users). Bounded so that a burst queues in the inbox instead of
   * starving the webhook of CPU and the database pool of connections.
   */
  concurrency?: number;
}

const MAX_TRIES = 3;

function isSerializationFailure(err: unknown): boolean {
  const s = String((err as { code?: string; message?: string })?.code ?? '') + String((err as Error)?.message ?? '');
  return /P2034|40001|40P01|deadlock|could not serialize/i.test(s);
}

export function createDispatcher(deps: DispatcherDeps) {
  const clock = deps.clock ?? (() => new Date());
  const queues = new Map<string, Promise<void>>();
  const limit = deps.concurrency ?? 4;
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= limit) await new Promise<void>((r) => waiting.push(r));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  async function deliver(ev: BotEvent, replies: Reply[], pushIds: number[], after: (() => Promise<void>)[]) {
    const chunks: Reply[][] = [];
    for (let i = 0; i < replies.length; i += 5) chunks.push(replies.slice(i, i + 5));
    for (const [i, chunk] of chunks.entries()) {
      try {
        if (i === 0 && ev.replyToken) await deps.line.reply(ev.replyToken, chunk);
        else await deps.line.push(ev.lineUserId, chunk, uuidFromKey(`${ev.id}:reply:${i}`));
      } catch (err) {
        if (err instanceof ReplyTokenRejected) {
          await deps.line.push(ev.lineUserId, chunk, uuidFromKey(`${ev.id}:reply:${i}`)).catch((e) =>
            deps.log.error('reply fallback push failed', { event: ev.id, err: String(e) }),
          );
        } else {
          deps.log.error('reply failed', { event: ev.id, err: String(err) });
        }
      }
    }
    if (pushIds.length) await flushOutbox(deps.db, deps.line, { ids: pushIds, log: (m) => deps.log.error(m) });
    for (const fn of after) await fn().catch((e) => deps.log.error('after-commit step failed', { event: ev.id, err: String(e) }));
  }

  async function attempt(ev: BotEvent): Promise<{ replies: Reply[]; pushIds: number[]; after: (() => Promise<void>)[] } | null> {
    const pushIds: number[] = [];
    const after: (() => Promise<void>)[] = [];
    const replies = await deps.db.$transaction(
      async (tx: Tx) => {
        await lockUser(tx, ev.lineUserId);
        if (!(await claimEvent(tx, ev.id))) return null;
        const user = await userOf(tx, ev.lineUserId);
        const ctx: Ctx = {
          tx,
          now: clock(),
          event: ev,
          user,
          actor: actorOf(user),
          line: deps.line,
          publicBaseUrl: deps.publicBaseUrl,
          async push(to, msgs, key) {
            const id = await queuePush(tx, to, msgs, key);
            if (id !== null) pushIds.push(id);
          },
          afterCommit(fn) {
            after.push(fn);
          },
        };
        return withWaitingReminders(tx, user.id, await deps.route(ctx), ctx.now);
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
    return replies === null ? null : { replies, pushIds, after };
  }

  /** The person is told of a rule in a fresh transaction that only claims the event: nothing else changes. */
  async function claimOnly(ev: BotEvent): Promise<boolean> {
    return deps.db.$transaction(async (tx: Tx) => {
      await lockUser(tx, ev.lineUserId);
      return claimEvent(tx, ev.id);
    });
  }

  async function process(ev: BotEvent): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        const result = await attempt(ev);
        if (result) await deliver(ev, result.replies, result.pushIds, result.after);
        return;
      } catch (err) {
        if (err instanceof RuleError) {
          if (await claimOnly(ev)) await deliver(ev, [text(err.message)], [], []);
          return;
        }
        if (isSerializationFailure(err) && tries < MAX_TRIES) continue;
        const ref = ev.id.slice(-8);
        deps.log.error('event failed', { event: ev.id, ref, err: (err as Error)?.stack ?? String(err) });
        await recordFailure(deps.db, ev.id, String((err as Error)?.stack ?? err), true).catch(() => {});
        await deliver(ev, [text(`ขออภัย เกิดข้อผิดพลาดในระบบ (รหัสอ้างอิง ${ref}) กรุณาลองใหม่อีกครั้ง หากยังไม่ได้ แจ้งเจ้าหน้าที่พร้อมรหัสนี้`)], [], []);
        return;
      }
    }
  }

  function settle() {
    inFlight--;
    if (inFlight === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      w.forEach((f) => f());
    }
  }

  return {
    /** Queues events; each user's events run in occurrence order, different users in parallel. */
    enqueue(events: BotEvent[]): void {
      const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      for (const ev of sorted) {
        inFlight++;
        const prev = queues.get(ev.lineUserId) ?? Promise.resolve();
        const run = prev
          .then(async () => {
            await slot();
            try {
              await process(ev);
            } finally {
              release();
            }
          })
          .catch((e) => deps.log.error('dispatch failed', { err: String(e) }))
          .finally(settle);
        queues.set(ev.lineUserId, run);
        void run.then(() => {
          if (queues.get(ev.lineUserId) === run) queues.delete(ev.lineUserId);
        });
      }
    },
    /** Resolves when every queued event has been handled and its replies sent. */
    idle(): Promise<void> {
      return inFlight === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
    },
  };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
