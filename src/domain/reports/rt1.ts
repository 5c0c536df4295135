// รต.1 — the district's collection form (แบบจัดเก็บข้อมูลการจำหน่าย) for a month: one row per producer the registry
// expects (expectedProducers) with its category and producer-type marks, and the four amounts. Filled: a row per
// producer × category of what producers sent (every sent status, not drafts: it is the collection sheet, รต.2 is the
// confirmed report), blank amounts for producers who sent nothing. Blank: the same producers with empty amount cells
// and spare lines, for field use. Aggregated in SQL.
import type { Tx } from '../../db/client.js';
import type { ProducerType, ProductCategory } from '../../db/generated/enums.js';
import type { Cell, ReportDocument, Row } from './document.js';
import { CATEGORIES, PRODUCER_TYPE_SHORT_TH } from '../catalog.js';

import { expectedProducersSql } from '../registry/expected.js';
import { periodLabel, sqlBounds, type ReportPeriod } from './period.js';

const TYPES: ProducerType[] = ['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME'];
export const SPARE_LINES = 5;

interface Rt1Line {
  producerId: number;
  producerName: string;
  type: ProducerType;
  /** The entry's category, or the producer's first registered category when it sent nothing. */
  category: ProductCategory | null;
  /** Null when the producer sent nothing for the period (or on the blank form). */
  amounts: bigint[] | null;
}

/** Expected producers of the district at the period's last month, with what they sent in the period (one row per category). */
export async function rt1Lines(tx: Tx, districtId: number, p: ReportPeriod): Promise<Rt1Line[]> {
  const b = sqlBounds(p);
  const rows = await tx.$queryRaw<{ id: number; name: string; type: string; category: string | null; sent: boolean; a: string[] }[]>`
    SELECT pr."id", pr."name", pr."type"::text AS "type", COALESCE(x."category", pr."categories"[1]::text) AS "category", x."category" IS NOT NULL AS "sent",
      ARRAY[x."dOff", x."dOn", x."xOff", x."xOn"]::text[] AS "a"
    FROM "Producer" pr LEFT JOIN (
      SELECT e."producerId", e."category"::text AS "category", SUM(e."domesticOffline") AS "dOff", SUM(e."domesticOnline") AS "dOn",
        SUM(e."exportOffline") AS "xOff", SUM(e."exportOnline") AS "xOn"
      FROM "SalesEntry" e WHERE e."month" BETWEEN ${b.from}::date AND ${b.to}::date AND e."status"::text <> 'DRAFT'
      GROUP BY e."producerId", e."category"
    ) x ON x."producerId" = pr."id"
    WHERE pr."districtId" = ${districtId} AND ${expectedProducersSql(p.to, 'pr')}
    ORDER BY pr."name", pr."id", array_position(ARRAY['FOOD','DRINK','TEXTILE','HOUSEHOLD','HERBAL'], x."category")`;
  return rows.map((r) => ({
    producerId: Number(r.id), producerName: r.name, type: r.type as ProducerType, category: r.category as ProductCategory | null,
    amounts: r.sent ? r.a.map((v) => BigInt(v)) : null,
  }));
}

const money = (a: bigint[]): Cell[] => [...a, a.reduce((s, v) => s + v, 0n)].map((v) => ({ money: v }));

/** Builds รต.1; `blank` leaves every amount empty for field collection. */
export async function buildRt1(tx: Tx, districtId: number, p: ReportPeriod, blank = false): Promise<ReportDocument> {
  const d = await tx.district.findUniqueOrThrow({ where: { id: districtId }, include: { province: true } });
  const all = await rt1Lines(tx, districtId, p);
  // the blank form has one line per producer; the filled one a line per producer × category sent
  const lines = blank ? all.filter((l, i) => all.findIndex((m) => m.producerId === l.producerId) === i) : all;
  const marks = (l: Rt1Line): Cell[] => [...CATEGORIES.map((c) => ({ mark: c === l.category })), ...TYPES.map((t) => ({ mark: t === l.type }))];
  const sent = lines.filter((l) => l.amounts);
  const rows: Row[] = [];
  if (blank || sent.length) {
    lines.forEach((l, i) => rows.push({ kind: 'body', cells: [{ int: i + 1 }, l.producerName, ...marks(l), ...(!blank && l.amounts ? money(l.amounts) : Array(5).fill(null))] }));
  }
  if (blank && rows.length) for (let i = 0; i < SPARE_LINES; i++) rows.push({ kind: 'body', cells: [{ int: lines.length + i + 1 }, ...Array(14).fill(null)] });
  if (!blank && sent.length) {
    const sums = [0, 1, 2, 3].map((k) => sent.reduce((s, l) => s + l.amounts![k]!, 0n));
    rows.push({ kind: 'total', cells: ['', 'รวมทั้งสิ้น', ...Array(8).fill(null), ...money(sums)] });
  }
  return {
    type: blank ? 'rt1-blank' : 'rt1', formCode: 'รต.1', orientation: 'landscape',
    title: [
      'แบบจัดเก็บข้อมูลการจำหน่ายผลิตภัณฑ์หนึ่งตำบล หนึ่งผลิตภัณฑ์ OTOP',
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
    notes: blank
      ? ['แบบฟอร์มเปล่าสำหรับจัดเก็บข้อมูลภาคสนาม: รายชื่อผู้ผลิตที่ต้องรายงานตามทะเบียน กรอกยอดเป็นบาท']
      : ['รวมทุกรายการที่ผู้ผลิตส่งแล้ว (ไม่รวมรายการร่าง) ทั้งที่ยืนยันแล้วและรอยืนยัน ผู้ผลิตที่ยังไม่ส่งมีช่องยอดว่าง',
        `ผู้ผลิตที่ต้องรายงาน ${new Set(lines.map((l) => l.producerId)).size} ราย ส่งแล้ว ${new Set(sent.map((l) => l.producerId)).size} ราย`],
    signature: { role: blank ? 'ผู้จัดเก็บข้อมูล' : 'ผู้รายงาน', name: null, position: `พัฒนากร อำเภอ${d.nameTh}`, date: null },
  };
}

/** The blank form (catalogue entry). */
export const buildRt1Blank = (tx: Tx, districtId: number, p: ReportPeriod) => buildRt1(tx, districtId, p, true);
