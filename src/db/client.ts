// One way to open the database, whatever server is behind it: Prisma's query compiler through adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';

export type Db = PrismaClient;
/** The transaction client handed to `db.$transaction(async (tx) => …)`: always use it inside, never `db`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createDb(url: string, opts: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: url, max: opts.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}

/** Returns `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
