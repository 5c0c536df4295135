// Producer statement — one producer's months of a period in a fiscal year, for the producer itself: per month the four
// amounts, the total and where the figures stand (status, late). Only what the producer may see: its own entries, never
// drafts (a draft is not reported yet). Every month of the period gets a row ("ไม่มีรายงาน" when nothing was sent), so
// a gap shows. Sums per month in SQL.
import type { Tx } from '../../db/client.js';
import type { SalesStatus } from '../../db/generated/enums.js';
import type { ReportDocument, Row } from './document.js';
import { STATUS_TH } from '../catalog.js';
import { monthKeyFromDbDate, monthRange, type MonthKey } from '../fiscal-period.js';
import { formatMonthTh } from '../thai-format.js';
import { periodLabel, sqlBounds, type ReportPeriod } from './period.js';

/** Statuses a producer sees on its statement (everything it has sent). */
export const STATEMENT_STATUSES: readonly SalesStatus[] = ['SUBMITTED', 'RETURNED', 'DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED'];

export interface StatementMonth {
  month: MonthKey;
  amounts: [bigint, bigint, bigint, bigint];
  /** Distinct statuses of the month's entries (one per category), in workflow order. */
  statuses: SalesStatus[];
  late: boolean;
}

/** The producer's reported months in the period (months with no entry are absent). */
export async function statementMonths(tx: Tx, producerId: number, p: ReportPeriod): Promise<StatementMonth[]> {
  const b = sqlBounds(p);
  const rows = await tx.$queryRaw<{ month: Date; dOff: string; dOn: string; xOff: string; xOn: string; statuses: string[]; late: boolean }[]>`
    SELECT e."month",
      SUM(e."domesticOffline")::text AS "dOff", SUM(e."domesticOnline")::text AS "dOn",
      SUM(e."exportOffline")::text AS "xOff", SUM(e."exportOnline")::text AS "xOn",
      array_agg(DISTINCT e."status"::text) AS "statuses", bool_or(e."late") AS "late"
    FROM "SalesEntry" e
    WHERE e."producerId" = ${producerId} AND e."month" BETWEEN ${b.from}::date AND ${b.to}::date
      AND e."status"::text = ANY(${[...STATEMENT_STATUSES]}::text[])
    GROUP BY e."month" ORDER BY e."month"`;
  return rows.map((r) => ({
    month: monthKeyFromDbDate(r.month),
    amounts: [BigInt(r.dOff), BigInt(r.dOn), BigInt(r.xOff), BigInt(r.xOn)],
    statuses: STATEMENT_STATUSES.filter((s) => r.statuses.includes(s)),
    late: r.late,
  }));
}

const statusText = (m: StatementMonth) => m.statuses.map((s) => STATUS_TH[s]).join(', ') + (m.late ? ' (ส่งหลังกำหนด)' : '');

/** Builds the statement of one producer. */
export async function buildProducerStatement(tx: Tx, producerId: number, p: ReportPeriod): Promise<ReportDocument> {
  const producer = await tx.producer.findUniqueOrThrow({ where: { id: producerId }, include: { district: { include: { province: true } } } });
  const months = await statementMonths(tx, producerId, p);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const rows: Row[] = [];
  if (months.length) {
    for (const key of monthRange(p.from, p.to)) {
      const m = byMonth.get(key);
      rows.push(m
        ? { kind: 'body', cells: [formatMonthTh(key), ...m.amounts.map((money) => ({ money })), { money: m.amounts.reduce((s, v) => s + v, 0n) }, statusText(m)] }
        : { kind: 'body', cells: [formatMonthTh(key), null, null, null, null, null, 'ไม่มีรายงาน'] });
    }
    const col = (i: number) => months.reduce((s, m) => s + m.amounts[i]!, 0n);
    const sums = [0, 1, 2, 3].map(col);
    rows.push({ kind: 'total', cells: ['รวม', ...sums.map((money) => ({ money })), { money: sums.reduce((s, v) => s + v, 0n) }, ''] });
  }
  const d = producer.district;
  return {
    type: 'producer', formCode: '', orientation: 'landscape',
    title: [
      'รายงานยอดจำหน่ายของผู้ผลิต ผู้ประกอบการ OTOP',
      `${producer.name}  (รหัส ${producer.registrationCode})  อำเภอ${d.nameTh} จังหวัด${d.province.nameTh}`,
      `ปีงบประมาณ พ.ศ. ${p.fiscalYear}  ${periodLabel(p)}`,
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'เดือน', rowSpan: 2 }, { text: 'ยอดจำหน่ายในประเทศ (บาท)', colSpan: 2 }, { text: 'ยอดจำหน่ายต่างประเทศ (บาท)', colSpan: 2 },
          { text: 'รวม (บาท)', rowSpan: 2 }, { text: 'สถานะ', rowSpan: 2 }],
        [{ text: 'ออฟไลน์' }, { text: 'ออนไลน์' }, { text: 'ออฟไลน์' }, { text: 'ออนไลน์' }],
      ],
      columns: [
        { width: 12 }, ...Array.from({ length: 4 }, () => ({ width: 10, align: 'right' as const })),
        { width: 11, align: 'right', sumOfColumns: [1, 2, 3, 4] }, { width: 18, noTotal: true },
      ],
      rows,
    },
    notes: [
      'แสดงรายการที่ส่งแล้วทุกสถานะ (ไม่รวมรายการร่าง) ยอดที่ยังไม่ได้รับการยืนยันอาจเปลี่ยนแปลงได้',
      'ยอดที่นับในรายงานของอำเภอคือรายการที่อำเภอยืนยันแล้ว และในรายงานของจังหวัดขึ้นไปคือรายการที่จังหวัดยืนยันแล้ว',
    ],
    signature: null,
  };
}
