// A producer's own reminders can be turned off and on; officers' duty reminders cannot (the planner ignores
// opt-outs of officers).
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { RuleError } from '../errors.js';

/** Turns the producer's reminders off (true) or on (false); idempotent. Officers are told they cannot. */
export async function setRemindersOff(tx: Tx, actor: Actor, off: boolean): Promise<void> {
  if (actor.role !== 'PRODUCER') {
    throw new RuleError('การแจ้งเตือนของเจ้าหน้าที่เป็นการแจ้งเตือนตามหน้าที่ จึงปิดไม่ได้', 'officer-reminders');
  }
  if (off) await tx.reminderOptOut.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId }, update: {} });
  else await tx.reminderOptOut.deleteMany({ where: { userId: actor.userId } });
  await tx.auditLog.create({ data: { actorId: actor.userId, action: off ? 'reminders.off' : 'reminders.on', entityType: 'User', entityId: String(actor.userId) } });
}
