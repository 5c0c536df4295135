// One running instance does a job at a time: a lease row taken atomically, renewed while working, released at the
// end. A holder that dies (kill -9) loses it when `until` passes. Uses wall-clock time, never a job's test clock.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';

export interface Lease {
  /** False when another holder's lease is still running: do nothing. */
  held: boolean;
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export async function takeLease(db: Db, name: string, ttlMs: number): Promise<Lease> {
  const holder = randomUUID();
  const grab = async () => {
    const until = new Date(Date.now() + ttlMs);
    const rows = await db.$queryRaw<{ holder: string }[]>`
      INSERT INTO "JobLease" ("name", "holder", "until") VALUES (${name}, ${holder}, ${until})
      ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "until" = EXCLUDED."until"
      WHERE "JobLease"."until" < clock_timestamp() OR "JobLease"."holder" = EXCLUDED."holder"
      RETURNING "holder"`;
    return rows.length === 1;
  };
  const held = await grab();
  return {
    held,
    renew: grab,
    async release() {
      if (held) await db.$executeRaw`DELETE FROM "JobLease" WHERE "name" = ${name} AND "holder" = ${holder}`;
    },
  };
}
