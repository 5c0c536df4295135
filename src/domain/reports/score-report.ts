// Target and score report of a province for a round: per district its tier thresholds, each month's sales, the
// round's total and the level it scores (or "ยังไม่ถึงค่าคะแนนระดับ 1"), a province row scored on the province's own
// target, and a bar-chart page (actual against each tier). Above the district only province-confirmed entries
// count. Sums per district × month in SQL; scoring by the targets API (loadTarget, standing).
import type { Tx } from '../../db/client.js';
import { compareMonths, fiscalRoundOf, monthStart, roundMonths, type MonthKey } from '../fiscal-period.js';
import { BELOW_LEVEL_ONE_TH, confirmedStatuses, loadTarget, standing, type ScoredTarget, type Standing, type TargetRoundName } from '../targets/index.js';
import { formatMonthTh } from '../thai-format.js';
import type { Cell, ReportDocument, Row } from './document.js';
import { notCountedNote } from './left-out.js';
import type { ReportPeriod } from './period.js';

const ROUND_TH: Record<TargetRoundName, string> = { FULL_YEAR: 'ทั้งปีงบประมาณ', ROUND_1: 'รอบที่ 1 (ตุลาคม–มีนาคม)', ROUND_2: 'รอบที่ 2 (เมษายน–กันยายน)' };

export interface ScoreLine {
  districtId: number;
  name: string;
  /** Satang per month of the round up to the period's last month (same order as `months`). */
  byMonth: bigint[];
  total: bigint;
}

/** Province-confirmed sales per district (every district, zero when none) and month of `months`. */
export async function scoreLines(tx: Tx, provinceId: number, months: MonthKey[]): Promise<ScoreLine[]> {
  const districts = await tx.district.findMany({ where: { provinceId }, orderBy: { id: 'asc' }, select: { id: true, nameTh: true } });
  if (months.length === 0) return districts.map((d) => ({ districtId: d.id, name: d.nameTh, byMonth: [], total: 0n }));
  const rows = await tx.$queryRaw<{ districtId: number; month: string; total: string }[]>`
    SELECT pr."districtId", to_char(e."month", 'YYYY-MM') AS "month",
      SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline")::text AS "total"
    FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId" JOIN "District" d ON d."id" = pr."districtId"
    WHERE d."provinceId" = ${provinceId} AND e."month" BETWEEN ${monthStart(months[0]!)}::date AND ${monthStart(months.at(-1)!)}::date
      AND e."status"::text = ANY(${confirmedStatuses('above-province')}::text[])
    GROUP BY pr."districtId", e."month"`;
  const cell = new Map(rows.map((r) => [`${r.districtId}/${r.month}`, BigInt(r.total)]));
  return districts.map((d) => {
    const byMonth = months.map((m) => cell.get(`${d.id}/${m}`) ?? 0n);
    return { districtId: d.id, name: d.nameTh, byMonth, total: byMonth.reduce((a, b) => a + b, 0n) };
  });
}

/** The round the report scores: the period's round when the province or one of its districts has a target for it, else the full year. */
async function roundFor(tx: Tx, provinceId: number, p: ReportPeriod): Promise<TargetRoundName> {
  const round = fiscalRoundOf(p.to);
  const n = await tx.target.count({
    where: { fiscalYear: p.fiscalYear, round, kind: 'SALES', OR: [{ provinceId }, { district: { provinceId } }] },
  });
  return n > 0 ? round : 'FULL_YEAR';
}

/** Printed across the tier columns of a unit with no target for the round. */
export const NO_TARGET_TH = 'ไม่มีค่าเป้าหมายของรอบนี้';

const levelText = (s: Standing | null): string => (!s ? 'ไม่มีเป้าหมาย' : s.reached || s.score !== null ? s.scoreLabel : BELOW_LEVEL_ONE_TH);

/** Builds the target and score report of a province for the round of the period's last month. */
export async function buildScoreReport(tx: Tx, provinceId: number, p: ReportPeriod): Promise<ReportDocument> {
  const province = await tx.province.findUniqueOrThrow({ where: { id: provinceId } });
  const round = await roundFor(tx, provinceId, p);
  const all = roundMonths(p.fiscalYear, round);
  const months = all.filter((m) => compareMonths(m, p.to) <= 0);
  const lines = await scoreLines(tx, provinceId, months);
  const score = (target: ScoredTarget | null, achieved: bigint) =>
    target ? standing({ target, achieved, monthsElapsed: months.length, monthsInRound: all.length }) : null;
  const targets = await Promise.all(lines.map((l) => loadTarget(tx, { districtId: l.districtId }, p.fiscalYear, round)));
  const standings = lines.map((l, i) => score(targets[i]!, l.total));
  const provinceTotal = lines.reduce((s, l) => s + l.total, 0n);
  const provinceStanding = score(await loadTarget(tx, { provinceId }, p.fiscalYear, round), provinceTotal);
  const sorted = (s: Standing | null) => (s ? [...s.target.tiers].sort((a, b) => a.order - b.order) : []);
  const tierCount = Math.max(1, ...[...standings, provinceStanding].map((s) => sorted(s).length));
  // a unit without a target of the round: one line across the tier columns, not a row of empty tiers
  const tiers = (s: Standing | null): Cell[] => !s
    ? [{ text: NO_TARGET_TH, span: tierCount }, ...Array.from({ length: tierCount - 1 }, () => null)]
    : Array.from({ length: tierCount }, (_, i) => {
      const t = sorted(s)[i];
      return t ? { money: t.threshold } : '-';
    });
  const labels = sorted([...standings, provinceStanding].find((s) => sorted(s).length === tierCount) ?? null).map((t) => t.label);
  const tierLabels = labels.length ? labels : Array.from({ length: tierCount }, (_, i) => `ระดับ ${i + 1}`);

  const anything = lines.some((l) => l.total !== 0n) || standings.some((s) => s) || provinceStanding !== null;
  const rows: Row[] = anything ? lines.map((l, i) => ({
    kind: 'body',
    cells: [{ int: i + 1 }, l.name, ...tiers(standings[i]!), ...l.byMonth.map((v) => ({ money: v })), { money: l.total }, levelText(standings[i]!)],
  })) : [];
  const sumMonth = (k: number) => lines.reduce((s, l) => s + l.byMonth[k]!, 0n);
  if (anything) {
    rows.push({ kind: 'total', cells: ['', `รวมจังหวัด${province.nameTh}`, ...tiers(provinceStanding), ...months.map((_, k) => ({ money: sumMonth(k) })),
      { money: provinceTotal }, levelText(provinceStanding)] });
  }
  const monthColumn = months.length > 6 ? 8 : 9;
  return {
    type: 'score', formCode: '', orientation: 'landscape',
    title: [
      'รายงานผลการจำหน่ายผลิตภัณฑ์ OTOP เทียบค่าเป้าหมายตามระดับคะแนน',
      `จังหวัด${province.nameTh}  ปีงบประมาณ พ.ศ. ${p.fiscalYear}  ${ROUND_TH[round]}`,
      months.length ? `ยอดจำหน่ายที่ยืนยันแล้ว ${formatMonthTh(months[0]!)} ถึง ${formatMonthTh(months.at(-1)!)}` : 'ยังไม่มีเดือนของรอบนี้',
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 2 }, { text: 'อำเภอ', rowSpan: 2 }, { text: 'ค่าเป้าหมายตามระดับคะแนน (บาท)', colSpan: tierCount },
          ...(months.length ? [{ text: 'ยอดจำหน่ายรายเดือน (บาท)', colSpan: months.length }] : []),
          { text: 'รวม (บาท)', rowSpan: 2 }, { text: 'ระดับที่ได้', rowSpan: 2 }],
        [...tierLabels.map((text) => ({ text })), ...months.map((m) => ({ text: formatMonthTh(m, { short: true }) }))],
      ],
      columns: [
        { width: 3, align: 'center' }, { width: 13 },
        ...Array.from({ length: tierCount }, () => ({ width: 10, align: 'right' as const, noTotal: true })),
        ...months.map(() => ({ width: monthColumn, align: 'right' as const })),
        { width: 10, align: 'right', sumOfColumns: months.map((_, k) => 2 + tierCount + k) },
        { width: 13, align: 'center' },
      ],
      rows,
    },
    notes: [
      await notCountedNote(tx, { provinceId }, p),
      'ระดับที่ได้วัดจากยอดรวมของเดือนในรอบจนถึงเดือนที่รายงาน ถึงค่าเป้าหมายเมื่อยอดไม่น้อยกว่าค่าเป้าหมาย แถวจังหวัดเทียบกับค่าเป้าหมายของจังหวัดเอง',
    ],
    signature: { role: 'ผู้รายงาน', name: null, position: `พัฒนาการจังหวัด${province.nameTh}`, date: null },
    chart: anything ? {
      kind: 'bar-chart',
      title: `ยอดจำหน่ายเทียบค่าเป้าหมายรายอำเภอ จังหวัด${province.nameTh} (${ROUND_TH[round]})`,
      groups: lines.map((l, i) => ({ label: l.name, actual: l.total, tiers: sorted(standings[i]!).map((t) => t.threshold) })),
      tierLabels,
    } : undefined,
  };
}
