// Deregistration (ยกเลิกการลงทะเบียน) and reactivation of a producer by its district's officer, or by the system
// (CLI). The producer keeps its history; from the month after, it is no longer expected to report.
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { assertAllowed, placeOfDistrict } from '../authorise.js';
import { RuleError } from '../errors.js';

/** The reasons officers pick from; "อื่น ๆ" is followed by a typed reason. */
export const DEREGISTER_REASONS = ['เลิกกิจการ', 'ย้ายพื้นที่', 'รวมกลุ่ม'] as const;
export const DEREGISTER_REASON_MAX = 200;

async function load(tx: Tx, actor: Actor | null, producerId: number) {
  const p = await tx.producer.findUnique({ where: { id: producerId } });
  if (!p) throw new RuleError('ไม่พบผู้ผลิตรายนี้', 'producer-missing');
  if (actor) assertAllowed(actor, 'producer.register', await placeOfDistrict(tx, p.districtId), 'คุณจัดการทะเบียนได้เฉพาะผู้ผลิตในอำเภอของคุณ');
  return p;
}

export async function deregisterProducer(tx: Tx, actor: Actor | null, producerId: number, reason: string, now: Date, eventId?: string) {
  const why = reason.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (why.length < 2 || why.length > DEREGISTER_REASON_MAX) throw new RuleError(`กรุณาระบุเหตุผล (2–${DEREGISTER_REASON_MAX} ตัวอักษร)`, 'deregister-reason');
  const before = await load(tx, actor, producerId);
  if (!before.active) throw new RuleError(`${before.name} ถูกยกเลิกการลงทะเบียนไปแล้ว`, 'already-deregistered');
  const after = await tx.producer.update({ where: { id: producerId, active: true }, data: { active: false, deregisteredAt: now, deregisterReason: why } });
  await audit(tx, { actorId: actor?.userId ?? null, action: 'producer.deregister', entityType: 'Producer', entityId: producerId, before, after, eventId });
  return after;
}

export async function reactivateProducer(tx: Tx, actor: Actor | null, producerId: number, eventId?: string) {
  const before = await load(tx, actor, producerId);
  if (before.active) throw new RuleError(`${before.name} ยังลงทะเบียนอยู่`, 'already-active');
  const after = await tx.producer.update({ where: { id: producerId, active: false }, data: { active: true, deregisteredAt: null, deregisterReason: null } });
  await audit(tx, { actorId: actor?.userId ?? null, action: 'producer.reactivate', entityType: 'Producer', entityId: producerId, before, after, eventId });
  return after;
}
