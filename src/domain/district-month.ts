// Shared by the province's confirmation and by unlock requests: the row lock every change of a district-month's
// confirmation takes first (so two officers acting at once are serialised), the reason rule, and who is told.
import type { Tx } from '../db/client.js';
import type { DistrictMonth } from '../db/generated/client.js';
import { RuleError } from './errors.js';
import { monthStart, type MonthKey } from './fiscal-period.js';

export const REASON_MIN = 3;
export const REASON_MAX = 300;

/** A person's name for "who did it" messages. */
export async function nameOf(tx: Tx, userId: number | null): Promise<string> {
  if (userId === null) return 'ผู้ใช้อื่น';
  const u = await tx.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  return u?.displayName ?? 'ผู้ใช้อื่น';
}

/** Active users of a role in a district or province: the people a push goes to. */
export async function officersOf(tx: Tx, where: { districtId: number } | { provinceId: number }) {
  const role = 'districtId' in where ? 'DISTRICT_OFFICER' : 'PROVINCE_OFFICER';
  return tx.user.findMany({ where: { ...where, role, active: true }, select: { id: true, lineUserId: true, displayName: true }, orderBy: { id: 'asc' } });
}

/** Checks a free-text reason (send-back, unlock request); returns it trimmed. */
export function checkReason(reason: string): string {
  const r = reason.trim().replace(/\s+/g, ' ');
  if (r.length < REASON_MIN || r.length > REASON_MAX) {
    throw new RuleError(`กรุณาพิมพ์เหตุผล ${REASON_MIN}–${REASON_MAX} ตัวอักษร (ตอนนี้ ${r.length} ตัวอักษร)`, 'reason-length');
  }
  return r;
}

/**
 * Locks the DistrictMonth row for the rest of the transaction (creating it first when `create`), and returns it.
 * Every service that changes a district-month's confirmation goes through here first, in the same order.
 */
export async function lockDistrictMonth(tx: Tx, districtId: number, month: MonthKey, create: boolean): Promise<DistrictMonth | null> {
  const day = `${month}-01`;
  if (create) {
    await tx.$executeRaw`INSERT INTO "DistrictMonth" ("districtId", "month") VALUES (${districtId}, ${day}::date) ON CONFLICT DO NOTHING`;
  }
  await tx.$queryRaw`SELECT 1 FROM "DistrictMonth" WHERE "districtId" = ${districtId} AND "month" = ${day}::date FOR UPDATE`;
  return tx.districtMonth.findUnique({ where: { districtId_month: { districtId, month: monthStart(month) } } });
}

/**
 * Holds the DistrictMonth row in SHARE mode until commit, creating it when missing, and returns it. Every write to
 * a district-month's entries (submit, district confirm or send-back) goes through here; the province's
 * confirmation takes the same row FOR UPDATE (lockDistrictMonth), so the two never interleave.
 */
export async function shareDistrictMonth(tx: Tx, districtId: number, month: MonthKey): Promise<DistrictMonth> {
  const day = `${month}-01`;
  await tx.$executeRaw`INSERT INTO "DistrictMonth" ("districtId", "month") VALUES (${districtId}, ${day}::date) ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "DistrictMonth" WHERE "districtId" = ${districtId} AND "month" = ${day}::date FOR SHARE`;
  return tx.districtMonth.findUniqueOrThrow({ where: { districtId_month: { districtId, month: monthStart(month) } } });
}
