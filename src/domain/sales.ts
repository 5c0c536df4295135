// Monthly sales entries: what a producer (or an officer for it) may enter, and the entry itself. Every write is
// authorised here, conditional on the revision the person saw, audited, and flagged late after the due date.
import type { Tx } from '../db/client.js';
import type { ExportChannel, ProductCategory, SalesEntry } from '../db/generated/client.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { assertAllowed, placeOfProducer } from './authorise.js';
import { CATEGORY_TH, STATUS_TH, totalOf, type Amounts } from './catalog.js';
import { assertNotClosed, dueDates } from './deadlines.js';
import { shareDistrictMonth } from './district-month.js';
import { RuleError } from './errors.js';
import {
  addMonths,
  compareMonths,
  fiscalYearMonths,
  fiscalYearOf,
  isLate,
  monthKeyOf,
  monthStart,
  previousMonth,
  sameMonthLastYear,
  type MonthKey,
} from './fiscal-period.js';
import { TRANSITIONS, canTransition } from './sales-status.js';
import { visibleEntries } from './visibility.js';
import { formatMonthTh } from './thai-format.js';
import { whenTh } from './when.js';

export interface ExportLine {
  product: string;
  value: bigint;
  country: string;
  agency: string | null;
  channel: ExportChannel;
}

export interface EntryInput {
  producerId: number;
  month: MonthKey;
  category: ProductCategory;
  amounts: Amounts;
  exports: ExportLine[];
  /** Revision of the entry the person was shown; null when they saw no entry. */
  expectedRevision: number | null;
}

export interface SubmitResult {
  entry: SalesEntry;
  /** The entry had been sent back and is now corrected. */
  wasReturned: boolean;
  late: boolean;
  /** The producer's fiscal-year total up to and including this month, all categories. */
  fiscalYearToDate: bigint;
  /** The producer's total of this month and of the same month a year earlier (null when none was reported). */
  monthTotal: bigint;
  sameMonthLastYear: bigint | null;
}

/** How many months back a person may still enter (late entries are accepted and flagged). */
export const OPEN_MONTHS_BACK = 3;

const amountsOf = (e: Pick<SalesEntry, 'domesticOffline' | 'domesticOnline' | 'exportOffline' | 'exportOnline'>): Amounts => ({
  domesticOffline: e.domesticOffline,
  domesticOnline: e.domesticOnline,
  exportOffline: e.exportOffline,
  exportOnline: e.exportOnline,
});
export { amountsOf };

/** Throws unless the district-month is still open (not province-confirmed); holds it shared until commit. */
export async function assertMonthOpen(tx: Tx, districtId: number, month: MonthKey): Promise<void> {
  const confirmedAt = (await shareDistrictMonth(tx, districtId, month)).provinceConfirmedAt;
  if (confirmedAt) {
    throw new RuleError(
      `ข้อมูลเดือน${formatMonthTh(month)} ของอำเภอนี้ จังหวัดยืนยันแล้วเมื่อ ${whenTh(confirmedAt)} จึงแก้ไขไม่ได้ ` +
        'หากต้องแก้ไข ให้เจ้าหน้าที่อำเภอพิมพ์ "ขอปลดล็อก"',
      'month-locked',
    );
  }
}

/** The months a person may report for the producer now: the month just ended and a few before it, not locked. */
/** The months a person may still enter for the producer (newest first) and, of the same window, those the province
 * has confirmed (locked), newest first: a prompt can say that the month just ended is already closed. */
export async function reportingMonths(tx: Tx, actor: Actor, producerId: number, now: Date): Promise<{ open: MonthKey[]; locked: MonthKey[] }> {
  const place = await placeOfProducer(tx, producerId);
  assertAllowed(actor, 'sales.enter', place);
  const current = monthKeyOf(now);
  const months = Array.from({ length: OPEN_MONTHS_BACK }, (_, i) => addMonths(current, -1 - i));
  const locked = await tx.districtMonth.findMany({
    where: { districtId: place.districtId!, month: { in: months.map(monthStart) }, provinceConfirmedAt: { not: null } },
  });
  const lockedSet = new Set(locked.map((l) => l.month.getTime()));
  const isLocked = (m: MonthKey) => lockedSet.has(monthStart(m).getTime());
  return { open: months.filter((m) => !isLocked(m)), locked: months.filter(isLocked) };
}

export async function openMonths(tx: Tx, actor: Actor, producerId: number, now: Date): Promise<MonthKey[]> {
  return (await reportingMonths(tx, actor, producerId, now)).open;
}

export async function findEntry(tx: Tx, actor: Actor, producerId: number, month: MonthKey, category: ProductCategory) {
  assertAllowed(actor, 'sales.view', await placeOfProducer(tx, producerId));
  return tx.salesEntry.findFirst({
    where: { producerId, month: monthStart(month), category, AND: [visibleEntries(actor)] },
    include: { exports: true },
  });
}

/** Last month's figures of the producer-category (what "เหมือนเดือนที่แล้ว" copies), or null. */
export async function lastMonthAmounts(tx: Tx, actor: Actor, producerId: number, month: MonthKey, category: ProductCategory): Promise<Amounts | null> {
  const prev = await findEntry(tx, actor, producerId, previousMonth(month), category);
  return prev && prev.status !== 'DRAFT' ? amountsOf(prev) : null;
}

async function producerTotal(tx: Tx, actor: Actor, producerId: number, months: MonthKey[]): Promise<bigint | null> {
  const rows = await tx.salesEntry.findMany({
    where: { producerId, month: { in: months.map(monthStart) }, AND: [visibleEntries(actor), { status: { not: 'DRAFT' } }] },
    select: { domesticOffline: true, domesticOnline: true, exportOffline: true, exportOnline: true },
  });
  return rows.length ? rows.reduce((s, r) => s + totalOf(amountsOf(r)), 0n) : null;
}

export async function submitEntry(tx: Tx, actor: Actor, input: EntryInput, now: Date, eventId?: string): Promise<SubmitResult> {
  const place = await placeOfProducer(tx, input.producerId);
  assertAllowed(actor, 'sales.enter', place);
  const producer = await tx.producer.findUniqueOrThrow({ where: { id: input.producerId } });
  if (!producer.active) throw new RuleError('ผู้ผลิตรายนี้ถูกยกเลิกการลงทะเบียนแล้ว จึงบันทึกยอดขายไม่ได้', 'producer-inactive');
  if (compareMonths(input.month, monthKeyOf(now)) >= 0) {
    throw new RuleError(`ยังบันทึกยอดเดือน${formatMonthTh(input.month)}ไม่ได้ เพราะยังไม่สิ้นเดือน`, 'month-not-ended');
  }
  await assertMonthOpen(tx, place.districtId!, input.month);
  await assertNotClosed(tx, input.month, place.districtId!, now);
  for (const [k, v] of Object.entries(input.amounts)) if (v < 0n) throw new Error(`negative amount ${k}`);

  const key = { producerId: input.producerId, month: monthStart(input.month), category: input.category };
  const existing = await tx.salesEntry.findUnique({ where: { producerId_month_category: key }, include: { exports: true, enteredBy: true } });
  if ((existing?.revision ?? null) !== input.expectedRevision) {
    throw new RuleError(
      existing
        ? `ข้อมูล${CATEGORY_TH[input.category]} เดือน${formatMonthTh(input.month)} ถูกแก้ไขโดย ${existing.enteredBy.displayName ?? 'ผู้ใช้อื่น'} เมื่อ ${whenTh(existing.updatedAt)} ระหว่างที่คุณกรอก กรุณาเริ่มใหม่เพื่อดูตัวเลขล่าสุด`
        : 'ข้อมูลเปลี่ยนไประหว่างที่คุณกรอก กรุณาเริ่มใหม่',
      'stale',
    );
  }
  if (!canTransition('submit', existing?.status ?? null, actor.role)) {
    const by = existing?.districtConfirmedAt ? ` เมื่อ ${whenTh(existing.districtConfirmedAt)}` : '';
    throw new RuleError(`รายการนี้${STATUS_TH[existing!.status]}${by} จึงแก้ไขไม่ได้ หากต้องแก้ไข กรุณาติดต่อเจ้าหน้าที่อำเภอ`, 'not-editable');
  }
  const late = isLate(now, (await dueDates(tx, input.month, place.provinceId)).entryDue);
  const data = {
    ...input.amounts,
    status: TRANSITIONS.submit.to,
    enteredById: actor.userId,
    enteredByOfficer: actor.role !== 'PRODUCER',
    submittedAt: now,
    late,
  };
  if (!producer.categories.includes(input.category)) {
    await tx.producer.update({ where: { id: producer.id }, data: { categories: { push: input.category } } });
    await audit(tx, { actorId: actor.userId, action: 'producer.add-category', entityType: 'Producer', entityId: producer.id, before: { categories: producer.categories }, after: { categories: [...producer.categories, input.category] }, eventId });
  }
  let entry: SalesEntry;
  if (existing) {
    const n = await tx.salesEntry.updateMany({
      where: { id: existing.id, revision: existing.revision, status: { in: TRANSITIONS.submit.from.filter((s) => s !== null) } },
      data: { ...data, revision: { increment: 1 } },
    });
    if (n.count !== 1) throw new RuleError('มีผู้อื่นแก้ไขรายการนี้พร้อมกัน กรุณาเริ่มใหม่', 'stale');
    entry = await tx.salesEntry.findUniqueOrThrow({ where: { id: existing.id } });
    await tx.exportDetail.deleteMany({ where: { salesEntryId: existing.id } });
  } else {
    entry = await tx.salesEntry.create({ data: { ...key, ...data } });
  }
  if (input.exports.length) {
    await tx.exportDetail.createMany({
      data: input.exports.map((x) => ({ ...x, producerId: input.producerId, salesEntryId: entry.id, month: key.month })),
    });
  }
  await audit(tx, {
    actorId: actor.userId,
    action: existing ? 'sales.resubmit' : 'sales.submit',
    entityType: 'SalesEntry',
    entityId: entry.id,
    before: existing ? { ...amountsOf(existing), status: existing.status, revision: existing.revision, exports: existing.exports } : null,
    after: { ...amountsOf(entry), status: entry.status, revision: entry.revision, late, exports: input.exports, enteredByOfficer: data.enteredByOfficer },
    eventId,
  });

  const fy = fiscalYearOf(input.month);
  const ytdMonths = fiscalYearMonths(fy).filter((m) => compareMonths(m, input.month) <= 0);
  return {
    entry,
    wasReturned: existing?.status === 'RETURNED',
    late,
    fiscalYearToDate: (await producerTotal(tx, actor, input.producerId, ytdMonths)) ?? 0n,
    monthTotal: (await producerTotal(tx, actor, input.producerId, [input.month])) ?? 0n,
    sameMonthLastYear: await producerTotal(tx, actor, input.producerId, [sameMonthLastYear(input.month)]),
  };
}
