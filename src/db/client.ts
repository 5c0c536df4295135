// One way to open the database, whatever server is behind it: Prisma's query compiler through adapter-pg, and plain
// `pg` pools and clients for the few hot or administrative statements. Every pool and client made here has an
// 'error' listener: a dropped connection (restart, failover, idle timeout, Ctrl-C reaching the embedded server)
// is logged, the pool replaces the connection on next use, and the process never dies of it.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client.js';

export type Db = PrismaClient;
/** The transaction client handed to `db.$transaction(async (tx) => …)`: always use it inside, never `db`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Where dropped-connection errors go (default: nowhere; they are expected and handled by reconnecting). */
export type DbErrorSink = (where: string, err: Error) => void;
const ignore: DbErrorSink = () => {};

/** A new connection waits at most this long: while the database is away, callers fail fast (webhook → 500). */
export const CONNECT_TIMEOUT_MS = 5_000;

type Fn = (...args: unknown[]) => Promise<unknown>;
/** The pooled pg connection behind an adapter-pg transaction (`_queryable` is false once its socket died). */
type TxConnection = { _queryable: boolean; release(err?: Error): void };

/** Methods of `target` as they are, except those in `over`. */
function override<T extends object>(target: T, over: Record<string, Fn>): T {
  return new Proxy(target, {
    get(t, p, r) {
      if (typeof p === 'string' && p in over) return over[p];
      const v = Reflect.get(t, p, r) as unknown;
      return typeof v === 'function' ? (v as Fn).bind(t) : v;
    },
  });
}

/**
 * Prisma's query interpreter may start several statements of one transaction at once (relation loads); adapter-pg
 * sends them all to the transaction's single connection, which pg deprecates ("already executing a query") and pg 9
 * will refuse. Each transaction's statements are queued here, one at a time, in the order Prisma issued them.
 * A transaction whose connection dies gives the connection back to the pool at once (destroyed), so dropped
 * connections never exhaust the pool.
 */
function oneStatementAtATime<A extends object>(factory: A): A {
  const f = factory as unknown as { connect: () => Promise<object> };
  return override(factory, {
    connect: async () => {
      const adapter = (await f.connect()) as { startTransaction: Fn };
      return override(adapter, {
        startTransaction: async (...args) => {
          const tx = (await adapter.startTransaction(...args)) as Record<string, Fn> & { client: TxConnection };
          let tail: Promise<unknown> = Promise.resolve();
          let released = false;
          let broken: unknown = null;
          const queued = (name: string): Fn => (...a) => {
            const run = tail.then(() => {
              if (broken) throw broken;
              return tx[name]!(...a);
            });
            tail = run.catch((err: unknown) => {
              // the connection died: hand it back destroyed now (Prisma's ROLLBACK would fail and never release it)
              if (!tx.client._queryable && !released) {
                released = true;
                broken = err;
                tx.client.release(err instanceof Error ? err : new Error(String(err)));
              }
            });
            return run;
          };
          const end = (name: string): Fn => async (...a) => {
            if (released) return;
            released = true;
            return tx[name]!(...a);
          };
          return override(tx, { queryRaw: queued('queryRaw'), executeRaw: queued('executeRaw'), commit: end('commit'), rollback: end('rollback') });
        },
      });
    },
  });
}

export function createDb(url: string, opts: { poolSize?: number; onError?: DbErrorSink } = {}): Db {
  const onError = opts.onError ?? ignore;
  // Our own pool, so that every connection carries an 'error' listener for its whole life (adapter-pg listens only
  // while a connection is idle or inside a transaction it still tracks; a connection that dies in between would
  // otherwise end the process with an unhandled 'error').
  const pool = createPool(url, { max: opts.poolSize ?? 10, onError: (where, e) => onError(`prisma ${where}`, e) });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    onPoolError: (e) => onError('prisma pool', e),
    onConnectionError: (e) => onError('prisma connection', e),
  });
  const db = new PrismaClient({ adapter: oneStatementAtATime(adapter) });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * The `pg` pool under a client made by createDb, for the few bulk statements whose rows or parameters run into the
 * tens of thousands (the reminders job): Prisma's raw queries keep memory that grows with them.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('poolOf: this client was not made by createDb');
  return pool;
}

/** A `pg` pool that survives dropped connections. */
export function createPool(url: string, opts: { max?: number; onError?: DbErrorSink } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 4, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const onError = opts.onError ?? ignore;
  pool.on('error', (e) => onError('pool', e));
  // A listener for the whole life of each connection, checked out or idle: pg emits 'error' on a checked-out client
  // whose socket dies, and an 'error' nobody listens to ends the process.
  pool.on('connect', (client) => client.on('error', (e) => onError('connection', e)));
  return pool;
}

/** A connected single `pg` client (migrations, administration) whose connection errors do not end the process. */
export async function connectClient(url: string, onError: DbErrorSink = ignore): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', (e) => onError('client', e));
  await client.connect();
  return client;
}

/** Returns `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
