// รต.2 — the district's monthly report, signed by the district development officer: one row per producer ×
// category with the category and producer-type marks, the four amounts and the total; a subtotal per category; only
// district-confirmed entries, with a note of how many entries are still unconfirmed. Aggregated in SQL.
import type { Tx } from '../../db/client.js';
import type { ProducerType, ProductCategory } from '../../db/generated/enums.js';
import type { ReportDocument, Row } from './document.js';
import { CATEGORIES, CATEGORY_TH, PRODUCER_TYPE_SHORT_TH } from '../catalog.js';
import { formatBaht } from '../thai-format.js';
import { DISTRICT_COUNTED, DISTRICT_PENDING, periodLabel, sqlBounds, type ReportPeriod } from './period.js';

const TYPES: ProducerType[] = ['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME'];

export interface Rt2Line {
  producerName: string;
  category: ProductCategory;
  type: ProducerType;
  domesticOffline: bigint;
  domesticOnline: bigint;
  exportOffline: bigint;
  exportOnline: bigint;
}

/** The lines of the district's report for the period (SQL GROUP BY producer × category). */
export async function rt2Lines(tx: Tx, districtId: number, p: ReportPeriod): Promise<Rt2Line[]> {
  const b = sqlBounds(p);
  const rows = await tx.$queryRaw<(Omit<Rt2Line, 'domesticOffline' | 'domesticOnline' | 'exportOffline' | 'exportOnline'> & Record<string, string>)[]>`
    SELECT pr."name" AS "producerName", e."category"::text AS "category", pr."type"::text AS "type",
      SUM(e."domesticOffline")::text AS "domesticOffline", SUM(e."domesticOnline")::text AS "domesticOnline",
      SUM(e."exportOffline")::text AS "exportOffline", SUM(e."exportOnline")::text AS "exportOnline"
    FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId"
    WHERE pr."districtId" = ${districtId} AND e."month" BETWEEN ${b.from}::date AND ${b.to}::date
      AND e."status"::text = ANY(${[...DISTRICT_COUNTED]}::text[])
    GROUP BY pr."id", pr."name", e."category", pr."type"
    ORDER BY array_position(ARRAY['FOOD','DRINK','TEXTILE','HOUSEHOLD','HERBAL'], e."category"::text), pr."name", pr."id"`;
  return rows.map((r) => ({
    producerName: r.producerName, category: r.category as ProductCategory, type: r.type as ProducerType,
    domesticOffline: BigInt(r.domesticOffline!), domesticOnline: BigInt(r.domesticOnline!),
    exportOffline: BigInt(r.exportOffline!), exportOnline: BigInt(r.exportOnline!),
  }));
}

/** Entries of the district in the period that the district has not confirmed: count and amount. */
export async function districtPending(tx: Tx, districtId: number, p: ReportPeriod): Promise<{ count: number; total: bigint }> {
  const b = sqlBounds(p);
  const [r] = await tx.$queryRaw<{ count: number; total: string }[]>`
    SELECT COUNT(*)::int AS "count",
      COALESCE(SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline"), 0)::text AS "total"
    FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId"
    WHERE pr."districtId" = ${districtId} AND e."month" BETWEEN ${b.from}::date AND ${b.to}::date
      AND e."status"::text = ANY(${[...DISTRICT_PENDING]}::text[])`;
  return { count: r!.count, total: BigInt(r!.total) };
}

const amounts = (l: Pick<Rt2Line, 'domesticOffline' | 'domesticOnline' | 'exportOffline' | 'exportOnline'>) =>
  [l.domesticOffline, l.domesticOnline, l.exportOffline, l.exportOnline];
const sumLines = (ls: Rt2Line[]) => [0, 1, 2, 3].map((i) => ls.reduce((s, l) => s + amounts(l)[i]!, 0n));
const moneyCells = (a: bigint[]) => [...a, a.reduce((s, v) => s + v, 0n)].map((money) => ({ money }));

/** Builds the รต.2 document for a district. */
export async function buildRt2(tx: Tx, districtId: number, p: ReportPeriod): Promise<ReportDocument> {
  const d = await tx.district.findUniqueOrThrow({ where: { id: districtId }, include: { province: true } });
  const lines = await rt2Lines(tx, districtId, p);
  const pending = await districtPending(tx, districtId, p);
  const rows: Row[] = [];
  let n = 0;
  for (const cat of CATEGORIES) {
    const ls = lines.filter((l) => l.category === cat);
    if (!ls.length) continue;
    for (const l of ls) {
      rows.push({ kind: 'body', cells: [
        { int: ++n }, l.producerName, ...CATEGORIES.map((c) => ({ mark: c === cat })),
        ...TYPES.map((t) => ({ mark: t === l.type })), ...moneyCells(amounts(l)),
      ] });
    }
    rows.push({ kind: 'subtotal', cells: ['', `รวม${CATEGORY_TH[cat]}`, ...Array(8).fill(null), ...moneyCells(sumLines(ls))] });
  }
  if (lines.length) rows.push({ kind: 'total', cells: ['', 'รวมทั้งสิ้น', ...Array(8).fill(null), ...moneyCells(sumLines(lines))] });
  const notes = [
    'นับเฉพาะรายการที่อำเภอยืนยันแล้ว (รวมรายการที่จังหวัดยืนยันแล้ว)',
    pending.count
      ? `ไม่รวมรายการที่ยังไม่ได้ยืนยัน ${pending.count} รายการ ยอด ${formatBaht(pending.total, { decimals: 2 })} บาท (รอยืนยันหรือส่งกลับแก้ไข)`
      : 'ไม่มีรายการที่รอการยืนยัน',
  ];
  return {
    type: 'rt2', formCode: 'รต.2', orientation: 'landscape',
    title: [
      'แบบรายงานข้อมูลผลการจำหน่ายผลิตภัณฑ์หนึ่งตำบล หนึ่งผลิตภัณฑ์ OTOP',
      `ปีงบประมาณ พ.ศ. ${p.fiscalYear}  จังหวัด${d.province.nameTh}  อำเภอ${d.nameTh}`,
      periodLabel(p),
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 2 }, { text: 'ชื่อกลุ่ม / ผู้ผลิต ผู้ประกอบการ OTOP', rowSpan: 2 }, { text: 'ประเภทผลิตภัณฑ์', colSpan: 5 },
          { text: 'ประเภทกลุ่ม / ผู้ผลิต ผู้ประกอบการ OTOP', colSpan: 3 }, { text: 'ยอดจำหน่ายในประเทศ (บาท)', colSpan: 2 },
          { text: 'ยอดจำหน่ายต่างประเทศ (บาท)', colSpan: 2 }, { text: 'รวมทั้งสิ้น (บาท)', rowSpan: 2 }],
        [...['อาหาร', 'เครื่องดื่ม', 'ผ้า', 'ของใช้', 'สมุนไพร'].map((text) => ({ text })),
          ...TYPES.map((t) => ({ text: PRODUCER_TYPE_SHORT_TH[t] })),
          { text: 'ออฟไลน์' }, { text: 'ออนไลน์' }, { text: 'ออฟไลน์' }, { text: 'ออนไลน์' }],
      ],
      columns: [
        { width: 3, align: 'center' }, { width: 18 }, ...Array.from({ length: 8 }, () => ({ width: 7, align: 'center' as const })),
        ...Array.from({ length: 4 }, () => ({ width: 8.5, align: 'right' as const })), { width: 9.5, align: 'right', sumOfColumns: [10, 11, 12, 13] },
      ],
      rows,
    },
    notes,
    signature: { role: 'ผู้รายงาน', name: null, position: `พัฒนาการอำเภอ${d.nameTh}`, date: null },
  };
}
