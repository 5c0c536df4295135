// Progress of reporting, read-only, as far as the actor may see: a district officer its district, a province
// officer its province by district (every reported status), a zone admin its provinces and the department the
// nation by zone — these two ONLY what provinces confirmed (visibleStatuses), so a province's month stays invisible
// above it until the province confirms it. Totals of the month and of the fiscal year to date, with the target
// level reached where the unit has a target.
import type { Tx } from '../db/client.js';
import { Prisma } from '../db/generated/client.js';
import type { SalesStatus, TargetRound } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { assertAllowed, placeOfDistrict, placeOfProvince, type Place } from './authorise.js';
import { fiscalRoundOf, fiscalYearMonths, fiscalYearOf, monthStart, roundMonths, type MonthKey } from './fiscal-period.js';
import { RuleError } from './errors.js';
import { REPORTED } from './sales-status.js';
import { seesConfirmedOnly, visibleEntries, visibleEntriesSql } from './visibility.js';

export type ProgressLevel = 'district' | 'province' | 'zone' | 'nation';

export interface ProgressUnit {
  id: number;
  name: string;
  monthTotal: bigint;
  yearToDate: bigint;
}

export interface Progress {
  level: ProgressLevel;
  /** Thai name of the unit: "บางคล้า", "ฉะเชิงเทรา", "เขต 3", "ทั่วประเทศ". */
  unitName: string;
  /** The zone of the unit (null for the nation; district views may leave it out). */
  zoneId: number | null;
  month: MonthKey;
  fiscalYear: number;
  /** True when only province-confirmed entries count (zone and department). */
  confirmedOnly: boolean;
  monthTotal: bigint;
  yearToDate: bigint;
  /** The month's total by status (district and province views): province-confirmed, district-confirmed, awaiting. */
  byStatus: { provinceConfirmed: bigint; districtConfirmed: bigint; submitted: bigint } | null;
  /** Producers with a reported entry this month, of the active producers (district and province views). */
  producers: { reported: number; active: number } | null;
  /** District-months the province has confirmed, of all districts in the unit. */
  districtsConfirmed: { done: number; of: number };
  /** Provinces whose every district the province confirmed this month (zone and department views). */
  provincesConfirmed: { done: number; of: number } | null;
  /** Provinces that confirmed some but not all of their districts this month, by name (zone and department views). */
  provincesPartial: { name: string; done: number; of: number }[];
  target: TargetStanding | null;
  /** Province view: its districts; zone view: its provinces; department: the zones. */
  children: ProgressUnit[];
  /** Department view: the ten provinces with the highest month total (the zone view lists its provinces as children). */
  topProvinces: ProgressUnit[];
}

// ─── Targets: the month's round target when one exists (against the round so far), else the full-year one ───

export interface TargetLevelView {
  level: number;
  /** As printed, e.g. "คะแนน 3", "ขั้นต้น", "มาตรฐาน", "ขั้นสูง". */
  label: string;
  threshold: bigint;
}

export interface TargetStanding {
  fiscalYear: number;
  round: TargetRound;
  /** Sales measured: fiscal year to date (FULL_YEAR) or round to date, satang. */
  toDate: bigint;
  levels: TargetLevelView[];
  reached: TargetLevelView | null;
  next: TargetLevelView | null;
  /** How much is missing to the next level (null at the top level). */
  gap: bigint | null;
}

/** baseline × (1 + basis points / 10,000), half-up to whole baht (as the department's letters compute it). */
export function growthThreshold(baselineSatang: bigint, basisPoints: number): bigint {
  const baht = baselineSatang / 100n;
  return ((baht * BigInt(10_000 + basisPoints) + 5_000n) / 10_000n) * 100n;
}

/** The target the unit is measured against for `month`, or null when it has none. */
export async function targetFor(tx: Tx, unit: { provinceId: number } | { districtId: number }, month: MonthKey) {
  const fiscalYear = fiscalYearOf(month);
  const where = 'provinceId' in unit ? { provinceId: unit.provinceId, districtId: null } : { districtId: unit.districtId, provinceId: null };
  const rows = await tx.target.findMany({
    where: { ...where, kind: 'SALES', fiscalYear, round: { in: [fiscalRoundOf(month), 'FULL_YEAR'] } },
    include: { levels: { orderBy: { level: 'asc' } } },
  });
  return rows.find((t) => t.round !== 'FULL_YEAR') ?? rows[0] ?? null;
}

/** Standing of `toDate` against the target's levels. */
export function standing(
  target: { fiscalYear: number; round: TargetRound; baseline: bigint | null; levels: { level: number; label: string; threshold: bigint | null; growthBasisPoints: number | null }[] },
  toDate: bigint,
): TargetStanding {
  const levels = target.levels
    .map((l) => ({ level: l.level, label: l.label, threshold: l.threshold ?? growthThreshold(target.baseline ?? 0n, l.growthBasisPoints ?? 0) }))
    .sort((a, b) => a.level - b.level);
  const reached = levels.filter((l) => toDate >= l.threshold).at(-1) ?? null;
  const next = levels.find((l) => toDate < l.threshold) ?? null;
  return { fiscalYear: target.fiscalYear, round: target.round, toDate, levels, reached, next, gap: next ? next.threshold - toDate : null };
}

type Row = { districtId: number; status: SalesStatus; bucket: 'M' | 'R' | 'Y'; total: bigint };

function levelOf(actor: Actor): ProgressLevel | null {
  switch (actor.role) {
    case 'DISTRICT_OFFICER': return 'district';
    case 'PROVINCE_OFFICER': return 'province';
    case 'ZONE_ADMIN': return 'zone';
    case 'DEPARTMENT_ADMIN': return 'nation';
    default: return null;
  }
}

async function placeOf(tx: Tx, actor: Actor, level: ProgressLevel): Promise<Place> {
  if (level === 'district') return placeOfDistrict(tx, actor.districtId ?? -1);
  if (level === 'province') return placeOfProvince(tx, actor.provinceId ?? -1);
  return { producerId: null, districtId: null, provinceId: null, zoneId: actor.zoneId };
}

/** Sums of the visible entries from the fiscal year's start to `month`: M = the month, R = earlier in its round, Y = earlier. */
async function sums(tx: Tx, actor: Actor, scope: Prisma.Sql, month: MonthKey): Promise<Row[]> {
  const fy = fiscalYearOf(month);
  const from = `${fiscalYearMonths(fy)[0]}-01`;
  const roundFrom = `${roundMonths(fy, fiscalRoundOf(month))[0]}-01`;
  const day = `${month}-01`;
  const rows = await tx.$queryRaw<{ districtId: number; status: SalesStatus; bucket: 'M' | 'R' | 'Y'; total: bigint | number | string }[]>`
    SELECT pr."districtId" AS "districtId", e."status"::text AS "status",
      CASE WHEN e."month" = ${day}::date THEN 'M' WHEN e."month" >= ${roundFrom}::date THEN 'R' ELSE 'Y' END AS "bucket",
      SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline")::bigint AS "total"
    FROM "SalesEntry" e
      JOIN "Producer" pr ON pr."id" = e."producerId"
      JOIN "District" d ON d."id" = pr."districtId"
      JOIN "Province" p ON p."id" = d."provinceId"
    WHERE e."month" >= ${from}::date AND e."month" <= ${day}::date
      AND e."status"::text = ANY(${[...REPORTED]}::text[]) AND ${visibleEntriesSql(actor, 'e')} AND ${scope}
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ ...r, districtId: Number(r.districtId), total: BigInt(r.total) }));
}

const sumOf = (rows: Row[], pred: (r: Row) => boolean): bigint => rows.filter(pred).reduce((s, r) => s + r.total, 0n);
const isMonth = (r: Row) => r.bucket === 'M';

function units<K extends number>(rows: Row[], keyOf: (districtId: number) => K | undefined, names: Map<K, string>): ProgressUnit[] {
  return [...names].map(([id, name]) => {
    const mine = rows.filter((r) => keyOf(r.districtId) === id);
    return { id, name, monthTotal: sumOf(mine, isMonth), yearToDate: sumOf(mine, () => true) };
  });
}

/** Per province: how many of its districts the province confirmed, of all its districts (province id order). */
function provinceTally(districts: { id: number; provinceId: number; province: { nameTh: string } }[], confirmed: Set<number>) {
  const out = new Map<number, { name: string; done: number; of: number }>();
  for (const d of [...districts].sort((a, b) => a.provinceId - b.provinceId)) {
    const t = out.get(d.provinceId) ?? { name: d.province.nameTh, done: 0, of: 0 };
    t.of++;
    if (confirmed.has(d.id)) t.done++;
    out.set(d.provinceId, t);
  }
  return [...out.values()];
}

/** A unit below the actor's own to look at: a zone (department) or a province (zone, department). */
export type ProgressFocus = { zoneId: number } | { provinceId: number };

/**
 * What the actor may see of `month`: totals, year to date, target standing and the units below. With `focus`, the
 * same for a zone or province inside the actor's reach (a zone or the department drilling down), still under the
 * actor's visibility: above the province, only province-confirmed entries count there too.
 */
export async function progressFor(tx: Tx, actor: Actor, month: MonthKey, focus?: ProgressFocus): Promise<Progress> {
  const own = levelOf(actor);
  if (!own) throw new Error(`no progress view for role ${actor.role}`);
  const level: ProgressLevel = !focus ? own : 'provinceId' in focus ? 'province' : 'zone';
  const place = !focus
    ? await placeOf(tx, actor, level)
    : 'provinceId' in focus
      ? await placeOfProvince(tx, focus.provinceId)
      : { producerId: null, districtId: null, provinceId: null, zoneId: (await tx.zone.findUnique({ where: { id: focus.zoneId } }))?.id ?? null };
  assertAllowed(actor, 'progress.view', place);
  if (focus && (place.provinceId ?? place.zoneId) === null) throw new RuleError('ไม่พบพื้นที่นี้ กรุณาเลือกจากรายการ', 'unknown-unit');
  const confirmedOnly = seesConfirmedOnly(actor);

  const scope =
    level === 'district' ? Prisma.sql`pr."districtId" = ${place.districtId}`
    : level === 'province' ? Prisma.sql`d."provinceId" = ${place.provinceId}`
    : level === 'zone' ? Prisma.sql`p."zoneId" = ${place.zoneId}`
    : Prisma.sql`TRUE`;
  const rows = await sums(tx, actor, scope, month);

  const districtWhere = level === 'district' ? { id: place.districtId! } : level === 'province' ? { provinceId: place.provinceId! } : level === 'zone' ? { province: { zoneId: place.zoneId! } } : {};
  const districts = await tx.district.findMany({ where: districtWhere, select: { id: true, nameTh: true, provinceId: true, province: { select: { nameTh: true, zoneId: true } } } });
  const byId = new Map(districts.map((d) => [d.id, d]));
  const provinceNames = new Map(districts.map((d) => [d.provinceId, d.province.nameTh]));
  const confirmedRows = await tx.districtMonth.findMany({
    where: { month: monthStart(month), provinceConfirmedAt: { not: null }, districtId: { in: districts.map((d) => d.id) } },
    select: { districtId: true },
  });
  const districtsConfirmed = confirmedRows.length;

  const unitName =
    level === 'district' ? districts[0]!.nameTh
    : level === 'province' ? provinceNames.get(place.provinceId!)!
    : level === 'zone' ? (await tx.zone.findUniqueOrThrow({ where: { id: place.zoneId! } })).nameTh
    : 'ทั่วประเทศ';

  let byStatus: Progress['byStatus'] = null;
  let producers: Progress['producers'] = null;
  if (!confirmedOnly) {
    const m = rows.filter(isMonth);
    byStatus = {
      provinceConfirmed: sumOf(m, (r) => r.status === 'PROVINCE_CONFIRMED'),
      districtConfirmed: sumOf(m, (r) => r.status === 'DISTRICT_CONFIRMED'),
      submitted: sumOf(m, (r) => r.status === 'SUBMITTED'),
    };
    const producerWhere = level === 'district' ? { districtId: place.districtId! } : { district: { provinceId: place.provinceId! } };
    const reported = await tx.salesEntry.findMany({
      where: { month: monthStart(month), AND: [visibleEntries(actor), { status: { in: [...REPORTED] } }], producer: producerWhere },
      distinct: ['producerId'],
      select: { producerId: true },
    });
    producers = { reported: reported.length, active: await tx.producer.count({ where: { ...producerWhere, active: true } }) };
  }

  let target: TargetStanding | null = null;
  if (level === 'district' || level === 'province') {
    const t = await targetFor(tx, level === 'district' ? { districtId: place.districtId! } : { provinceId: place.provinceId! }, month);
    if (t) target = standing(t, sumOf(rows, (r) => t.round === 'FULL_YEAR' || r.bucket !== 'Y'));
  }

  const provinceOf = (id: number) => byId.get(id)?.provinceId;
  const provinces = units(rows, provinceOf, provinceNames).sort((a, b) => (b.monthTotal > a.monthTotal ? 1 : b.monthTotal < a.monthTotal ? -1 : a.id - b.id));
  let children: ProgressUnit[] = [];
  if (level === 'province') children = units(rows, (id) => id, new Map(districts.sort((a, b) => a.id - b.id).map((d) => [d.id, d.nameTh])));
  if (level === 'zone') children = [...provinces].sort((a, b) => a.id - b.id);
  if (level === 'nation') {
    const zones = await tx.zone.findMany({ orderBy: { id: 'asc' } });
    children = units(rows, (id) => byId.get(id)?.province.zoneId, new Map(zones.map((z) => [z.id, z.nameTh])));
  }
  const perProvince = provinceTally(districts, new Set(confirmedRows.map((r) => r.districtId)));

  return {
    level,
    unitName,
    zoneId: place.zoneId ?? null,
    month,
    fiscalYear: fiscalYearOf(month),
    confirmedOnly,
    monthTotal: sumOf(rows, isMonth),
    yearToDate: sumOf(rows, () => true),
    byStatus,
    producers,
    districtsConfirmed: { done: districtsConfirmed, of: districts.length },
    provincesConfirmed: confirmedOnly && level !== 'province' ? { done: perProvince.filter((p) => p.done === p.of).length, of: provinceNames.size } : null,
    provincesPartial: confirmedOnly && level !== 'province' ? perProvince.filter((p) => p.done > 0 && p.done < p.of).map(({ name, done, of }) => ({ name, done, of })) : [],
    target,
    children,
    topProvinces: level === 'nation' ? provinces.filter((p) => p.monthTotal > 0n).slice(0, 10) : [],
  };
}
