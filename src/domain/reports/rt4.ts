// รต.4 — a province by district: the period's sales, the fiscal year to date, the district's target tiers and the
// level reached, and a province row. Only province-confirmed entries count. Sums in SQL; targets and standing from
// progress.ts (targetFor/standing: a round target when one exists, measured round to date, else the full year).
import type { Tx } from '../../db/client.js';
import type { Cell, ReportDocument, Row } from './document.js';
import { fiscalRoundOf, fiscalYearMonths, monthStart } from '../fiscal-period.js';
import { standing, targetFor, type TargetStanding } from '../progress.js';
import { formatMonthTh } from '../thai-format.js';
import { notCountedNote } from './left-out.js';
import { ABOVE_DISTRICT_COUNTED, periodLabel, sqlBounds, type ReportPeriod } from './period.js';

export interface Rt4Line {
  districtId: number;
  name: string;
  period: bigint;
  yearToDate: bigint;
  roundToDate: bigint;
}

/** Per district of the province (every district, zero when none): period, fiscal year to date, round to date. */
export async function rt4Lines(tx: Tx, provinceId: number, p: ReportPeriod): Promise<Rt4Line[]> {
  const b = sqlBounds(p);
  const roundStart = monthStart(fiscalRoundOf(p.to) === 'ROUND_2' ? fiscalYearMonths(p.fiscalYear)[6]! : fiscalYearMonths(p.fiscalYear)[0]!);
  const rows = await tx.$queryRaw<{ districtId: number; name: string; period: string; ytd: string; rtd: string }[]>`
    SELECT d."id" AS "districtId", d."nameTh" AS "name",
      COALESCE(SUM(x.amount) FILTER (WHERE x."month" >= ${b.from}::date), 0)::text AS "period",
      COALESCE(SUM(x.amount), 0)::text AS "ytd",
      COALESCE(SUM(x.amount) FILTER (WHERE x."month" >= ${roundStart}::date), 0)::text AS "rtd"
    FROM "District" d LEFT JOIN (
      SELECT pr."districtId", e."month", e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline" AS amount
      FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId"
      WHERE e."month" BETWEEN ${b.fyStart}::date AND ${b.to}::date AND e."status"::text = ANY(${[...ABOVE_DISTRICT_COUNTED]}::text[])
    ) x ON x."districtId" = d."id"
    WHERE d."provinceId" = ${provinceId}
    GROUP BY d."id", d."nameTh" ORDER BY d."id"`;
  return rows.map((r) => ({ districtId: Number(r.districtId), name: r.name, period: BigInt(r.period), yearToDate: BigInt(r.ytd), roundToDate: BigInt(r.rtd) }));
}

const levelText = (s: TargetStanding | null): string =>
  !s ? 'ไม่มีเป้าหมาย' : s.reached ? `${s.reached.label} (ระดับ ${s.reached.level})` : 'ยังไม่ถึงค่าคะแนนระดับ 1';

async function standingFor(tx: Tx, unit: { provinceId: number } | { districtId: number }, p: ReportPeriod, ytd: bigint, rtd: bigint) {
  const t = await targetFor(tx, unit, p.to);
  return t ? standing(t, t.round === 'FULL_YEAR' ? ytd : rtd) : null;
}

/** Builds รต.4 for a province. */
export async function buildRt4(tx: Tx, provinceId: number, p: ReportPeriod): Promise<ReportDocument> {
  const province = await tx.province.findUniqueOrThrow({ where: { id: provinceId } });
  const lines = await rt4Lines(tx, provinceId, p);
  const standings = await Promise.all(lines.map((l) => standingFor(tx, { districtId: l.districtId }, p, l.yearToDate, l.roundToDate)));
  const sum = (f: (l: Rt4Line) => bigint) => lines.reduce((s, l) => s + f(l), 0n);
  const provinceStanding = await standingFor(tx, { provinceId }, p, sum((l) => l.yearToDate), sum((l) => l.roundToDate));
  const tierCount = Math.max(1, ...[...standings, provinceStanding].map((s) => s?.levels.length ?? 0));
  const tiers = (s: TargetStanding | null): Cell[] =>
    Array.from({ length: tierCount }, (_, i) => (s?.levels[i] ? { money: s.levels[i]!.threshold } : '-'));
  const anySales = lines.some((l) => l.yearToDate !== 0n);
  const rows: Row[] = anySales ? lines.map((l, i) => ({
    kind: 'body',
    cells: [{ int: i + 1 }, l.name, { money: l.period }, { money: l.yearToDate }, ...tiers(standings[i]!), levelText(standings[i]!)],
  })) : [];
  if (anySales) rows.push({ kind: 'total', cells: ['', `รวมจังหวัด${province.nameTh}`, { money: sum((l) => l.period) }, { money: sum((l) => l.yearToDate) }, ...tiers(provinceStanding), levelText(provinceStanding)] });
  const labels = [...standings, provinceStanding].find((s) => s && s.levels.length === tierCount)?.levels.map((l) => l.label)
    ?? Array.from({ length: tierCount }, (_, i) => `ระดับ ${i + 1}`);
  const roundNote = 'เป้าหมายรายรอบวัดจากยอดสะสมของรอบ เป้าหมายทั้งปีวัดจากยอดสะสมตั้งแต่ต้นปีงบประมาณ';
  return {
    type: 'rt4', formCode: 'รต.4', orientation: 'landscape',
    title: [
      'แบบรายงานข้อมูลผลการจำหน่ายผลิตภัณฑ์หนึ่งตำบล หนึ่งผลิตภัณฑ์ แยกรายอำเภอ',
      `ประจำปีงบประมาณ พ.ศ. ${p.fiscalYear}  จังหวัด${province.nameTh}`,
      periodLabel(p),
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 2 }, { text: 'อำเภอ', rowSpan: 2 }, { text: 'ยอดจำหน่าย (บาท)', colSpan: 2 },
          { text: 'ค่าเป้าหมายตามระดับคะแนน (บาท)', colSpan: tierCount }, { text: 'ระดับที่ได้', rowSpan: 2 }],
        [{ text: periodLabel(p).replace('ประจำเดือน ', '') }, { text: `สะสมถึง ${formatMonthTh(p.to)}` }, ...labels.map((text) => ({ text }))],
      ],
      columns: [
        { width: 3, align: 'center' }, { width: 12 }, { width: 10, align: 'right' }, { width: 10, align: 'right' },
        ...Array.from({ length: tierCount }, () => ({ width: 9, align: 'right' as const, noTotal: true })), { width: 12, align: 'center' },
      ],
      rows,
    },
    notes: [await notCountedNote(tx, { provinceId }, p), roundNote],
    signature: { role: 'ผู้รายงาน', name: null, position: `พัฒนาการจังหวัด${province.nameTh}`, date: null },
  };
}
