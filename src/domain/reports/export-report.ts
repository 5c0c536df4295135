// Form 5 of the fiscal-2561 letter — export report of a province: producer, product, export value, country,
// supporting agency, channel. Lines of province-confirmed entries only; the total is checked against the export
// columns of the same entries and any difference is printed (details are typed by people and may not add up).
import type { Tx } from '../../db/client.js';
import type { ExportChannel } from '../../db/generated/enums.js';
import type { ReportDocument, Row } from './document.js';
import { formatBaht } from '../thai-format.js';
import { notCountedNote } from './left-out.js';
import { ABOVE_DISTRICT_COUNTED, periodLabel, sqlBounds, type ReportPeriod } from './period.js';

const CHANNELS: ExportChannel[] = ['SELF', 'AGENT', 'WEBSITE'];

export interface ExportLine { producer: string; product: string; value: bigint; country: string; agency: string | null; channel: ExportChannel }

/** Export detail lines of the province's counted entries in the period, and the export columns of those entries. */
export async function exportLines(tx: Tx, provinceId: number, p: ReportPeriod): Promise<{ lines: ExportLine[]; entryExportTotal: bigint }> {
  const b = sqlBounds(p);
  const statuses = [...ABOVE_DISTRICT_COUNTED];
  const lines = await tx.$queryRaw<(Omit<ExportLine, 'value'> & { value: string })[]>`
    SELECT pr."name" AS "producer", x."product", x."value"::text AS "value", x."country", x."agency", x."channel"::text AS "channel"
    FROM "ExportDetail" x JOIN "SalesEntry" e ON e."id" = x."salesEntryId" JOIN "Producer" pr ON pr."id" = x."producerId"
      JOIN "District" d ON d."id" = pr."districtId"
    WHERE d."provinceId" = ${provinceId} AND e."month" BETWEEN ${b.from}::date AND ${b.to}::date AND e."status"::text = ANY(${statuses}::text[])
    ORDER BY pr."name", x."id"`;
  const [t] = await tx.$queryRaw<{ total: string }[]>`
    SELECT COALESCE(SUM(e."exportOffline" + e."exportOnline"), 0)::text AS "total"
    FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId" JOIN "District" d ON d."id" = pr."districtId"
    WHERE d."provinceId" = ${provinceId} AND e."month" BETWEEN ${b.from}::date AND ${b.to}::date AND e."status"::text = ANY(${statuses}::text[])`;
  return { lines: lines.map((l) => ({ ...l, value: BigInt(l.value) })), entryExportTotal: BigInt(t!.total) };
}

/** Builds the export report of a province. */
export async function buildExportReport(tx: Tx, provinceId: number, p: ReportPeriod): Promise<ReportDocument> {
  const province = await tx.province.findUniqueOrThrow({ where: { id: provinceId } });
  const { lines, entryExportTotal } = await exportLines(tx, provinceId, p);
  const rows: Row[] = lines.map((l, i) => ({
    kind: 'body',
    cells: [{ int: i + 1 }, l.producer, l.product, { money: l.value }, l.country, l.agency ?? '-', ...CHANNELS.map((c) => ({ mark: c === l.channel }))],
  }));
  const total = lines.reduce((s, l) => s + l.value, 0n);
  if (rows.length) rows.push({ kind: 'total', cells: ['', 'รวม', '', { money: total }, '', '', null, null, null] });
  const check = total === entryExportTotal
    ? `รวมมูลค่าการส่งออกเท่ากับยอดส่งออกของรายการเดียวกัน ${formatBaht(entryExportTotal, { decimals: 2 })} บาท`
    : `ยอดส่งออกของรายการเดียวกันคือ ${formatBaht(entryExportTotal, { decimals: 2 })} บาท ต่างจากรายละเอียดการส่งออก ${formatBaht(entryExportTotal - total, { decimals: 2 })} บาท (ผู้ผลิตยังไม่ได้ระบุรายละเอียดครบ)`;
  return {
    type: 'export', formCode: 'สิ่งที่ส่งมาด้วย 5', orientation: 'landscape',
    title: [
      'แบบรายงานข้อมูลการจำหน่ายผลิตภัณฑ์หนึ่งตำบล หนึ่งผลิตภัณฑ์ OTOP ที่ส่งออกต่างประเทศ',
      `ประจำปีงบประมาณ พ.ศ. ${p.fiscalYear}  จังหวัด${province.nameTh}`,
      periodLabel(p),
    ],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 2 }, { text: 'ชื่อผู้ผลิต ผู้ประกอบการ OTOP', rowSpan: 2 }, { text: 'ผลิตภัณฑ์', rowSpan: 2 },
          { text: 'มูลค่าการส่งออก (บาท)', rowSpan: 2 }, { text: 'ประเทศที่ส่งออก', rowSpan: 2 }, { text: 'หน่วยงานสนับสนุน', rowSpan: 2 },
          { text: 'ช่องทางการจำหน่าย', colSpan: 3 }],
        [{ text: 'จำหน่ายด้วยตนเอง' }, { text: 'ผ่านตัวแทน' }, { text: 'ผ่าน WEBSITE' }],
      ],
      columns: [{ width: 3, align: 'center' }, { width: 18 }, { width: 14 }, { width: 10, align: 'right' }, { width: 9 }, { width: 12 },
        { width: 6, align: 'center' }, { width: 6, align: 'center' }, { width: 6, align: 'center' }],
      rows,
    },
    notes: [check, await notCountedNote(tx, { provinceId }, p)],
    signature: { role: 'ผู้รายงาน', name: null, position: `พัฒนาการจังหวัด${province.nameTh}`, date: null },
  };
}
