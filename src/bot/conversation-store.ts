// Persistence of the one active conversation per user: saved only when a step succeeds, conditional on the
// revision that was loaded, and discarded when expired or of another version. Raw SQL, one statement each: this runs
// for every event of a bound user (Prisma's updateMany/deleteMany first select the ids, and its query compiler costs
// about a millisecond a call).
import type { Tx } from '../db/client.js';
import type { Conversation } from '../db/generated/client.js';
import { RuleError } from '../domain/errors.js';
import { CONVERSATION_TTL_MS, type Flow } from './flow.js';

export type Loaded =
  | { status: 'none' }
  | { status: 'expired'; flow: string }
  | { status: 'invalid'; flow: string }
  | { status: 'active'; flow: Flow; state: { step: string }; revision: number };

export async function loadConversation(tx: Tx, userId: number, flows: Map<string, Flow>, now: Date): Promise<Loaded> {
  const rows = await tx.$queryRaw<Conversation[]>`SELECT * FROM "Conversation" WHERE "userId" = ${userId}`;
  const row = rows[0];
  if (!row) return { status: 'none' };
  const flow = flows.get(row.flow);
  if (row.expiresAt <= now) {
    await endConversation(tx, userId);
    return { status: 'expired', flow: row.flow };
  }
  const parsed = flow && row.version === flow.version ? flow.schema.safeParse(row.state) : null;
  if (!flow || !parsed?.success) {
    await endConversation(tx, userId);
    return { status: 'invalid', flow: row.flow };
  }
  return { status: 'active', flow, state: parsed.data as { step: string }, revision: row.revision };
}

/** Saves the state; `revision` is the one loaded (null for a new conversation). */
export async function saveConversation(
  tx: Tx,
  userId: number,
  flow: Flow,
  state: unknown,
  revision: number | null,
  now: Date,
): Promise<void> {
  const expiresAt = new Date(now.getTime() + CONVERSATION_TTL_MS);
  const json = JSON.stringify(state);
  if (revision === null) {
    await tx.$executeRaw`
      INSERT INTO "Conversation" ("userId", "flow", "version", "state", "expiresAt", "updatedAt")
      VALUES (${userId}, ${flow.name}, ${flow.version}, ${json}::jsonb, ${expiresAt}::timestamp, ${new Date()}::timestamp)
      ON CONFLICT ("userId") DO UPDATE SET "flow" = EXCLUDED."flow", "version" = EXCLUDED."version", "state" = EXCLUDED."state",
        "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = EXCLUDED."updatedAt", "revision" = "Conversation"."revision" + 1`;
    return;
  }
  const n = await tx.$executeRaw`
    UPDATE "Conversation" SET "flow" = ${flow.name}, "version" = ${flow.version}, "state" = ${json}::jsonb,
      "expiresAt" = ${expiresAt}::timestamp, "updatedAt" = ${new Date()}::timestamp, "revision" = "revision" + 1
    WHERE "userId" = ${userId} AND "revision" = ${revision}`;
  if (n !== 1) throw new RuleError('มีการทำรายการอื่นพร้อมกัน กรุณาลองอีกครั้ง', 'conversation-conflict');
}

/** Keeps an active conversation alive without changing its state (bad input is not idleness). */
export async function touchConversation(tx: Tx, userId: number, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Conversation" SET "expiresAt" = ${new Date(now.getTime() + CONVERSATION_TTL_MS)}::timestamp, "updatedAt" = ${new Date()}::timestamp
    WHERE "userId" = ${userId}`;
}

export async function endConversation(tx: Tx, userId: number): Promise<void> {
  await tx.$executeRaw`DELETE FROM "Conversation" WHERE "userId" = ${userId}`;
}
