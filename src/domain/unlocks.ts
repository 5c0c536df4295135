// Reopening a province-confirmed (locked) district-month: the district officer asks with a reason, a province officer
// of the same province approves or refuses. A request is decided once (conditional on PENDING): a second tap or a
// second officer changes nothing and is told who decided and when. Approval puts the district-month's entries back
// to SUBMITTED, so they need district and province confirmation again.
import type { Tx } from '../db/client.js';
import type { UnlockRequest } from '../db/generated/client.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { assertAllowed, placeOfDistrict, placeOfProvince, roleMay } from './authorise.js';
import { RuleError } from './errors.js';
import { addMonths, monthKeyFromDbDate, monthKeyOf, monthStart, type MonthKey } from './fiscal-period.js';
import { checkReason, lockDistrictMonth, nameOf, officersOf } from './district-month.js';
import { TRANSITIONS } from './sales-status.js';
import { formatMonthTh } from './thai-format.js';
import { whenTh } from './when.js';

/** How many months back a district officer is offered to unlock. */
export const UNLOCK_MONTHS_BACK = 6;

export type Decision = 'APPROVED' | 'REFUSED';

/** An unlock request with the names people need to read it. */
export interface UnlockView {
  id: number;
  districtId: number;
  districtName: string;
  provinceId: number;
  month: MonthKey;
  reason: string;
  status: UnlockRequest['status'];
  requestedById: number;
  requesterName: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** Why the province refused (REFUSED only; null for requests refused before reasons were asked). */
  refusalReason: string | null;
}

export interface UnlockableMonth {
  month: MonthKey;
  confirmedAt: Date;
  /** A request already waiting for the province, if any. */
  pending: { requesterName: string; requestedAt: Date } | null;
  /** The latest request the province refused for the month (when no request is pending), with its reason. */
  refused: { decidedBy: string; decidedAt: Date; reason: string | null } | null;
}

async function viewOf(tx: Tx, r: UnlockRequest): Promise<UnlockView> {
  const d = await tx.district.findUniqueOrThrow({ where: { id: r.districtId } });
  return {
    id: r.id,
    districtId: r.districtId,
    districtName: d.nameTh,
    provinceId: d.provinceId,
    month: monthKeyFromDbDate(r.month),
    reason: r.reason,
    status: r.status,
    requestedById: r.requestedById,
    requesterName: await nameOf(tx, r.requestedById),
    requestedAt: r.requestedAt,
    decidedBy: r.decidedById === null ? null : await nameOf(tx, r.decidedById),
    decidedAt: r.decidedAt,
    refusalReason: r.refusalReason,
  };
}

/** The district officer's locked months among the last UNLOCK_MONTHS_BACK, newest first. */
export async function unlockableMonths(tx: Tx, actor: Actor, now: Date): Promise<UnlockableMonth[]> {
  assertAllowed(actor, 'unlock.request', await placeOfDistrict(tx, actor.districtId ?? -1));
  const districtId = actor.districtId!;
  const months = Array.from({ length: UNLOCK_MONTHS_BACK }, (_, i) => addMonths(monthKeyOf(now), -1 - i));
  const locked = await tx.districtMonth.findMany({
    where: { districtId, month: { in: months.map(monthStart) }, provinceConfirmedAt: { not: null } },
    orderBy: { month: 'desc' },
  });
  const pending = await tx.unlockRequest.findMany({ where: { districtId, status: 'PENDING', month: { in: locked.map((l) => l.month) } } });
  const refused = await tx.unlockRequest.findMany({
    where: { districtId, status: 'REFUSED', month: { in: locked.map((l) => l.month) } },
    orderBy: { decidedAt: 'desc' },
  });
  const out: UnlockableMonth[] = [];
  for (const l of locked) {
    const p = pending.find((x) => x.month.getTime() === l.month.getTime());
    const r = p ? undefined : refused.find((x) => x.month.getTime() === l.month.getTime());
    out.push({
      month: monthKeyFromDbDate(l.month),
      confirmedAt: l.provinceConfirmedAt!,
      pending: p ? { requesterName: await nameOf(tx, p.requestedById), requestedAt: p.requestedAt } : null,
      refused: r ? { decidedBy: await nameOf(tx, r.decidedById), decidedAt: r.decidedAt!, reason: r.refusalReason } : null,
    });
  }
  return out;
}

export interface RequestResult {
  request: UnlockView;
  /** The province's active officers, to be asked. */
  officers: { id: number; lineUserId: string }[];
}

/** A district officer asks to reopen a locked month; refused when the month is not locked or a request is pending. */
export async function requestUnlock(tx: Tx, actor: Actor, districtId: number, month: MonthKey, reason: string, now: Date, eventId?: string): Promise<RequestResult> {
  const place = await placeOfDistrict(tx, districtId);
  assertAllowed(actor, 'unlock.request', place, 'ขอปลดล็อกได้เฉพาะอำเภอของท่านเอง');
  const why = checkReason(reason);
  const dm = await lockDistrictMonth(tx, districtId, month, false);
  if (!dm?.provinceConfirmedAt) {
    throw new RuleError(`ข้อมูลเดือน${formatMonthTh(month)} ของอำเภอนี้ยังไม่ถูกล็อก (จังหวัดยังไม่ยืนยัน) แก้ไขได้เลยโดยไม่ต้องขอปลดล็อก`, 'not-locked');
  }
  const pending = await tx.unlockRequest.findFirst({ where: { districtId, month: monthStart(month), status: 'PENDING' } });
  if (pending) {
    throw new RuleError(
      `มีคำขอปลดล็อกเดือน${formatMonthTh(month)} ที่รอจังหวัดพิจารณาอยู่แล้ว (ส่งโดย ${await nameOf(tx, pending.requestedById)} เมื่อ ${whenTh(pending.requestedAt)}) ไม่ต้องส่งซ้ำ`,
      'duplicate-request',
    );
  }
  const r = await tx.unlockRequest.create({ data: { districtId, month: monthStart(month), reason: why, requestedById: actor.userId, requestedAt: now } });
  await audit(tx, { actorId: actor.userId, action: 'unlock.request', entityType: 'UnlockRequest', entityId: r.id, before: null, after: r, eventId });
  return { request: await viewOf(tx, r), officers: await officersOf(tx, { provinceId: place.provinceId! }) };
}

export interface DecideResult {
  request: UnlockView;
  /** Entries put back to SUBMITTED (0 on refusal). */
  reopened: number;
  /** Who is told: the requester, and on approval the district's other officers. */
  notify: { id: number; lineUserId: string }[];
}

/** Who decided a request that is no longer PENDING, as a RuleError (a second tap, a second officer). */
async function alreadyDecided(tx: Tx, requestId: number): Promise<RuleError> {
  const v = await viewOf(tx, await tx.unlockRequest.findUniqueOrThrow({ where: { id: requestId } }));
  const what = v.status === 'APPROVED' ? 'อนุมัติ' : 'ไม่อนุมัติ';
  return new RuleError(
    `คำขอปลดล็อกของอำเภอ${v.districtName} เดือน${formatMonthTh(v.month)} ได้รับการพิจารณาแล้ว: ${what} โดย ${v.decidedBy ?? 'ผู้ใช้อื่น'} เมื่อ ${v.decidedAt ? whenTh(v.decidedAt) : '-'} จึงไม่มีการเปลี่ยนแปลง`,
    'already-decided',
  );
}

/** The request if the actor may decide it now (a province officer of its province, still PENDING); else why not. */
async function decidable(tx: Tx, actor: Actor, requestId: number): Promise<UnlockRequest> {
  const found = await tx.unlockRequest.findUnique({ where: { id: requestId } });
  if (!found) throw new RuleError('ไม่พบคำขอปลดล็อกนี้', 'not-found');
  const why = roleMay(actor.role, 'unlock.decide')
    ? 'คำขอนี้เป็นของอำเภอในจังหวัดอื่น ท่านจึงพิจารณาไม่ได้'
    : 'คำขอปลดล็อกพิจารณาได้เฉพาะเจ้าหน้าที่จังหวัดของอำเภอนั้น ท่านจึงอนุมัติหรือไม่อนุมัติไม่ได้';
  assertAllowed(actor, 'unlock.decide', await placeOfDistrict(tx, found.districtId), why);
  return found;
}

/** A request the actor is about to refuse (asked for the reason first): NotAuthorised or already decided are
 * said at once, before any reason is typed. */
export async function requestToDecide(tx: Tx, actor: Actor, requestId: number): Promise<UnlockView> {
  const found = await decidable(tx, actor, requestId);
  if (found.status !== 'PENDING') throw await alreadyDecided(tx, requestId);
  return viewOf(tx, found);
}

/** A province officer decides a PENDING request once; approval reopens exactly that district-month. A refusal
 * carries the province's reason (3–300 characters), which the district is shown. */
export async function decideUnlock(
  tx: Tx,
  actor: Actor,
  requestId: number,
  decision: Decision,
  now: Date,
  eventId?: string,
  refusalReason?: string,
): Promise<DecideResult> {
  const found = await decidable(tx, actor, requestId);
  const reason = decision === 'REFUSED' ? checkReason(refusalReason ?? '') : null;
  const month = monthKeyFromDbDate(found.month);
  const dm = await lockDistrictMonth(tx, found.districtId, month, false);
  const n = await tx.unlockRequest.updateMany({
    where: { id: requestId, status: 'PENDING' },
    data: { status: decision, decidedById: actor.userId, decidedAt: now, refusalReason: reason },
  });
  if (n.count !== 1) throw await alreadyDecided(tx, requestId);
  const after = await tx.unlockRequest.findUniqueOrThrow({ where: { id: requestId } });
  await audit(tx, { actorId: actor.userId, action: decision === 'APPROVED' ? 'unlock.approve' : 'unlock.refuse', entityType: 'UnlockRequest', entityId: requestId, before: found, after, eventId });

  let reopened = 0;
  if (decision === 'APPROVED' && dm?.provinceConfirmedAt) {
    const rule = TRANSITIONS.unlock;
    const r = await tx.salesEntry.updateMany({
      where: { month: monthStart(month), producer: { districtId: found.districtId }, status: { in: rule.from.filter((s) => s !== null) } },
      data: { status: rule.to, provinceConfirmedAt: null, provinceConfirmedById: null, districtConfirmedAt: null, districtConfirmedById: null, revision: { increment: 1 } },
    });
    reopened = r.count;
    await tx.districtMonth.update({
      where: { districtId_month: { districtId: found.districtId, month: found.month } },
      data: { provinceConfirmedAt: null, provinceConfirmedById: null, revision: { increment: 1 } },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: 'sales.unlock',
      entityType: 'DistrictMonth',
      entityId: `${found.districtId}:${month}`,
      before: { provinceConfirmedAt: dm.provinceConfirmedAt, provinceConfirmedById: dm.provinceConfirmedById, revision: dm.revision },
      after: { provinceConfirmedAt: null, revision: dm.revision + 1, entriesReopened: reopened, status: rule.to, unlockRequestId: requestId },
      eventId,
    });
  }
  const requester = await tx.user.findUnique({ where: { id: found.requestedById }, select: { id: true, lineUserId: true, active: true } });
  const others = decision === 'APPROVED' ? await officersOf(tx, { districtId: found.districtId }) : [];
  const notify = [...(requester?.active ? [requester] : []), ...others.filter((o) => o.id !== found.requestedById)]
    .filter((u) => u.id !== actor.userId)
    .map((u) => ({ id: u.id, lineUserId: u.lineUserId }));
  return { request: await viewOf(tx, after), reopened, notify };
}

/** Requests of the officer's province waiting for a decision, oldest first. */
export async function pendingUnlocks(tx: Tx, actor: Actor): Promise<UnlockView[]> {
  assertAllowed(actor, 'unlock.decide', await placeOfProvince(tx, actor.provinceId ?? -1));
  const rows = await tx.unlockRequest.findMany({
    where: { status: 'PENDING', district: { provinceId: actor.provinceId! } },
    orderBy: { requestedAt: 'asc' },
  });
  const out: UnlockView[] = [];
  for (const r of rows) out.push(await viewOf(tx, r));
  return out;
}
