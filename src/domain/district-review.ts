// District review: the district officer checks a month's entries, confirms them (what the รต.2 signature
// certifies) or sends single entries back to the producer with a reason.
//
// Invariants: only a district officer of the entries' district acts (assertAllowed); nothing changes once the
// province confirmed the district-month; every change is a conditional write on the status and the revision the
// officer was shown (so of two officers confirming at once exactly one changes each entry, and an entry that
// changed after the officer looked is never confirmed blindly); one audit row per changed entry.
import type { Tx } from '../db/client.js';
import type { ProductCategory } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { STATUS_TH, totalOf } from './catalog.js';
import { RuleError } from './errors.js';
import type { MonthKey } from './fiscal-period.js';
import {
  assertDistrict,
  assertMonthOpen,
  CONFIRMED,
  entryForReview,
  listDistrictEntries,
  personName,
  type ReviewEntry,
  type SeenEntry,
} from './district-review-queries.js';
import { canTransition, TRANSITIONS } from './sales-status.js';
import { whenTh } from './when.js';

export { districtMonthOverview, listDistrictEntries, type DistrictMonthOverview } from './district-review-queries.js';

export interface ConfirmOptions {
  /** Numbers (as the officer saw them) to leave awaiting confirmation. */
  except: readonly number[];
  /** The numbering the officer was shown; without it, the current numbering (everything counts as seen). */
  seen?: readonly SeenEntry[];
}

export interface ConfirmResult {
  /** The entries this call confirmed, as they are now. */
  confirmed: ReviewEntry[];
  total: bigint;
  /** Excepted numbers that are still awaiting confirmation. */
  excepted: number[];
  /** Numbers awaiting confirmation that changed after the officer saw them: not confirmed. */
  changed: number[];
  /** Numbers awaiting confirmation that the officer has never been shown: not confirmed. */
  unseen: number[];
  /** Who confirmed entries this call meant to confirm (another officer, just before), when that happened. */
  takenBy: { by: string; at: Date } | null;
  /** What is left in the month after this call. */
  remaining: { submitted: number; returned: number };
  /** The numbered entries after the change. */
  entries: ReviewEntry[];
}

function latestConfirmation(entries: ReviewEntry[]): { by: string; at: Date } | null {
  const last = entries
    .filter((e) => e.districtConfirmedAt && CONFIRMED.includes(e.status))
    .sort((a, b) => b.districtConfirmedAt!.getTime() - a.districtConfirmedAt!.getTime())[0];
  return last ? { by: last.districtConfirmedBy!, at: last.districtConfirmedAt! } : null;
}

/** Confirms every entry of the district-month that awaits confirmation and was seen as it is, except `except`. */
export async function confirmDistrictMonth(
  tx: Tx,
  actor: Actor,
  districtId: number,
  month: MonthKey,
  opts: ConfirmOptions,
  now: Date,
  eventId?: string,
): Promise<ConfirmResult> {
  const districtName = await assertDistrict(tx, actor, 'sales.district-confirm', districtId);
  await assertMonthOpen(tx, districtId, districtName, month);
  const before = await listDistrictEntries(tx, actor, districtId, month, opts.seen);
  const numbers = new Set(before.map((e) => e.no));
  const missing = [...new Set(opts.except)].filter((n) => !numbers.has(n));
  if (missing.length) {
    throw new RuleError(
      `ไม่มีรายการที่ ${missing.join(', ')} (รายการเดือนนี้มีหมายเลข 1–${Math.max(0, ...numbers)}) ยังไม่ได้ยืนยันรายการใด กรุณาตรวจเลขแล้วพิมพ์ใหม่`,
      'no-such-entry',
    );
  }
  const except = new Set(opts.except);
  const waiting = before.filter((e) => canTransition('district-confirm', e.status, actor.role));
  const excepted = waiting.filter((e) => except.has(e.no));
  const inScope = waiting.filter((e) => !except.has(e.no));
  const seenAt = (e: ReviewEntry) => (opts.seen ? e.seenRevision : e.revision);
  const unseen = inScope.filter((e) => seenAt(e) === null);
  const changed = inScope.filter((e) => seenAt(e) !== null && seenAt(e) !== e.revision);
  const candidates = inScope.filter((e) => seenAt(e) === e.revision).sort((a, b) => a.id - b.id);

  const rule = TRANSITIONS['district-confirm'];
  const done = new Set<number>();
  for (const e of candidates) {
    const n = await tx.salesEntry.updateMany({
      where: { id: e.id, revision: e.revision, status: { in: rule.from.filter((s) => s !== null) } },
      data: { status: rule.to, districtConfirmedAt: now, districtConfirmedById: actor.userId, revision: { increment: 1 } },
    });
    if (n.count !== 1) continue;
    done.add(e.id);
    await audit(tx, {
      actorId: actor.userId,
      action: 'sales.district-confirm',
      entityType: 'SalesEntry',
      entityId: e.id,
      before: { status: e.status, revision: e.revision },
      after: { status: rule.to, revision: e.revision + 1, districtConfirmedAt: now, districtConfirmedById: actor.userId },
      eventId,
    });
  }

  const after = await listDistrictEntries(tx, actor, districtId, month, opts.seen);
  const byId = new Map(after.map((e) => [e.id, e]));
  const lost = candidates.filter((e) => !done.has(e.id)).map((e) => byId.get(e.id) ?? e);
  const lostConfirmed = lost.filter((e) => CONFIRMED.includes(e.status));
  const confirmed = after.filter((e) => done.has(e.id));
  let takenBy = latestConfirmation(lostConfirmed);
  if (!takenBy && !confirmed.length && !changed.length && !unseen.length) {
    takenBy = latestConfirmation(after.filter((e) => !except.has(e.no)));
  }
  return {
    confirmed,
    total: confirmed.reduce((s, e) => s + e.total, 0n),
    excepted: excepted.map((e) => e.no),
    changed: [...changed, ...lost.filter((e) => e.status === 'SUBMITTED')].map((e) => e.no).sort((a, b) => a - b),
    unseen: unseen.map((e) => e.no),
    takenBy,
    remaining: {
      submitted: after.filter((e) => e.status === 'SUBMITTED').length,
      returned: after.filter((e) => e.status === 'RETURNED').length,
    },
    entries: after,
  };
}

export interface ReturnResult {
  entryId: number;
  revision: number;
  producerId: number;
  producerName: string;
  producerPhone: string | null;
  month: MonthKey;
  category: ProductCategory;
  total: bigint;
  reason: string;
  /** The producer's active LINE users, to be told what to fix. Empty: the officer must contact the producer. */
  notify: { userId: number; lineUserId: string }[];
}

export const REASON_MIN = 3;
export const REASON_MAX = 300;

/** Sends one entry (awaiting or district-confirmed) back to the producer with a reason; it becomes editable. */
export async function returnEntry(
  tx: Tx,
  actor: Actor,
  entryId: number,
  reason: string,
  expectedRevision: number,
  now: Date,
  eventId?: string,
): Promise<ReturnResult> {
  const { entry, districtId, month } = await entryForReview(tx, actor, entryId, 'sales.district-return');
  const why = reason.trim().replace(/\s+/g, ' ');
  if (why.length < REASON_MIN || why.length > REASON_MAX) {
    throw new RuleError(`กรุณาพิมพ์เหตุผลที่ส่งกลับ ${REASON_MIN}–${REASON_MAX} ตัวอักษร`, 'input');
  }
  const districtName = await assertDistrict(tx, actor, 'sales.district-return', districtId);
  await assertMonthOpen(tx, districtId, districtName, month);
  if (entry.status === 'RETURNED') {
    const by = entry.returnedById ? await tx.user.findUnique({ where: { id: entry.returnedById } }) : null;
    throw new RuleError(
      `รายการนี้ส่งกลับแก้ไขแล้วโดย ${personName(by?.displayName)}${entry.returnedAt ? ` เมื่อ ${whenTh(entry.returnedAt)}` : ''} (เหตุผล: ${entry.returnReason ?? '-'})`,
      'already-returned',
    );
  }
  if (entry.revision !== expectedRevision) {
    throw new RuleError(
      `รายการนี้มีการแก้ไขหลังจากที่คุณเปิดดู (ตอนนี้: ${STATUS_TH[entry.status]}) กรุณาพิมพ์ "ตรวจสอบ/ยืนยัน" เพื่อดูข้อมูลล่าสุด`,
      'stale',
    );
  }
  if (!canTransition('district-return', entry.status, actor.role)) {
    throw new RuleError(`รายการนี้${STATUS_TH[entry.status]} จึงส่งกลับไม่ได้`, 'not-returnable');
  }
  const rule = TRANSITIONS['district-return'];
  const n = await tx.salesEntry.updateMany({
    where: { id: entry.id, revision: expectedRevision, status: { in: rule.from.filter((s) => s !== null) } },
    data: {
      status: rule.to,
      returnReason: why,
      returnedAt: now,
      returnedById: actor.userId,
      districtConfirmedAt: null,
      districtConfirmedById: null,
      revision: { increment: 1 },
    },
  });
  if (n.count !== 1) throw new RuleError('มีผู้อื่นเปลี่ยนรายการนี้พร้อมกัน กรุณาพิมพ์ "ตรวจสอบ/ยืนยัน" เพื่อดูข้อมูลล่าสุด', 'stale');
  await audit(tx, {
    actorId: actor.userId,
    action: 'sales.district-return',
    entityType: 'SalesEntry',
    entityId: entry.id,
    before: { status: entry.status, revision: entry.revision, districtConfirmedAt: entry.districtConfirmedAt, districtConfirmedById: entry.districtConfirmedById },
    after: { status: rule.to, revision: entry.revision + 1, returnReason: why, returnedAt: now, returnedById: actor.userId },
    eventId,
  });
  const users = await tx.user.findMany({ where: { producerId: entry.producerId, role: 'PRODUCER', active: true }, orderBy: { id: 'asc' } });
  return {
    entryId: entry.id,
    revision: entry.revision + 1,
    producerId: entry.producerId,
    producerName: entry.producer.name,
    producerPhone: entry.producer.phone,
    month,
    category: entry.category,
    total: totalOf(entry),
    reason: why,
    notify: users.map((u) => ({ userId: u.id, lineUserId: u.lineUserId })),
  };
}
