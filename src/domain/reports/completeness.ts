// Completeness and timeliness — per district of a province: producers expected (expectedProducers, the one rule),
// how many reported, how many of those on time or late against the entry due date, and whether the district confirmed
// its month by the district due date (deadlines.ts: department calendar, province override). Counts are
// producer-months over the period, computed in SQL one month at a time (the expected set and the due dates are per month).
import type { Tx } from '../../db/client.js';
import type { Cell, ReportDocument, Row } from './document.js';
import { dueDates } from '../deadlines.js';
import { monthRange, monthStart, type DayKey, type MonthKey } from '../fiscal-period.js';
import { expectedProducersSql } from '../registry/expected.js';
import { formatDayTh } from '../thai-format.js';
import { DISTRICT_COUNTED, DISTRICT_PENDING, periodLabel, type ReportPeriod } from './period.js';

export interface CompletenessLine {
  districtId: number;
  name: string;
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  /** Months of the period the district confirmed completely by its due date / at all. */
  confirmedOnTime: number;
  confirmed: number;
}

/** The end of a Bangkok calendar day: submissions before this instant are on time for a due day. */
const endOfDay = (day: DayKey): Date => new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000);

/** One month of the province, per district. A producer is on time when its first submission of the month was. */
async function monthLines(tx: Tx, provinceId: number, month: MonthKey): Promise<CompletenessLine[]> {
  const due = await dueDates(tx, month, provinceId);
  const rows = await tx.$queryRaw<{ districtId: number; name: string; expected: number; reported: number; onTime: number; pending: number; confirmed: number; lastConfirm: Date | null }[]>`
    WITH per_producer AS (
      SELECT p."id", p."districtId",
        MIN(COALESCE(e."submittedAt", e."createdAt")) AS "firstSent",
        COUNT(e."id") FILTER (WHERE e."status"::text = ANY(${[...DISTRICT_PENDING]}::text[])) AS "pending",
        COUNT(e."id") FILTER (WHERE e."status"::text = ANY(${[...DISTRICT_COUNTED]}::text[])) AS "confirmed",
        MAX(e."districtConfirmedAt") AS "lastConfirm"
      FROM "Producer" p JOIN "District" d ON d."id" = p."districtId"
        LEFT JOIN "SalesEntry" e ON e."producerId" = p."id" AND e."month" = ${monthStart(month)}::date AND e."status"::text <> 'DRAFT'
      WHERE d."provinceId" = ${provinceId} AND ${expectedProducersSql(month, 'p')}
      GROUP BY p."id", p."districtId"
    )
    SELECT d."id" AS "districtId", d."nameTh" AS "name",
      COUNT(x."id")::int AS "expected",
      COUNT(x."firstSent")::int AS "reported",
      COUNT(x."firstSent") FILTER (WHERE x."firstSent" < ${endOfDay(due.entryDue)})::int AS "onTime",
      COALESCE(SUM(x."pending"), 0)::int AS "pending",
      COALESCE(SUM(x."confirmed"), 0)::int AS "confirmed",
      MAX(x."lastConfirm") AS "lastConfirm"
    FROM "District" d LEFT JOIN per_producer x ON x."districtId" = d."id"
    WHERE d."provinceId" = ${provinceId}
    GROUP BY d."id", d."nameTh" ORDER BY d."id"`;
  const deadline = endOfDay(due.districtConfirmDue);
  return rows.map((r) => {
    const confirmed = r.reported > 0 && r.pending === 0 && r.confirmed > 0;
    return {
      districtId: Number(r.districtId), name: r.name, expected: r.expected, reported: r.reported, onTime: r.onTime,
      late: r.reported - r.onTime, confirmed: confirmed ? 1 : 0,
      confirmedOnTime: confirmed && r.lastConfirm !== null && r.lastConfirm < deadline ? 1 : 0,
    };
  });
}

/** Per district, summed over the months of the period. */
export async function completenessLines(tx: Tx, provinceId: number, p: ReportPeriod): Promise<CompletenessLine[]> {
  const byDistrict = new Map<number, CompletenessLine>();
  for (const month of monthRange(p.from, p.to)) {
    for (const l of await monthLines(tx, provinceId, month)) {
      const acc = byDistrict.get(l.districtId);
      if (!acc) { byDistrict.set(l.districtId, l); continue; }
      for (const k of ['expected', 'reported', 'onTime', 'late', 'confirmed', 'confirmedOnTime'] as const) acc[k] += l[k];
    }
  }
  return [...byDistrict.values()];
}

const pct = (part: number, whole: number): Cell => ({ tenthsPercent: whole ? (BigInt(part) * 1000n + BigInt(whole) / 2n) / BigInt(whole) : null });

function confirmText(l: CompletenessLine, months: number): string {
  if (months === 1) return l.confirmedOnTime ? 'ตรงเวลา' : l.confirmed ? 'ล่าช้า' : 'ยังไม่ยืนยัน';
  return `ตรงเวลา ${l.confirmedOnTime} จาก ${months} เดือน`;
}

/** Builds the completeness and timeliness report of a province. */
export async function buildCompleteness(tx: Tx, provinceId: number, p: ReportPeriod): Promise<ReportDocument> {
  const province = await tx.province.findUniqueOrThrow({ where: { id: provinceId } });
  const lines = await completenessLines(tx, provinceId, p);
  const months = monthRange(p.from, p.to);
  const cells = (l: CompletenessLine): Cell[] => [
    { int: l.expected }, { int: l.reported }, { int: l.onTime }, { int: l.late },
    pct(l.reported, l.expected), pct(l.onTime, l.expected), confirmText(l, months.length),
  ];
  const sum = lines.reduce((a, l) => {
    for (const k of ['expected', 'reported', 'onTime', 'late', 'confirmed', 'confirmedOnTime'] as const) a[k] += l[k];
    return a;
  }, { districtId: 0, name: '', expected: 0, reported: 0, onTime: 0, late: 0, confirmed: 0, confirmedOnTime: 0 });
  const rows: Row[] = sum.expected ? lines.map((l, i) => ({ kind: 'body', cells: [{ int: i + 1 }, l.name, ...cells(l)] })) : [];
  if (sum.expected) rows.push({ kind: 'total', cells: ['', `รวมจังหวัด${province.nameTh}`, ...cells(sum).slice(0, 6),
    `ตรงเวลา ${sum.confirmedOnTime} จาก ${lines.length * months.length}`] });
  const due = await dueDates(tx, p.to, provinceId);
  return {
    type: 'completeness', formCode: '', orientation: 'landscape',
    title: [
      'รายงานความครบถ้วนและความตรงเวลาของการรายงานยอดจำหน่าย OTOP',
      `ปีงบประมาณ พ.ศ. ${p.fiscalYear}  จังหวัด${province.nameTh}`,
      periodLabel(p),
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 2 }, { text: 'อำเภอ', rowSpan: 2 }, { text: 'ผู้ผลิตที่ต้องรายงาน', rowSpan: 2 },
          { text: 'รายงานแล้ว', colSpan: 3 }, { text: 'ร้อยละ', colSpan: 2 }, { text: 'อำเภอยืนยันภายในกำหนด', rowSpan: 2 }],
        [{ text: 'รวม' }, { text: 'ตรงเวลา' }, { text: 'ล่าช้า' }, { text: 'ความครบถ้วน' }, { text: 'ความตรงเวลา' }],
      ],
      columns: [
        { width: 3, align: 'center' }, { width: 14 }, ...Array.from({ length: 4 }, () => ({ width: 7, align: 'right' as const })),
        { width: 8, align: 'right' }, { width: 8, align: 'right' }, { width: 12, align: 'center' },
      ],
      rows,
    },
    notes: [
      'ผู้ผลิตที่ต้องรายงาน: ผู้ผลิตที่ขึ้นทะเบียนอยู่ หรือออกจากทะเบียนในเดือนนั้นหรือหลังจากนั้น (นับเป็นผู้ผลิต-เดือน) ไม่นับรายการร่าง',
      `ตรงเวลา: ส่งครั้งแรกภายในกำหนดส่งของเดือน (${formatDayTh(due.entryDue)} สำหรับ${periodLabel({ ...p, from: p.to }).replace('ประจำ', '')}) ` +
        `อำเภอยืนยันภายในกำหนด: ไม่มีรายการรอยืนยันและยืนยันครั้งสุดท้ายภายใน ${formatDayTh(due.districtConfirmDue)}`,
    ],
    signature: null,
  };
}
