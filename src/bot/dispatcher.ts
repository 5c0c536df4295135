// Runs recorded events. The unit of work is a person: their unprocessed events are taken from the inbox oldest
// first, under a per-user database lock, so one user's events take effect once and in order even when several
// processes received them. Each event is one transaction that claims it, applies its effects, saves the
// conversation and queues the answer in the outbox; the courier sends the outbox after commit, outside the
// handling slots. While the database is away, work waits and resumes by itself.
import type { Db, Tx } from '../db/client.js';
import { isConnectionError } from '../db/errors.js';
import { actorOf } from '../domain/actor.js';
import { RuleError } from '../domain/errors.js';
import type { Places } from '../domain/places.js';
import type { Ctx } from './context.js';
import type { Courier } from './courier.js';
import type { BotEvent } from './events.js';
import { claimEvent, claimNext, lockUser, tryLockUser, userOf, usersWithPending } from './inbox.js';
import { MESSAGES_PER_REQUEST, queueAnswer, queuePush } from './outbox.js';
import type { LinePort, ReportPort } from './ports.js';
import { failureAnswer, text, type Reply } from './reply.js';
import { withWaitingReminders } from './reminder-ride.js';

export interface Logger {
  info(msg: string, extra?: object): void;
  warn(msg: string, extra?: object): void;
  error(msg: string, extra?: object): void;
}

export interface DispatcherDeps {
  db: Db;
  line: LinePort;
  courier: Courier;
  route: (ctx: Ctx) => Promise<Reply[]>;
  log: Logger;
  publicBaseUrl: string;
  places: Places;
  addFriendUrl?: string | null;
  reports?: ReportPort;
  clock?: () => Date;
  /**
   * Events handled at the same time (different users). Bounded so that a burst queues in the inbox instead of
   * starving the webhook of CPU and the database pool of connections. LINE calls never hold a slot.
   */
  concurrency?: number;
  /** How often the inbox is swept for events left unprocessed (another process died, the database was away). */
  sweepMs?: number;
}

const MAX_TRIES = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isSerializationFailure(err: unknown): boolean {
  const s = String((err as { code?: string; message?: string })?.code ?? '') + String((err as Error)?.message ?? '');
  return /P2034|40001|40P01|deadlock|could not serialize/i.test(s);
}

/** `last`: done, and no other event of the user was waiting (the inbox need not be asked again). */
type Outcome = 'done' | 'last' | 'empty' | 'busy' | 'retry' | 'db-down';

export function createDispatcher(deps: DispatcherDeps) {
  const { db, courier, log } = deps;
  const clock = deps.clock ?? (() => new Date());
  const limit = deps.concurrency ?? 4;
  let running = 0;
  const waiting: (() => void)[] = [];
  const workers = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const tries = new Map<string, number>();
  let idleWaiters: (() => void)[] = [];
  let stopping = false;
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

  /** Claims the event and queues `replies` as its answer, changing nothing else (a rule refusal, a failure). */
  async function answerOnly(ev: BotEvent, replies: Reply[], failure?: string): Promise<void> {
    const ids = await db.$transaction(async (tx: Tx) => {
      await lockUser(tx, ev.lineUserId);
      if (!(await claimEvent(tx, ev.id))) return [];
      if (failure) await tx.$executeRaw`UPDATE "WebhookEvent" SET "lastError" = ${failure.slice(0, 2000)} WHERE "id" = ${ev.id}`;
      return queueAnswer(tx, ev, replies);
    });
    courier.send(ev.lineUserId, ids);
  }

  /**
   * Throws (UnsendableReplies) when any request's worth of `replies` could not be rendered for LINE, so that such a
   * bug rolls the event back and gets the failure answer below instead of an answer that can never be sent.
   */
  function checkSendable(replies: Reply[]): void {
    for (let i = 0; i < replies.length; i += MESSAGES_PER_REQUEST) deps.line.check(replies.slice(i, i + MESSAGES_PER_REQUEST));
  }

  /** Handles the user's oldest unprocessed event, if any. `sweep`: skip a user another process is working on. */
  async function handleNext(user: string, sweep: boolean): Promise<Outcome> {
    const picked: { ev: BotEvent | null; more: boolean } = { ev: null, more: true };
    try {
      const result = await db.$transaction(
        async (tx: Tx) => {
          if (sweep) {
            if (!(await tryLockUser(tx, user))) return 'busy' as const;
          } else await lockUser(tx, user);
          const next = await claimNext(tx, user);
          if (!next) return null;
          picked.more = next.more;
          if (!next.event) return { ids: [], after: [] }; // payload from an older version: set aside, claimed
          const ev = (picked.ev = next.event);
          const pushIds: number[] = [];
          const after: (() => Promise<void>)[] = [];
          const userRow = await userOf(tx, ev.lineUserId);
          const ctx: Ctx = {
            tx,
            now: clock(),
            event: ev,
            user: userRow,
            actor: actorOf(userRow),
            line: deps.line,
            publicBaseUrl: deps.publicBaseUrl,
            places: deps.places,
            addFriendUrl: deps.addFriendUrl ?? null,
            ...(deps.reports ? { reports: deps.reports } : {}),
            async push(to, msgs, key) {
              checkSendable(msgs);
              const id = await queuePush(tx, to, msgs, key);
              if (id !== null) pushIds.push(id);
            },
            afterCommit(fn) {
              after.push(fn);
            },
          };
          const replies = await withWaitingReminders(tx, userRow.id, await deps.route(ctx), ctx.now);
          checkSendable(replies);
          return { ids: [...(await queueAnswer(tx, ev, replies)), ...pushIds], after };
        },
        { timeout: 15_000, maxWait: 10_000 },
      );
      if (result === null) return 'empty';
      if (result === 'busy') return 'busy';
      courier.send(user, result.ids, result.after);
      if (picked.ev) tries.delete(picked.ev.id);
      return picked.more ? 'done' : 'last';
    } catch (err) {
      if (isConnectionError(err)) return 'db-down';
      const ev = picked.ev;
      if (!ev) throw err;
      try {
        if (err instanceof RuleError) {
          await answerOnly(ev, [text(err.message)]);
          return 'done';
        }
        const n = (tries.get(ev.id) ?? 0) + 1;
        tries.set(ev.id, n);
        if (isSerializationFailure(err) && n < MAX_TRIES) return 'retry';
        tries.delete(ev.id);
        const ref = ev.id.slice(-8);
        log.error('event failed', { event: ev.id, ref, err: (err as Error)?.stack ?? String(err) });
        await answerOnly(ev, [failureAnswer(ref)], String((err as Error)?.stack ?? err));
        return 'done';
      } catch (again) {
        if (isConnectionError(again)) return 'db-down';
        throw again;
      }
    }
  }

  /** Works through the user's inbox until it is empty; waits out database outages. */
  async function drain(user: string, sweep: boolean): Promise<void> {
    for (let down = 0; !stopping; ) {
      const outcome = await withSlot(() => handleNext(user, sweep));
      if (outcome === 'empty' || outcome === 'busy') return;
      if (outcome === 'last') {
        if (dbDown) log.info('database reachable again: handling resumes');
        dbDown = false;
        return;
      }
      if (outcome === 'db-down') {
        if (!dbDown) log.warn('database unreachable: events wait in the inbox and resume when it is back');
        dbDown = true;
        await sleep(Math.min(5000, 250 * 2 ** down++));
        continue;
      }
      if (dbDown) log.info('database reachable again: handling resumes');
      dbDown = false;
      down = 0;
    }
  }

  function kick(user: string, sweep = false): void {
    if (workers.has(user)) {
      if (!sweep) again.add(user);
      return;
    }
    const run = (async () => {
      do {
        again.delete(user);
        await drain(user, sweep);
      } while (again.has(user) && !stopping);
    })()
      .catch((e) => log.error('dispatch failed', { user, err: String((e as Error)?.stack ?? e) }))
      .finally(() => {
        workers.delete(user);
        if (workers.size === 0) {
          const w = idleWaiters;
          idleWaiters = [];
          w.forEach((f) => f());
        }
      });
    workers.set(user, run);
  }

  let sweeping = false;
  async function sweep(olderThanMs: number): Promise<void> {
    if (sweeping || stopping) return;
    sweeping = true;
    try {
      for (const user of await usersWithPending(db, olderThanMs)) kick(user, true);
    } catch (err) {
      if (!isConnectionError(err)) log.error('inbox sweep failed', { err: String(err) });
    } finally {
      sweeping = false;
    }
  }
  const timer = setInterval(() => void sweep(5_000), deps.sweepMs ?? 5_000);
  timer.unref();

  const handlingIdle = () => (workers.size === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)));

  return {
    /** The webhook recorded these events: work through their users' inboxes (each user in order). */
    enqueue(events: BotEvent[]): void {
      const users = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).map((e) => e.lineUserId);
      for (const user of new Set(users)) kick(user);
    },
    /** Picks up every unprocessed event now (at start: what a crash or an outage left behind). */
    resume: () => sweep(0),
    /** Resolves when no event is being handled and every answer queued so far has been tried once. */
    async idle(): Promise<void> {
      do {
        await handlingIdle();
        await courier.idle();
      } while (workers.size > 0);
    },
    /** Stops taking work: each user's current event finishes, nothing new starts; resolves when handling is idle. */
    async stop(): Promise<void> {
      stopping = true;
      clearInterval(timer);
      await handlingIdle();
    },
  };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
