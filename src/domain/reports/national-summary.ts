// Zone and national summary (the layout of the department's fiscal-2561 national table): per province, grouped by
// zone with a "รวม" row per zone and "รวมทั้งหมด", the baseline, the target, the period, the fiscal year to date,
// growth over the same months of the previous fiscal year, and the level reached on the province's target. Only
// province-confirmed entries exist above the province (visibility.ts); one SQL GROUP BY per province does the sums.
import type { Tx } from '../../db/client.js';
import { addMonths, fiscalRoundOf, fiscalYearMonths, monthStart, roundMonths } from '../fiscal-period.js';
import { scoreOf, tierOf, type ScoredTarget } from '../targets/index.js';
import { formatMonthTh } from '../thai-format.js';
import { visibleEntriesSql } from '../visibility.js';
import type { Cell, ReportDocument, Row } from './document.js';
import { notCountedNote } from './left-out.js';
import { periodLabel, type ReportPeriod } from './period.js';

const ABOVE_PROVINCE = { role: 'DEPARTMENT_ADMIN' } as const;

export interface SummaryLine {
  provinceId: number;
  name: string;
  zoneId: number;
  zoneName: string;
  period: bigint;
  yearToDate: bigint;
  roundToDate: bigint;
  /** The same months of the previous fiscal year. */
  previousYearToDate: bigint;
}

/** Province-confirmed sums per province (every province of the area, zero when none), zone order. */
export async function summaryLines(tx: Tx, zoneId: number | null, p: ReportPeriod): Promise<SummaryLine[]> {
  const fy = fiscalYearMonths(p.fiscalYear);
  const roundStart = fiscalRoundOf(p.to) === 'ROUND_2' ? fy[6]! : fy[0]!;
  const [prevStart, prevTo] = [monthStart(addMonths(fy[0]!, -12)), monthStart(addMonths(p.to, -12))];
  const rows = await tx.$queryRaw<{ provinceId: number; name: string; zoneId: number; zoneName: string; period: string; ytd: string; rtd: string; prev: string }[]>`
    SELECT pv."id" AS "provinceId", pv."nameTh" AS "name", z."id" AS "zoneId", z."nameTh" AS "zoneName",
      COALESCE(s."period", 0)::text AS "period", COALESCE(s."ytd", 0)::text AS "ytd",
      COALESCE(s."rtd", 0)::text AS "rtd", COALESCE(s."prev", 0)::text AS "prev"
    FROM "Province" pv JOIN "Zone" z ON z."id" = pv."zoneId" LEFT JOIN (
      SELECT d."provinceId",
        SUM(x.amount) FILTER (WHERE x."month" BETWEEN ${monthStart(p.from)}::date AND ${monthStart(p.to)}::date) AS "period",
        SUM(x.amount) FILTER (WHERE x."month" BETWEEN ${monthStart(fy[0]!)}::date AND ${monthStart(p.to)}::date) AS "ytd",
        SUM(x.amount) FILTER (WHERE x."month" BETWEEN ${monthStart(roundStart)}::date AND ${monthStart(p.to)}::date) AS "rtd",
        SUM(x.amount) FILTER (WHERE x."month" BETWEEN ${prevStart}::date AND ${prevTo}::date) AS "prev"
      FROM (
        SELECT e."producerId", e."month", e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline" AS amount
        FROM "SalesEntry" e
        WHERE (e."month" BETWEEN ${monthStart(fy[0]!)}::date AND ${monthStart(p.to)}::date OR e."month" BETWEEN ${prevStart}::date AND ${prevTo}::date)
          AND ${visibleEntriesSql(ABOVE_PROVINCE)}
      ) x JOIN "Producer" pr ON pr."id" = x."producerId" JOIN "District" d ON d."id" = pr."districtId"
      GROUP BY d."provinceId"
    ) s ON s."provinceId" = pv."id"
    WHERE ${zoneId}::int IS NULL OR pv."zoneId" = ${zoneId}::int
    ORDER BY z."id", pv."id"`;
  return rows.map((r) => ({
    provinceId: Number(r.provinceId), name: r.name, zoneId: Number(r.zoneId), zoneName: r.zoneName,
    period: BigInt(r.period), yearToDate: BigInt(r.ytd), roundToDate: BigInt(r.rtd), previousYearToDate: BigInt(r.prev),
  }));
}

/** Every province SALES target of the fiscal year, by province and round, ready to score (one query). */
async function provinceTargets(tx: Tx, fiscalYear: number): Promise<Map<string, ScoredTarget>> {
  const rows = await tx.target.findMany({
    where: { fiscalYear, kind: 'SALES', provinceId: { not: null }, districtId: null },
    include: { levels: { orderBy: { level: 'asc' } } },
  });
  return new Map(rows.map((t) => [`${t.provinceId}/${t.round}`, {
    kind: t.kind, fiscalYear: t.fiscalYear, round: t.round, baseline: t.baseline, baselineFiscalYear: t.baselineFiscalYear,
    tiers: t.levels.map((l) => tierOf(t, l)), floorScore: t.floorScore, floorLabel: t.floorLabel,
  }]));
}

/** Growth in tenths of a percent, half away from zero; null without a base. */
export function growthTenths(now: bigint, base: bigint): bigint | null {
  if (base <= 0n) return null;
  const n = (now - base) * 1000n;
  return n >= 0n ? (2n * n + base) / (2n * base) : -((-2n * n + base) / (2n * base));
}

/** Builds the summary of a zone (zoneId) or of the whole country (null). */
export async function buildNationalSummary(tx: Tx, zoneId: number | null, p: ReportPeriod): Promise<ReportDocument> {
  const lines = await summaryLines(tx, zoneId, p);
  const targets = await provinceTargets(tx, p.fiscalYear);
  const history = new Map((await tx.historicalSales.findMany({
    where: { fiscalYear: p.fiscalYear - 1, round: 'FULL_YEAR', provinceId: { not: null }, districtId: null },
  })).map((h) => [h.provinceId!, h.amount]));
  const round = fiscalRoundOf(p.to);
  const roundMonthCount = roundMonths(p.fiscalYear, round).length;

  const rows: Row[] = [];
  // baseline and target sums stay null (blank) while no province of the group has one
  type Acc = { baseline: bigint | null; target: bigint | null; period: bigint; ytd: bigint; prev: bigint };
  const empty = (): Acc => ({ baseline: null, target: null, period: 0n, ytd: 0n, prev: 0n });
  const add = (a: bigint | null, b: bigint | null) => (a === null ? b : b === null ? a : a + b);
  const sum = empty();
  let zone = empty();
  const money = (v: bigint | null): Cell => (v === null ? null : { money: v });
  const closeZone = (name: string) => {
    rows.push({ kind: 'subtotal', cells: ['', `รวม${name}`, money(zone.baseline), money(zone.target), money(zone.period), money(zone.ytd),
      money(zone.prev), { tenthsPercent: growthTenths(zone.ytd, zone.prev) }, ''] });
    zone = empty();
  };
  const anySales = lines.some((l) => l.yearToDate !== 0n); // a year with nothing confirmed yet is an empty report
  lines.forEach((l, i) => {
    if (!anySales) return;
    if (i === 0 || lines[i - 1]!.zoneId !== l.zoneId) {
      if (i > 0) closeZone(lines[i - 1]!.zoneName);
      rows.push({ kind: 'group', cells: [l.zoneName] });
    }
    const target = targets.get(`${l.provinceId}/${round}`) ?? targets.get(`${l.provinceId}/FULL_YEAR`) ?? null;
    const baseline = target?.baseline ?? history.get(l.provinceId) ?? null;
    const top = target?.tiers.reduce<bigint | null>((m, t) => (m === null || t.threshold > m ? t.threshold : m), null) ?? null;
    const achieved = target?.round === 'FULL_YEAR' ? l.yearToDate : l.roundToDate;
    const level = target ? scoreOf(target, achieved).scoreLabel : 'ไม่มีเป้าหมาย';
    for (const acc of [zone, sum]) {
      acc.baseline = add(acc.baseline, baseline); acc.target = add(acc.target, top);
      acc.period += l.period; acc.ytd += l.yearToDate; acc.prev += l.previousYearToDate;
    }
    rows.push({ kind: 'body', cells: [{ int: i + 1 }, l.name, money(baseline), money(top), money(l.period), money(l.yearToDate),
      money(l.previousYearToDate), { tenthsPercent: growthTenths(l.yearToDate, l.previousYearToDate) }, level] });
  });
  if (anySales) {
    closeZone(lines.at(-1)!.zoneName);
    rows.push({ kind: 'total', cells: ['', zoneId === null ? 'รวมทั้งหมด' : `รวม${lines[0]!.zoneName}`, money(sum.baseline), money(sum.target),
      money(sum.period), money(sum.ytd), money(sum.prev), { tenthsPercent: growthTenths(sum.ytd, sum.prev) }, ''] });
  }
  const silent = lines.filter((l) => l.period === 0n).map((l) => l.name);
  const area = zoneId === null ? 'ทั่วประเทศ' : (lines[0]?.zoneName ?? `เขต ${zoneId}`);
  return {
    type: 'summary', formCode: '', orientation: 'landscape',
    title: [
      `สรุปผลการจำหน่ายผลิตภัณฑ์ OTOP รายจังหวัด แยกตามเขต (${area})`,
      `ประจำปีงบประมาณ พ.ศ. ${p.fiscalYear}  ${periodLabel(p)}`,
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 2 }, { text: 'จังหวัด/เขต', rowSpan: 2 }, { text: `ฐานยอดจำหน่าย ปี ${p.fiscalYear - 1}`, rowSpan: 2 },
          { text: `เป้าหมาย ปี ${p.fiscalYear}`, rowSpan: 2 }, { text: 'ยอดจำหน่ายที่จังหวัดยืนยัน (บาท)', colSpan: 3 },
          { text: 'เพิ่มขึ้น/ลดลง', rowSpan: 2 }, { text: 'ระดับที่ได้', rowSpan: 2 }],
        [{ text: periodLabel(p).replace('ประจำเดือน ', '') }, { text: `สะสมถึง ${formatMonthTh(p.to)}` }, { text: `ช่วงเดียวกัน ปี ${p.fiscalYear - 1}` }],
      ],
      columns: [
        { width: 3, align: 'center' }, { width: 10 }, { width: 11, align: 'right' }, { width: 11, align: 'right' },
        { width: 10, align: 'right' }, { width: 10, align: 'right' }, { width: 10, align: 'right' }, { width: 6, align: 'right' },
        { width: 17, align: 'center' },
      ],
      rows,
    },
    notes: [
      await notCountedNote(tx, zoneId === null ? {} : { zoneId }, p),
      `เพิ่มขึ้น/ลดลง: ยอดสะสมเทียบกับเดือนเดียวกันของปีงบประมาณ ${p.fiscalYear - 1} เป้าหมาย คือ ค่าเป้าหมายระดับสูงสุดของจังหวัด ` +
        `ระดับที่ได้วัดจากยอดของรอบ (รอบละ ${roundMonthCount} เดือน) เมื่อจังหวัดมีเป้าหมายรายรอบ หรือยอดสะสมทั้งปีเมื่อมีเป้าหมายทั้งปี`,
      silent.length ? `จังหวัดที่ยังไม่มียอดที่ยืนยันแล้วในช่วงที่รายงาน ${silent.length} จังหวัด: ${silent.join(' ')}` : 'ทุกจังหวัดมียอดที่ยืนยันแล้วในช่วงที่รายงาน',
    ],
    signature: null,
  };
}
