// รต.3 — a province by product category: the five categories × producer types, domestic and export, each also
// split offline / online; for the period and for the fiscal year to date. Only province-confirmed entries count.
import type { Tx } from '../../db/client.js';
import type { ProducerType, ProductCategory } from '../../db/generated/enums.js';
import type { Cell, ReportDocument, Row } from './document.js';
import { CATEGORIES, CATEGORY_TH, PRODUCER_TYPE_SHORT_TH } from '../catalog.js';
import { formatMonthTh } from '../thai-format.js';
import { ABOVE_DISTRICT_COUNTED, periodLabel, sqlBounds, type ReportPeriod } from './period.js';
import { notCountedNote } from './left-out.js';

const TYPES: ProducerType[] = ['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME'];

export interface Rt3Cell {
  bucket: 'PERIOD' | 'YTD';
  category: ProductCategory;
  type: ProducerType;
  domesticOffline: bigint;
  domesticOnline: bigint;
  exportOffline: bigint;
  exportOnline: bigint;
}

/** Sums by category × producer type for the period and for the fiscal year to date (one SQL GROUP BY). */
export async function rt3Cells(tx: Tx, provinceId: number, p: ReportPeriod): Promise<Rt3Cell[]> {
  const b = sqlBounds(p);
  const rows = await tx.$queryRaw<Record<string, string>[]>`
    SELECT g.bucket, e."category"::text AS "category", pr."type"::text AS "type",
      SUM(e."domesticOffline")::text AS "domesticOffline", SUM(e."domesticOnline")::text AS "domesticOnline",
      SUM(e."exportOffline")::text AS "exportOffline", SUM(e."exportOnline")::text AS "exportOnline"
    FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId" JOIN "District" d ON d."id" = pr."districtId"
      CROSS JOIN LATERAL (VALUES ('YTD'), ('PERIOD')) AS g(bucket)
    WHERE d."provinceId" = ${provinceId} AND e."month" BETWEEN ${b.fyStart}::date AND ${b.to}::date
      AND (g.bucket = 'YTD' OR e."month" >= ${b.from}::date)
      AND e."status"::text = ANY(${[...ABOVE_DISTRICT_COUNTED]}::text[])
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({
    bucket: r.bucket as Rt3Cell['bucket'], category: r.category as ProductCategory, type: r.type as ProducerType,
    domesticOffline: BigInt(r.domesticOffline!), domesticOnline: BigInt(r.domesticOnline!),
    exportOffline: BigInt(r.exportOffline!), exportOnline: BigInt(r.exportOnline!),
  }));
}

/** The 13 money columns of a row: domestic by type, offline, online, total; export the same; grand total. */
function amountsOf(cells: Rt3Cell[]): bigint[] {
  const sum = (f: (c: Rt3Cell) => bigint, pred: (c: Rt3Cell) => boolean = () => true) =>
    cells.filter(pred).reduce((s, c) => s + f(c), 0n);
  const dom = (c: Rt3Cell) => c.domesticOffline + c.domesticOnline;
  const exp = (c: Rt3Cell) => c.exportOffline + c.exportOnline;
  const d = [...TYPES.map((t) => sum(dom, (c) => c.type === t)), sum((c) => c.domesticOffline), sum((c) => c.domesticOnline), sum(dom)];
  const x = [...TYPES.map((t) => sum(exp, (c) => c.type === t)), sum((c) => c.exportOffline), sum((c) => c.exportOnline), sum(exp)];
  return [...d, ...x, d[5]! + x[5]!];
}

/** Builds รต.3 for a province. */
export async function buildRt3(tx: Tx, provinceId: number, p: ReportPeriod): Promise<ReportDocument> {
  const province = await tx.province.findUniqueOrThrow({ where: { id: provinceId } });
  const cells = await rt3Cells(tx, provinceId, p);
  const rows: Row[] = [];
  if (cells.length) {
    for (const bucket of ['PERIOD', 'YTD'] as const) {
      const inBucket = cells.filter((c) => c.bucket === bucket);
      rows.push({ kind: 'group', cells: [bucket === 'PERIOD' ? periodLabel(p) : `ตั้งแต่ต้นปีงบประมาณถึง ${formatMonthTh(p.to)}`] });
      CATEGORIES.forEach((cat, i) => {
        const money: Cell[] = amountsOf(inBucket.filter((c) => c.category === cat)).map((v) => ({ money: v }));
        rows.push({ kind: 'body', cells: [{ int: i + 1 }, CATEGORY_TH[cat], ...money] });
      });
      rows.push({ kind: 'subtotal', cells: ['', 'รวม', ...amountsOf(inBucket).map((v) => ({ money: v }))] });
    }
  }
  const typeHeads = TYPES.map((t) => ({ text: PRODUCER_TYPE_SHORT_TH[t] }));
  const side = [...typeHeads, { text: 'ออฟไลน์' }, { text: 'ออนไลน์' }];
  return {
    type: 'rt3', formCode: 'รต.3', orientation: 'landscape',
    title: [
      'แบบรายงานข้อมูลผลการจำหน่ายผลิตภัณฑ์หนึ่งตำบล หนึ่งผลิตภัณฑ์ แยกตามผลิตภัณฑ์',
      `ประจำปีงบประมาณ พ.ศ. ${p.fiscalYear}  จังหวัด${province.nameTh}`,
      periodLabel(p),
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 3 }, { text: 'ประเภทผลิตภัณฑ์', rowSpan: 3 }, { text: 'ในประเทศ (บาท)', colSpan: 6 },
          { text: 'ต่างประเทศ (บาท)', colSpan: 6 }, { text: 'รวมทั้งสิ้น (บาท)', rowSpan: 3 }],
        [{ text: 'ตามประเภทผู้ผลิต', colSpan: 3 }, { text: 'ตามช่องทาง', colSpan: 2 }, { text: 'รวมในประเทศ', rowSpan: 2 },
          { text: 'ตามประเภทผู้ผลิต', colSpan: 3 }, { text: 'ตามช่องทาง', colSpan: 2 }, { text: 'รวมต่างประเทศ', rowSpan: 2 }],
        [...side, ...side],
      ],
      columns: [
        { width: 3, align: 'center' }, { width: 14 },
        ...[2, 3, 4, 5, 6].map(() => ({ width: 8, align: 'right' as const })), { width: 9, align: 'right', sumOfColumns: [2, 3, 4] },
        ...[8, 9, 10, 11, 12].map(() => ({ width: 8, align: 'right' as const })), { width: 9, align: 'right', sumOfColumns: [8, 9, 10] },
        { width: 10, align: 'right', sumOfColumns: [7, 13] },
      ],
      rows,
    },
    notes: [await notCountedNote(tx, { provinceId }, p)],
    signature: { role: 'ผู้รายงาน', name: null, position: `พัฒนาการจังหวัด${province.nameTh}`, date: null },
  };
}
