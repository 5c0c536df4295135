// Deleting a sales entry (a wrong month or category, a figure reported twice): the producer, or a district officer
// entering for it, may delete an entry the district has not confirmed yet. A confirmed entry stays; the person is
// told why and what to do (the district sends it back; a province-confirmed month needs an unlock first).
//
// Invariants: authorised like entering (sales.enter); conditional on the revision the person was shown and on an
// editable status; never in a locked or closed month; one audit row with everything the entry held.
import type { Tx } from '../db/client.js';
import type { ProductCategory, Role, SalesStatus } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { assertAllowed, placeOfProducer } from './authorise.js';
import { CATEGORIES, CATEGORY_TH, totalOf, type Amounts } from './catalog.js';
import { assertNotClosed } from './deadlines.js';
import { RuleError } from './errors.js';
import { addMonths, monthKeyFromDbDate, monthKeyOf, monthStart, type MonthKey } from './fiscal-period.js';
import { amountsOf, assertMonthOpen, OPEN_MONTHS_BACK } from './sales.js';
import { EDITABLE } from './sales-status.js';
import { formatMonthTh } from './thai-format.js';
import { whenTh } from './when.js';

export interface EntryLine {
  id: number;
  revision: number;
  month: MonthKey;
  category: ProductCategory;
  status: SalesStatus;
  amounts: Amounts;
  total: bigint;
  exports: { country: string }[];
}

/** True when the entry may still be deleted (the district has not confirmed it). */
export const isDeletable = (status: SalesStatus): boolean => EDITABLE.includes(status) && status !== 'DRAFT';

/** Why a confirmed entry cannot be deleted, and what the person (by role) can do about it. */
export function whyNotDeletable(status: SalesStatus, role: Role, at: Date | null): string {
  const when = at ? ` เมื่อ ${whenTh(at)}` : '';
  if (status === 'PROVINCE_CONFIRMED') {
    return `รายการนี้จังหวัดยืนยันแล้ว${when} จึงลบไม่ได้ ` +
      (role === 'PRODUCER'
        ? 'หากต้องการลบ ให้ติดต่อเจ้าหน้าที่อำเภอเพื่อขอปลดล็อกเดือนนี้จากจังหวัดก่อน'
        : 'หากต้องการลบ ให้พิมพ์ "ขอปลดล็อก" เพื่อขอให้จังหวัดปลดล็อกเดือนนี้ก่อน แล้วจึงลบ');
  }
  return `รายการนี้อำเภอยืนยันแล้ว${when} จึงลบไม่ได้ ` +
    (role === 'PRODUCER'
      ? 'หากต้องการลบ ให้ติดต่อเจ้าหน้าที่อำเภอเพื่อส่งรายการกลับมาก่อน (หากจังหวัดยืนยันแล้ว อำเภอต้องขอปลดล็อก)'
      : 'หากต้องการลบ ให้ส่งรายการกลับก่อน (พิมพ์ "ตรวจสอบ/ยืนยัน") แล้วจึงลบ');
}

/** The producer's entries of the months one may still report (newest first, catalogue order within a month). */
export async function recentEntries(tx: Tx, actor: Actor, producerId: number, now: Date): Promise<EntryLine[]> {
  assertAllowed(actor, 'sales.enter', await placeOfProducer(tx, producerId));
  const months = Array.from({ length: OPEN_MONTHS_BACK }, (_, i) => addMonths(monthKeyOf(now), -1 - i));
  const rows = await tx.salesEntry.findMany({
    where: { producerId, month: { in: months.map(monthStart) }, status: { not: 'DRAFT' } },
    include: { exports: { select: { country: true } } },
    orderBy: [{ month: 'desc' }],
  });
  return rows
    .map((e) => ({ id: e.id, revision: e.revision, month: monthKeyFromDbDate(e.month), category: e.category, status: e.status, amounts: amountsOf(e), total: totalOf(amountsOf(e)), exports: e.exports }))
    .sort((a, b) => b.month.localeCompare(a.month) || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

/** One entry as `recentEntries` shows it; NotAuthorised outside the actor's reach, RuleError when it is gone. */
export async function entryLine(tx: Tx, actor: Actor, entryId: number): Promise<EntryLine & { producerId: number; confirmedAt: Date | null }> {
  const e = await tx.salesEntry.findUnique({ where: { id: entryId }, include: { exports: { select: { country: true } } } });
  if (!e || e.status === 'DRAFT') throw new RuleError('ไม่พบรายการนี้แล้ว (อาจถูกลบไปแล้ว)', 'not-found');
  assertAllowed(actor, 'sales.enter', await placeOfProducer(tx, e.producerId));
  return {
    id: e.id, revision: e.revision, month: monthKeyFromDbDate(e.month), category: e.category, status: e.status, amounts: amountsOf(e),
    total: totalOf(amountsOf(e)), exports: e.exports, producerId: e.producerId, confirmedAt: e.provinceConfirmedAt ?? e.districtConfirmedAt,
  };
}

/** Deletes the entry as the person saw it (revision); its export details go with it. Returns what was deleted. */
export async function deleteEntry(tx: Tx, actor: Actor, entryId: number, expectedRevision: number, now: Date, eventId?: string): Promise<EntryLine> {
  const e = await tx.salesEntry.findUnique({ where: { id: entryId }, include: { exports: true, producer: { select: { districtId: true } } } });
  if (!e || e.status === 'DRAFT') throw new RuleError('ไม่พบรายการนี้แล้ว (อาจถูกลบไปแล้ว) ไม่มีการเปลี่ยนแปลงใด ๆ', 'not-found');
  assertAllowed(actor, 'sales.enter', await placeOfProducer(tx, e.producerId));
  if (!isDeletable(e.status)) throw new RuleError(whyNotDeletable(e.status, actor.role, e.provinceConfirmedAt ?? e.districtConfirmedAt), 'not-deletable');
  const month = monthKeyFromDbDate(e.month);
  await assertMonthOpen(tx, e.producer.districtId, month);
  await assertNotClosed(tx, month, e.producer.districtId, now);
  if (e.revision !== expectedRevision) {
    throw new RuleError(`${CATEGORY_TH[e.category]} เดือน${formatMonthTh(month)} มีการแก้ไขหลังจากที่คุณเปิดดู จึงยังไม่ได้ลบ กรุณาดูข้อมูลล่าสุดแล้วลองอีกครั้ง`, 'stale');
  }
  const n = await tx.salesEntry.deleteMany({ where: { id: e.id, revision: expectedRevision, status: { in: [...EDITABLE] } } });
  if (n.count !== 1) throw new RuleError('มีผู้อื่นเปลี่ยนรายการนี้พร้อมกัน จึงยังไม่ได้ลบ กรุณาลองอีกครั้ง', 'stale');
  await audit(tx, {
    actorId: actor.userId,
    action: 'sales.delete',
    entityType: 'SalesEntry',
    entityId: e.id,
    before: {
      producerId: e.producerId, month, category: e.category, ...amountsOf(e), status: e.status, revision: e.revision, late: e.late,
      enteredById: e.enteredById, enteredByOfficer: e.enteredByOfficer, returnReason: e.returnReason,
      exports: e.exports.map(({ country, channel, agency, product, value }) => ({ country, channel, agency, product, value })),
    },
    eventId,
  });
  return { id: e.id, revision: e.revision, month, category: e.category, status: e.status, amounts: amountsOf(e), total: totalOf(amountsOf(e)), exports: e.exports };
}
