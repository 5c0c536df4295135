// Province confirmation of district-months (รต.3 by product type, รต.4 by district): the province sees every district
// of a month, confirms a district whose entries are all district-confirmed (the month is then locked for that
// district and becomes visible to zone and department), or sends it back to the district with a reason.
// Every write first locks the DistrictMonth row (district-month.ts), so two province officers acting at once are serialised: one wins,
// the other is told who acted and when.
import type { Tx } from '../db/client.js';
import type { DistrictMonth, ProductCategory, SalesStatus } from '../db/generated/client.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { assertAllowed, placeOfDistrict, placeOfProvince } from './authorise.js';
import { CATEGORIES, totalOf } from './catalog.js';
import { checkReason, lockDistrictMonth, nameOf, officersOf } from './district-month.js';
import { RuleError } from './errors.js';
import { monthStart, type MonthKey } from './fiscal-period.js';
import { amountsOf } from './sales.js';
import { TRANSITIONS } from './sales-status.js';
import { visibleEntries } from './visibility.js';
import { formatMonthTh } from './thai-format.js';
import { whenTh } from './when.js';

/** Where a district stands for the month, as the province sees it. */
export type DistrictMonthState = 'province-confirmed' | 'ready' | 'waiting' | 'not-started';

export interface DistrictMonthSummary {
  districtId: number;
  nameTh: string;
  state: DistrictMonthState;
  /** Entries of the month, and those still awaiting the district (SUBMITTED, RETURNED, DRAFT). */
  entries: number;
  waiting: number;
  returnedToProducer: number;
  districtConfirmed: number;
  provinceConfirmed: number;
  producers: number;
  /** Sum of the entries other than drafts, satang; and per product category (รต.3). */
  total: bigint;
  byCategory: Record<ProductCategory, bigint>;
  /** Revision of the DistrictMonth row the person is shown; null when there is none yet. */
  revision: number | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  returnedAt: Date | null;
  returnReason: string | null;
}

export interface ProvinceMonthOverview {
  provinceId: number;
  provinceName: string;
  month: MonthKey;
  districts: DistrictMonthSummary[];
  /** What the province has confirmed so far: total, per category, and how many districts. */
  confirmedTotal: bigint;
  confirmedByCategory: Record<ProductCategory, bigint>;
  confirmedDistricts: number;
}

const AWAITING_DISTRICT: readonly SalesStatus[] = ['SUBMITTED', 'RETURNED', 'DRAFT'];

const zeroByCategory = (): Record<ProductCategory, bigint> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0n])) as Record<ProductCategory, bigint>;

async function alreadyConfirmed(tx: Tx, districtName: string, month: MonthKey, dm: DistrictMonth, then: string): Promise<RuleError> {
  const who = await nameOf(tx, dm.provinceConfirmedById);
  return new RuleError(
    `ข้อมูลอำเภอ${districtName} เดือน${formatMonthTh(month)} จังหวัดยืนยันแล้ว โดย ${who} เมื่อ ${whenTh(dm.provinceConfirmedAt!)}${then}`,
    'already-confirmed',
  );
}

type EntryRow = { status: SalesStatus; category: ProductCategory; producerId: number; districtId: number; total: bigint };

async function entriesOf(tx: Tx, actor: Actor, month: MonthKey, where: { districtId: number } | { provinceId: number }): Promise<EntryRow[]> {
  const producer = 'districtId' in where ? { districtId: where.districtId } : { district: { provinceId: where.provinceId } };
  const rows = await tx.salesEntry.findMany({
    where: { month: monthStart(month), producer, AND: [visibleEntries(actor)] },
    select: { status: true, category: true, producerId: true, domesticOffline: true, domesticOnline: true, exportOffline: true, exportOnline: true, producer: { select: { districtId: true } } },
  });
  return rows.map((r) => ({ status: r.status, category: r.category, producerId: r.producerId, districtId: r.producer.districtId, total: totalOf(amountsOf(r)) }));
}

function summarise(d: { id: number; nameTh: string }, entries: EntryRow[], dm: DistrictMonth | undefined, names: Map<number, string>): DistrictMonthSummary {
  const count = (ss: readonly SalesStatus[]) => entries.filter((e) => ss.includes(e.status)).length;
  const reported = entries.filter((e) => e.status !== 'DRAFT');
  const byCategory = zeroByCategory();
  for (const e of reported) byCategory[e.category] += e.total;
  const waiting = count(AWAITING_DISTRICT);
  const state: DistrictMonthState = dm?.provinceConfirmedAt ? 'province-confirmed' : entries.length === 0 ? 'not-started' : waiting > 0 ? 'waiting' : 'ready';
  return {
    districtId: d.id,
    nameTh: d.nameTh,
    state,
    entries: entries.length,
    waiting,
    returnedToProducer: count(['RETURNED']),
    districtConfirmed: count(['DISTRICT_CONFIRMED']),
    provinceConfirmed: count(['PROVINCE_CONFIRMED']),
    producers: new Set(reported.map((e) => e.producerId)).size,
    total: reported.reduce((s, e) => s + e.total, 0n),
    byCategory,
    revision: dm?.revision ?? null,
    confirmedAt: dm?.provinceConfirmedAt ?? null,
    confirmedBy: dm?.provinceConfirmedById ? (names.get(dm.provinceConfirmedById) ?? 'ผู้ใช้อื่น') : null,
    returnedAt: dm?.returnedAt ?? null,
    returnReason: dm?.returnReason ?? null,
  };
}

async function summaries(tx: Tx, districts: { id: number; nameTh: string }[], month: MonthKey, entries: EntryRow[]): Promise<DistrictMonthSummary[]> {
  const dms = await tx.districtMonth.findMany({ where: { districtId: { in: districts.map((d) => d.id) }, month: monthStart(month) } });
  const ids = dms.map((d) => d.provinceConfirmedById).filter((x): x is number => x !== null);
  const users = ids.length ? await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.displayName ?? 'ผู้ใช้อื่น']));
  return districts.map((d) => summarise(d, entries.filter((e) => e.districtId === d.id), dms.find((x) => x.districtId === d.id), names));
}

/** Every district of the province for the month, in district-code order, with what the province has confirmed. */
export async function provinceMonthOverview(tx: Tx, actor: Actor, provinceId: number, month: MonthKey): Promise<ProvinceMonthOverview> {
  assertAllowed(actor, 'sales.province-confirm', await placeOfProvince(tx, provinceId));
  const province = await tx.province.findUniqueOrThrow({ where: { id: provinceId }, include: { districts: { orderBy: { id: 'asc' } } } });
  const districts = await summaries(tx, province.districts, month, await entriesOf(tx, actor, month, { provinceId }));
  const confirmedByCategory = zeroByCategory();
  let confirmedTotal = 0n;
  for (const d of districts.filter((x) => x.state === 'province-confirmed')) {
    confirmedTotal += d.total;
    for (const c of CATEGORIES) confirmedByCategory[c] += d.byCategory[c];
  }
  return {
    provinceId,
    provinceName: province.nameTh,
    month,
    districts,
    confirmedTotal,
    confirmedByCategory,
    confirmedDistricts: districts.filter((x) => x.state === 'province-confirmed').length,
  };
}

/** One district-month as the province sees it (the detail card). */
export async function districtMonthSummary(tx: Tx, actor: Actor, districtId: number, month: MonthKey): Promise<DistrictMonthSummary> {
  assertAllowed(actor, 'sales.province-confirm', await placeOfDistrict(tx, districtId));
  const d = await tx.district.findUniqueOrThrow({ where: { id: districtId } });
  const [s] = await summaries(tx, [d], month, await entriesOf(tx, actor, month, { districtId }));
  return s!;
}

export interface ConfirmResult {
  districtName: string;
  entries: number;
  total: bigint;
}

/**
 * The province confirms a district-month: allowed only when the district has at least one entry and none awaits the
 * district (SUBMITTED, RETURNED, DRAFT). Its DISTRICT_CONFIRMED entries become PROVINCE_CONFIRMED and the month is
 * locked for the district. `expectedRevision` is the DistrictMonth revision the officer saw (null: no row yet;
 * undefined: not checked).
 */
export async function confirmDistrictByProvince(
  tx: Tx,
  actor: Actor,
  districtId: number,
  month: MonthKey,
  expectedRevision: number | null | undefined,
  now: Date,
  eventId?: string,
): Promise<ConfirmResult> {
  assertAllowed(actor, 'sales.province-confirm', await placeOfDistrict(tx, districtId), 'อำเภอนี้ไม่อยู่ในจังหวัดของท่าน จึงยืนยันไม่ได้');
  const district = await tx.district.findUniqueOrThrow({ where: { id: districtId } });
  const dm = (await lockDistrictMonth(tx, districtId, month, true))!;
  if (dm.provinceConfirmedAt) throw await alreadyConfirmed(tx, district.nameTh, month, dm, '');
  if (expectedRevision !== undefined && (expectedRevision ?? 1) !== dm.revision) {
    throw new RuleError(`ข้อมูลอำเภอ${district.nameTh} เปลี่ยนไปหลังจากที่ท่านเปิดดู กรุณาเปิดดูใหม่ก่อนยืนยัน`, 'stale');
  }
  const entries = await tx.salesEntry.findMany({
    where: { month: monthStart(month), producer: { districtId } },
    select: { id: true, status: true, revision: true, domesticOffline: true, domesticOnline: true, exportOffline: true, exportOnline: true },
  });
  if (!entries.length) {
    throw new RuleError(`อำเภอ${district.nameTh} ยังไม่มีข้อมูลยอดขายเดือน${formatMonthTh(month)} จึงยังยืนยันไม่ได้`, 'no-entries');
  }
  const waiting = entries.filter((e) => AWAITING_DISTRICT.includes(e.status)).length;
  if (waiting) {
    throw new RuleError(
      `อำเภอ${district.nameTh} ยังมี ${waiting} รายการที่อำเภอยังไม่ยืนยัน จึงยังยืนยันระดับจังหวัดไม่ได้ กรุณารอให้อำเภอตรวจสอบและยืนยันให้ครบก่อน`,
      'district-not-done',
    );
  }
  const rule = TRANSITIONS['province-confirm'];
  const moving = entries.filter((e) => rule.from.includes(e.status));
  const n = await tx.salesEntry.updateMany({
    where: { id: { in: moving.map((e) => e.id) }, status: { in: rule.from.filter((s) => s !== null) } },
    data: { status: rule.to, provinceConfirmedAt: now, provinceConfirmedById: actor.userId, revision: { increment: 1 } },
  });
  if (n.count !== moving.length) throw new RuleError('มีการเปลี่ยนแปลงรายการของอำเภอนี้พร้อมกัน กรุณาเปิดดูใหม่แล้วยืนยันอีกครั้ง', 'stale');
  await tx.districtMonth.update({
    where: { districtId_month: { districtId, month: monthStart(month) } },
    data: { provinceConfirmedAt: now, provinceConfirmedById: actor.userId, revision: { increment: 1 } },
  });
  const total = entries.filter((e) => e.status !== 'DRAFT').reduce((s, e) => s + totalOf(amountsOf(e)), 0n);
  await audit(tx, {
    actorId: actor.userId,
    action: 'sales.province-confirm',
    entityType: 'DistrictMonth',
    entityId: `${districtId}:${month}`,
    before: { provinceConfirmedAt: null, revision: dm.revision, entries: moving.map((e) => ({ id: e.id, status: e.status, revision: e.revision })) },
    after: { provinceConfirmedAt: now, provinceConfirmedById: actor.userId, revision: dm.revision + 1, status: rule.to, total },
    eventId,
  });
  return { districtName: district.nameTh, entries: entries.length, total };
}

export interface ReturnResult {
  districtName: string;
  entries: number;
  total: bigint;
  reason: string;
  /** The district's active officers, to be told what and why. */
  officers: { id: number; lineUserId: string }[];
}

/**
 * The province sends a district-month back: its DISTRICT_CONFIRMED entries become SUBMITTED again (the district
 * must check and confirm them again) and the reason is kept on the DistrictMonth. Refused once the province has
 * confirmed the month (that needs an unlock request).
 */
export async function returnDistrictByProvince(tx: Tx, actor: Actor, districtId: number, month: MonthKey, reason: string, now: Date, eventId?: string): Promise<ReturnResult> {
  assertAllowed(actor, 'sales.province-return', await placeOfDistrict(tx, districtId), 'อำเภอนี้ไม่อยู่ในจังหวัดของท่าน จึงส่งกลับไม่ได้');
  const why = checkReason(reason);
  const district = await tx.district.findUniqueOrThrow({ where: { id: districtId } });
  const dm = (await lockDistrictMonth(tx, districtId, month, true))!;
  if (dm.provinceConfirmedAt) throw await alreadyConfirmed(tx, district.nameTh, month, dm, ' จึงส่งกลับไม่ได้ หากต้องแก้ไข ให้อำเภอพิมพ์ "ขอปลดล็อก"');
  const rule = TRANSITIONS['province-return'];
  const entries = await tx.salesEntry.findMany({
    where: { month: monthStart(month), producer: { districtId }, status: { in: rule.from.filter((s) => s !== null) } },
    select: { id: true, status: true, revision: true, districtConfirmedAt: true, districtConfirmedById: true, domesticOffline: true, domesticOnline: true, exportOffline: true, exportOnline: true },
  });
  if (!entries.length) {
    throw new RuleError(`อำเภอ${district.nameTh} ไม่มีรายการที่อำเภอยืนยันแล้วในเดือน${formatMonthTh(month)} จึงไม่มีอะไรให้ส่งกลับ`, 'nothing-to-return');
  }
  const n = await tx.salesEntry.updateMany({
    where: { id: { in: entries.map((e) => e.id) }, status: { in: rule.from.filter((s) => s !== null) } },
    data: { status: rule.to, districtConfirmedAt: null, districtConfirmedById: null, revision: { increment: 1 } },
  });
  if (n.count !== entries.length) throw new RuleError('มีการเปลี่ยนแปลงรายการของอำเภอนี้พร้อมกัน กรุณาเปิดดูใหม่อีกครั้ง', 'stale');
  await tx.districtMonth.update({
    where: { districtId_month: { districtId, month: monthStart(month) } },
    data: { returnedAt: now, returnReason: why, revision: { increment: 1 } },
  });
  const total = entries.reduce((s, e) => s + totalOf(amountsOf(e)), 0n);
  await audit(tx, {
    actorId: actor.userId,
    action: 'sales.province-return',
    entityType: 'DistrictMonth',
    entityId: `${districtId}:${month}`,
    before: { returnedAt: dm.returnedAt, returnReason: dm.returnReason, revision: dm.revision, entries: entries.map((e) => ({ id: e.id, status: e.status, revision: e.revision, districtConfirmedAt: e.districtConfirmedAt, districtConfirmedById: e.districtConfirmedById })) },
    after: { returnedAt: now, returnReason: why, revision: dm.revision + 1, status: rule.to, total },
    eventId,
  });
  return { districtName: district.nameTh, entries: entries.length, total, reason: why, officers: await officersOf(tx, { districtId }) };
}
