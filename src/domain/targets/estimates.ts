// Reading estimates (ประมาณการ): the province's sheet (districts × months, who certified, the corrected figures and
// confirmed actuals) for reports and cards, one district's estimate, and actual against estimate per month for a
// district or its province. Actuals are confirmed sales only, as the viewer may see them (visibility.ts through
// confirmedStatuses). estimateSheet does no authorisation (report scopes and the chat views below do).
import { Prisma } from '../../db/generated/client.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { assertAllowed, placeOfDistrict, placeOfProvince } from '../authorise.js';
import { fiscalYearMonths, monthKeyFromDbDate, monthStart, type MonthKey } from '../fiscal-period.js';
import { confirmedStatuses, type Viewer } from './standing-query.js';
import { viewerOf } from './views.js';

export type EstimateAnswerName = 'PENDING' | 'CERTIFIED' | 'CORRECTED';

export interface EstimateMonthFigures {
  month: MonthKey;
  /** The province's figure, satang. */
  amount: bigint;
  /** The district's own figure (answer CORRECTED), satang; null otherwise. */
  corrected: bigint | null;
  /** What counts: `corrected` when the district corrected, else `amount`. */
  effective: bigint;
  /** Confirmed sales of the month so far, satang (0 for months nobody confirmed yet). */
  actual: bigint;
}

export interface DistrictEstimateView {
  id: number;
  /** Cards carry it: a tap on an older revision writes nothing. */
  revision: number;
  fiscalYear: number;
  districtId: number;
  nameTh: string;
  method: 'IMPORT' | 'EVEN_SPLIT';
  source: string;
  /** Satang; what the estimate leads to. */
  target: bigint;
  targetLabel: string;
  /** Confirmed sales before the first estimated month when it was set (import: target − the months), satang. */
  actualToDate: bigint;
  setAt: Date;
  answer: EstimateAnswerName;
  answeredAt: Date | null;
  /** Display name of the district officer who answered; null while pending. */
  answeredBy: string | null;
  months: EstimateMonthFigures[];
  /** Sum of the province's figures, satang. */
  total: bigint;
  /** Sum of the effective figures (the corrected total when corrected), satang. */
  effectiveTotal: bigint;
}

export interface EstimateSheetRow {
  districtId: number;
  nameTh: string;
  /** Null when the province has set nothing for the district this year. */
  estimate: DistrictEstimateView | null;
}

/** Districts × months of one province and fiscal year: the data of an estimate / certification report. */
export interface EstimateSheet {
  fiscalYear: number;
  province: { id: number; nameTh: string };
  /** Every month estimated for any district, in fiscal order. */
  months: MonthKey[];
  /** Every district of the province, by code. */
  rows: EstimateSheetRow[];
  /** Per month over the districts with an estimate: province figures, effective figures, confirmed actual. */
  byMonth: { month: MonthKey; amount: bigint; effective: bigint; actual: bigint }[];
  totals: { target: bigint; actualToDate: bigint; amount: bigint; effective: bigint };
  counts: { certified: number; corrected: number; pending: number; notSet: number };
}

type Row = Prisma.DistrictEstimateGetPayload<{ include: { months: true } }>;

/** Confirmed sales per district and month of the province's fiscal year, aggregated in SQL. */
async function actualsOf(tx: Tx, where: { provinceId: number } | { districtId: number }, fiscalYear: number, viewer: Viewer): Promise<Map<string, bigint>> {
  const months = fiscalYearMonths(fiscalYear);
  const unit = 'provinceId' in where ? Prisma.sql`d."provinceId" = ${where.provinceId}` : Prisma.sql`d."id" = ${where.districtId}`;
  const rows = await tx.$queryRaw<{ districtId: number; month: Date; sales: bigint }[]>`
    SELECT d."id" AS "districtId", e."month" AS "month",
           SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline")::bigint AS "sales"
    FROM "SalesEntry" e JOIN "Producer" p ON p."id" = e."producerId" JOIN "District" d ON d."id" = p."districtId"
    WHERE ${unit} AND e."month" BETWEEN ${monthStart(months[0]!)}::date AND ${monthStart(months.at(-1)!)}::date
      AND e."status"::text = ANY(${confirmedStatuses(viewer)}::text[])
    GROUP BY d."id", e."month"`;
  return new Map(rows.map((r) => [`${r.districtId}/${monthKeyFromDbDate(r.month)}`, r.sales]));
}

function viewOf(e: Row, nameTh: string, answeredBy: string | null, actual: Map<string, bigint>): DistrictEstimateView {
  const months = e.months
    .map((m) => {
      const month = monthKeyFromDbDate(m.month);
      return { month, amount: m.amount, corrected: m.corrected, effective: e.answer === 'CORRECTED' && m.corrected !== null ? m.corrected : m.amount, actual: actual.get(`${e.districtId}/${month}`) ?? 0n };
    })
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  const sum = (f: (m: EstimateMonthFigures) => bigint) => months.reduce((s, m) => s + f(m), 0n);
  return {
    id: e.id, revision: e.revision, fiscalYear: e.fiscalYear, districtId: e.districtId, nameTh, method: e.method, source: e.source,
    target: e.target, targetLabel: e.targetLabel, actualToDate: e.actualToDate, setAt: e.setAt, answer: e.answer, answeredAt: e.answeredAt,
    answeredBy, months, total: sum((m) => m.amount), effectiveTotal: sum((m) => m.effective),
  };
}

async function namesOf(tx: Tx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = ids.filter((x): x is number => x !== null);
  if (!wanted.length) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName ?? `ผู้ใช้ ${u.id}`]));
}

/**
 * The province's estimates of `fy`: every district × month, certified or not, the corrected figures, and confirmed
 * actuals (district- or province-confirmed; pass viewer 'above-province' for zone/department readers).
 */
export async function estimateSheet(db: Tx, q: { fy: number; provinceId: number; viewer?: Viewer }): Promise<EstimateSheet> {
  const province = await db.province.findUniqueOrThrow({ where: { id: q.provinceId }, include: { districts: { orderBy: { id: 'asc' } } } });
  const found = await db.districtEstimate.findMany({ where: { fiscalYear: q.fy, district: { provinceId: q.provinceId } }, include: { months: true } });
  const actual = await actualsOf(db, { provinceId: q.provinceId }, q.fy, q.viewer ?? 'unit');
  const names = await namesOf(db, found.map((e) => e.answeredById));
  const byDistrict = new Map(found.map((e) => [e.districtId, e]));
  const rows: EstimateSheetRow[] = province.districts.map((d) => {
    const e = byDistrict.get(d.id);
    return { districtId: d.id, nameTh: d.nameTh, estimate: e ? viewOf(e, d.nameTh, e.answeredById === null ? null : (names.get(e.answeredById) ?? null), actual) : null };
  });
  const set = rows.flatMap((r) => (r.estimate ? [r.estimate] : []));
  const months = fiscalYearMonths(q.fy).filter((m) => set.some((e) => e.months.some((x) => x.month === m)));
  const byMonth = months.map((month) => {
    const of = set.flatMap((e) => e.months.filter((x) => x.month === month));
    const actualAll = province.districts.reduce((s, d) => s + (actual.get(`${d.id}/${month}`) ?? 0n), 0n);
    return { month, amount: of.reduce((s, x) => s + x.amount, 0n), effective: of.reduce((s, x) => s + x.effective, 0n), actual: actualAll };
  });
  const total = (f: (e: DistrictEstimateView) => bigint) => set.reduce((s, e) => s + f(e), 0n);
  return {
    fiscalYear: q.fy,
    province: { id: province.id, nameTh: province.nameTh },
    months,
    rows,
    byMonth,
    totals: { target: total((e) => e.target), actualToDate: total((e) => e.actualToDate), amount: total((e) => e.total), effective: total((e) => e.effectiveTotal) },
    counts: {
      certified: set.filter((e) => e.answer === 'CERTIFIED').length,
      corrected: set.filter((e) => e.answer === 'CORRECTED').length,
      pending: set.filter((e) => e.answer === 'PENDING').length,
      notSet: rows.length - set.length,
    },
  };
}

/** The district's estimate of `fy` as its officer (or its province) may see it; null when none is set. */
export async function districtEstimate(tx: Tx, actor: Actor, q: { fy: number; districtId: number }): Promise<DistrictEstimateView | null> {
  assertAllowed(actor, 'progress.view', await placeOfDistrict(tx, q.districtId));
  const e = await tx.districtEstimate.findUnique({ where: { fiscalYear_districtId: { fiscalYear: q.fy, districtId: q.districtId } }, include: { months: true, district: true } });
  if (!e) return null;
  const names = await namesOf(tx, [e.answeredById]);
  const actual = await actualsOf(tx, { districtId: q.districtId }, q.fy, viewerOf(actor));
  return viewOf(e, e.district.nameTh, e.answeredById === null ? null : (names.get(e.answeredById) ?? null), actual);
}

/** The province's sheet as an actor may see it (its province officer, its zone, the department). */
export async function provinceEstimates(tx: Tx, actor: Actor, q: { fy: number; provinceId: number }): Promise<EstimateSheet> {
  assertAllowed(actor, 'progress.view', await placeOfProvince(tx, q.provinceId));
  return estimateSheet(tx, { fy: q.fy, provinceId: q.provinceId, viewer: viewerOf(actor) });
}
