// What a district officer reviews for one month: the overview counts and totals, the entries numbered 1..N in a
// stable order, the producers that have not reported, and whether the province has locked the month. Reads only.
//
// Numbering: entries are ordered by producer name (Thai collation), producer, then category (form order), and
// numbered from 1. When the caller passes the numbering it showed before (`seen`), that numbering is kept as it
// was — an entry keeps its number even if names or figures changed — and entries that are new since are appended
// after it. So "รายการที่ 12" means the same entry for as long as a conversation lasts.
import { expectedProducers } from './registry/expected.js';
import type { Tx } from '../db/client.js';
import type { ProductCategory, SalesStatus } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { assertAllowed, placeOfDistrict, placeOfProducer, type Action } from './authorise.js';
import { CATEGORIES, domesticOf, exportOf, totalOf, type Amounts } from './catalog.js';
import { dueDates } from './deadlines.js';
import { shareDistrictMonth } from './district-month.js';
import { RuleError } from './errors.js';
import { monthKeyFromDbDate, monthStart, type DayKey, type MonthKey } from './fiscal-period.js';
import { REPORTED } from './sales-status.js';
import { visibleEntries } from './visibility.js';
import { amountsOf } from './sales.js';
import { formatMonthTh } from './thai-format.js';
import { whenTh } from './when.js';

/** One entry as numbered for the officer: `revision: 0` means numbered but not yet shown to them. */
export interface SeenEntry {
  id: number;
  revision: number;
}

export interface ReviewEntry {
  /** Position in the numbering the officer sees (1-based). */
  no: number;
  id: number;
  revision: number;
  /** The revision the officer was shown; null when it is new since (or never shown). */
  seenRevision: number | null;
  producerId: number;
  producerName: string;
  category: ProductCategory;
  amounts: Amounts;
  total: bigint;
  status: SalesStatus;
  late: boolean;
  enteredByOfficer: boolean;
  returnReason: string | null;
  districtConfirmedAt: Date | null;
  /** "คุณสมชาย" of the officer who confirmed it, when confirmed. */
  districtConfirmedBy: string | null;
}

export interface MonthLock {
  at: Date;
  /** "คุณ…" of the province officer who confirmed. */
  by: string;
}

/** How a person is named in messages about who did something. */
export const personName = (displayName: string | null | undefined): string => (displayName ? `คุณ${displayName}` : 'เจ้าหน้าที่อีกท่าน');

const collator = new Intl.Collator('th');

/** Confirmed at district level or beyond. */
export const CONFIRMED: readonly SalesStatus[] = ['DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED'];

/** Throws NotAuthorised unless the actor may do `action` in the district; returns the district's Thai name. */
export async function assertDistrict(tx: Tx, actor: Actor, action: Action, districtId: number): Promise<string> {
  assertAllowed(actor, action, await placeOfDistrict(tx, districtId));
  return (await tx.district.findUniqueOrThrow({ where: { id: districtId }, select: { nameTh: true } })).nameTh;
}

/** The province's confirmation of the district-month, or null while the district may still change it. */
export async function monthLock(tx: Tx, districtId: number, month: MonthKey): Promise<MonthLock | null> {
  const dm = await tx.districtMonth.findUnique({ where: { districtId_month: { districtId, month: monthStart(month) } } });
  if (!dm?.provinceConfirmedAt) return null;
  const by = dm.provinceConfirmedById ? await tx.user.findUnique({ where: { id: dm.provinceConfirmedById } }) : null;
  return { at: dm.provinceConfirmedAt, by: by ? personName(by.displayName) : 'เจ้าหน้าที่จังหวัด' };
}

/** The Thai sentence for a locked month. */
export function lockedMessage(districtName: string, month: MonthKey, lock: MonthLock): string {
  return (
    `ข้อมูลเดือน${formatMonthTh(month)} ของอำเภอ${districtName} จังหวัดยืนยันแล้วโดย ${lock.by} เมื่อ ${whenTh(lock.at)} ` +
    'จึงยืนยันหรือส่งกลับไม่ได้ หากต้องแก้ไข พิมพ์ "ขอปลดล็อก"'
  );
}

/**
 * Throws RuleError('month-locked') when the province confirmed the district-month. Inside a write, the
 * DistrictMonth row is share-locked first (created if missing, see shareDistrictMonth), so a province
 * confirmation running at the same time waits for this transaction instead of locking a month being changed.
 */
export async function assertMonthOpen(tx: Tx, districtId: number, districtName: string, month: MonthKey): Promise<void> {
  await shareDistrictMonth(tx, districtId, month);
  const lock = await monthLock(tx, districtId, month);
  if (lock) throw new RuleError(lockedMessage(districtName, month, lock), 'month-locked');
}

/** The district's entries of the month (drafts left out), numbered; see the file comment for the numbering. */
export async function listDistrictEntries(
  tx: Tx,
  actor: Actor,
  districtId: number,
  month: MonthKey,
  seen?: readonly SeenEntry[],
): Promise<ReviewEntry[]> {
  assertAllowed(actor, 'sales.view', await placeOfDistrict(tx, districtId));
  const rows = await tx.salesEntry.findMany({
    where: { month: monthStart(month), AND: [visibleEntries(actor), { status: { not: 'DRAFT' } }], producer: { districtId } },
    include: { producer: { select: { name: true } }, districtConfirmedBy: { select: { displayName: true } } },
  });
  rows.sort(
    (a, b) =>
      collator.compare(a.producer.name, b.producer.name) ||
      a.producerId - b.producerId ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
  );
  const position = new Map((seen ?? []).map((s, i) => [s.id, i] as const));
  let next = seen?.length ?? 0;
  const numbered = rows.map((r) => {
    const i = position.get(r.id);
    const seenRev = i === undefined ? 0 : seen![i]!.revision;
    return {
      no: i === undefined ? ++next : i + 1,
      id: r.id,
      revision: r.revision,
      seenRevision: seenRev > 0 ? seenRev : null,
      producerId: r.producerId,
      producerName: r.producer.name,
      category: r.category,
      amounts: amountsOf(r),
      total: totalOf(amountsOf(r)),
      status: r.status,
      late: r.late,
      enteredByOfficer: r.enteredByOfficer,
      returnReason: r.returnReason,
      districtConfirmedAt: r.districtConfirmedAt,
      districtConfirmedBy: r.districtConfirmedAt ? personName(r.districtConfirmedBy?.displayName) : null,
    } satisfies ReviewEntry;
  });
  return numbered.sort((a, b) => a.no - b.no);
}

/**
 * The numbering to remember after showing `entries`: earlier numbers kept, new entries appended; entries for
 * which `shown` is true are remembered at their current revision, the others at what was seen before.
 */
export function nextSeen(prev: readonly SeenEntry[] | undefined, entries: readonly ReviewEntry[], shown: (e: ReviewEntry) => boolean): SeenEntry[] {
  const out = [...(prev ?? [])];
  for (const e of entries) out[e.no - 1] = { id: e.id, revision: shown(e) ? e.revision : (e.seenRevision ?? 0) };
  return out;
}

export interface PendingProducer {
  id: number;
  name: string;
  tambon: string;
  phone: string | null;
  /** Has an active LINE user bound to it (can be reminded through the bot). */
  onLine: boolean;
}

/** Producers expected to report the month (registration/expected.ts) with no entry at all for the month, by name. */
export async function pendingProducers(tx: Tx, actor: Actor, districtId: number, month: MonthKey): Promise<PendingProducer[]> {
  assertAllowed(actor, 'sales.view', await placeOfDistrict(tx, districtId));
  const rows = await tx.producer.findMany({
    where: { districtId, ...expectedProducers(month), sales: { none: { month: monthStart(month), AND: [visibleEntries(actor), { status: { not: 'DRAFT' } }] } } },
    include: { users: { where: { active: true, role: 'PRODUCER' }, select: { id: true } } },
  });
  return rows
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
    .map((p) => ({ id: p.id, name: p.name, tambon: p.tambon, phone: p.phone, onLine: p.users.length > 0 }));
}

/** How many active producers the district has (none yet in a fresh district). */
export async function activeProducerCount(tx: Tx, actor: Actor, districtId: number): Promise<number> {
  assertAllowed(actor, 'sales.view', await placeOfDistrict(tx, districtId));
  return tx.producer.count({ where: { districtId, active: true } });
}

/** An entry a district officer may act on, with its district and month; NotAuthorised outside their district. */
export async function entryForReview(tx: Tx, actor: Actor, entryId: number, action: Action) {
  const entry = await tx.salesEntry.findUnique({ where: { id: entryId }, include: { producer: true } });
  if (!entry) throw new RuleError('ไม่พบรายการนี้แล้ว กรุณาพิมพ์ "ตรวจสอบ/ยืนยัน" เพื่อดูรายการล่าสุด', 'not-found');
  assertAllowed(actor, action, await placeOfProducer(tx, entry.producerId));
  return { entry, districtId: entry.producer.districtId, month: monthKeyFromDbDate(entry.month) };
}

export interface DistrictMonthOverview {
  districtName: string;
  month: MonthKey;
  producers: { active: number; reported: number; pending: number };
  counts: { entries: number; submitted: number; returned: number; confirmed: number; late: number };
  /** Sums of the entries that are submitted or confirmed (returned ones are being corrected). */
  byCategory: Record<ProductCategory, bigint>;
  domestic: bigint;
  export: bigint;
  total: bigint;
  districtConfirmDue: DayKey;
  lock: MonthLock | null;
  /** The province sent the whole month back to be checked again. */
  provinceReturn: { at: Date; reason: string | null } | null;
  /** The numbered entries the counts are made of. */
  entries: ReviewEntry[];
}

/** Counts and totals of a district-month as the overview card shows them (`seen`: keep an earlier numbering). */
export async function districtMonthOverview(
  tx: Tx,
  actor: Actor,
  districtId: number,
  month: MonthKey,
  seen?: readonly SeenEntry[],
): Promise<DistrictMonthOverview> {
  const districtName = await assertDistrict(tx, actor, 'sales.view', districtId);
  const entries = await listDistrictEntries(tx, actor, districtId, month, seen);
  const active = await tx.producer.findMany({ where: { districtId, ...expectedProducers(month) }, select: { id: true } });
  const reportedIds = new Set(entries.map((e) => e.producerId));
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0n])) as Record<ProductCategory, bigint>;
  let domestic = 0n;
  let exported = 0n;
  for (const e of entries.filter((x) => REPORTED.includes(x.status))) {
    byCategory[e.category] += e.total;
    domestic += domesticOf(e.amounts);
    exported += exportOf(e.amounts);
  }
  const dm = await tx.districtMonth.findUnique({ where: { districtId_month: { districtId, month: monthStart(month) } } });
  const count = (f: (e: ReviewEntry) => boolean) => entries.filter(f).length;
  return {
    districtName,
    month,
    producers: { active: active.length, reported: reportedIds.size, pending: active.filter((p) => !reportedIds.has(p.id)).length },
    counts: {
      entries: entries.length,
      submitted: count((e) => e.status === 'SUBMITTED'),
      returned: count((e) => e.status === 'RETURNED'),
      confirmed: count((e) => CONFIRMED.includes(e.status)),
      late: count((e) => e.late),
    },
    byCategory,
    domestic,
    export: exported,
    total: domestic + exported,
    districtConfirmDue: (await dueDates(tx, month, (await tx.district.findUnique({ where: { id: districtId } }))?.provinceId)).districtConfirmDue,
    lock: await monthLock(tx, districtId, month),
    provinceReturn: dm?.returnedAt && !dm.provinceConfirmedAt ? { at: dm.returnedAt, reason: dm.returnReason } : null,
    entries,
  };
}
