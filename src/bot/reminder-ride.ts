// "Free first": when someone with a reminder waiting writes to the bot anyway, the reminder rides in the reply
// (replies cost no quota) and its push is cancelled, in the same transaction as the event. Only reminders not yet
// claimed by the sender ride; a person in the middle of a conversation is not interrupted; replies stay ≤ 5.
import type { Tx } from '../db/client.js';
import type { Reply } from './reply.js';

const MAX_REPLY_MESSAGES = 5;

export async function withWaitingReminders(tx: Tx, userId: number, replies: Reply[], now: Date): Promise<Reply[]> {
  if (replies.length >= MAX_REPLY_MESSAGES) return replies;
  // one raw statement: this runs for every event
  const waiting = await tx.$queryRaw<{ id: number; messages: unknown }[]>`
    SELECT "id", "messages" FROM "Reminder"
    WHERE "userId" = ${userId} AND "status" = 'PENDING' AND "sendKey" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Conversation" WHERE "userId" = ${userId})
    ORDER BY "priority", "id"`;
  const fitting: number[] = [];
  let room = MAX_REPLY_MESSAGES - replies.length;
  for (const r of waiting) {
    const n = (r.messages as unknown as Reply[]).length;
    if (n > room) break;
    room -= n;
    fitting.push(r.id);
  }
  if (!fitting.length) return replies;
  // Cancel first, conditionally: a row the sender claimed meanwhile is not returned, so it never goes out twice.
  const taken = await tx.$queryRaw<{ id: number; messages: unknown }[]>`
    UPDATE "Reminder" SET "status" = 'CANCELLED', "cancelReason" = 'reply', "doneAt" = ${now}
    WHERE id = ANY(${fitting}::int[]) AND "status" = 'PENDING' AND "sendKey" IS NULL RETURNING id, messages`;
  taken.sort((a, b) => fitting.indexOf(a.id) - fitting.indexOf(b.id));
  return [...replies, ...taken.flatMap((t) => t.messages as Reply[])];
}
