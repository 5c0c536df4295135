// Every change to business data leaves a row with the state before and after.
import type { Tx } from '../db/client.js';

/** JSON-safe copy: bigint → string, Date → ISO string. */
export function toAuditJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
  );
}

export async function audit(
  tx: Tx,
  entry: {
    actorId: number | null;
    action: string;
    entityType: string;
    entityId: string | number;
    before?: unknown;
    after?: unknown;
    eventId?: string | null;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before === undefined ? undefined : (toAuditJson(entry.before) as object),
      after: entry.after === undefined ? undefined : (toAuditJson(entry.after) as object),
      eventId: entry.eventId ?? null,
    },
  });
}
