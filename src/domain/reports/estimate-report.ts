// The two estimate forms of the department's letters, filled from the stored estimates (ประมาณการ) of a fiscal year:
// the province's estimate form (fy2563 พะเยา letter: per district the year's target, each estimated month, the total,
// and the province total) and a district's certification form (แบบรับรองข้อมูลรายได้ฯ: certified or not, the
// corrected figures, who answered and when, the signature block). Both are per fiscal year: the period's months are
// ignored. Figures are what is stored (estimateSheet); a corrected district's estimate counts with its own figures.
import type { Tx } from '../../db/client.js';
import { formatMonthTh, formatBaht, formatDayTh } from '../thai-format.js';
import { dayKeyOf, fiscalYearMonths } from '../fiscal-period.js';
import { whenTh } from '../when.js';
import { estimateSheet, type DistrictEstimateView, type EstimateAnswerName } from '../targets/index.js';
import type { Cell, ReportDocument, Row } from './document.js';
import type { ReportPeriod } from './period.js';

const OTOP = 'ผลิตภัณฑ์หนึ่งตำบล หนึ่งผลิตภัณฑ์ OTOP';
const ANSWER_TH: Record<EstimateAnswerName, string> = { CERTIFIED: 'รับรองแล้ว', CORRECTED: 'ไม่รับรอง ขอแก้ไข', PENDING: 'รออำเภอรับรอง' };

/** Whole baht when every amount is whole baht (as the letters print them); otherwise satang are shown. */
function moneyCells(amounts: bigint[]): { money: (v: bigint) => Cell; decimals: 0 | 2 } {
  const whole = amounts.every((a) => a % 100n === 0n);
  return { money: (v) => (whole ? { money: v, whole: true } : { money: v }), decimals: whole ? 0 : 2 };
}

const yearSpan = (fy: number) => {
  const m = fiscalYearMonths(fy);
  return `ระหว่างเดือน${formatMonthTh(m[0]!)} - ${formatMonthTh(m.at(-1)!)}`;
};

/** The province's estimate form for the fiscal year: one row per district, the province total last. */
export async function buildEstimateForm(tx: Tx, provinceId: number, p: ReportPeriod): Promise<ReportDocument> {
  const sheet = await estimateSheet(tx, { fy: p.fiscalYear, provinceId, viewer: 'above-province' });
  const set = sheet.rows.flatMap((r) => (r.estimate ? [r.estimate] : []));
  const months = sheet.months;
  const firsts = [...new Set(set.map((e) => e.months[0]?.month).filter((m) => m !== undefined))];
  const labels = [...new Set(set.map((e) => e.targetLabel))];
  const { money } = moneyCells(set.flatMap((e) => [e.target, e.actualToDate, ...e.months.map((m) => m.effective)]));
  const rows: Row[] = set.length ? sheet.rows.map((r, i) => {
    const e = r.estimate;
    if (!e) return { kind: 'body', cells: [{ int: i + 1 }, r.nameTh, null, null, ...months.map(() => null), null, 'ยังไม่ได้กำหนด'] };
    const byMonth = new Map(e.months.map((m) => [m.month, m.effective]));
    return {
      kind: 'body',
      cells: [{ int: i + 1 }, r.nameTh, money(e.target), money(e.actualToDate), ...months.map((m) => (byMonth.has(m) ? money(byMonth.get(m)!) : null)),
        money(e.actualToDate + e.effectiveTotal), ANSWER_TH[e.answer]],
    };
  }) : [];
  if (set.length) {
    rows.push({ kind: 'total', cells: ['', 'รวมทั้งสิ้น', money(sheet.totals.target), money(sheet.totals.actualToDate),
      ...sheet.byMonth.map((m) => money(m.effective)), money(sheet.totals.actualToDate + sheet.totals.effective), ''] });
  }
  const before = firsts.length === 1 ? `ยอดจำหน่ายจริงก่อน ${formatMonthTh(firsts[0]!, { short: true })} (บาท)` : 'ยอดจำหน่ายจริงก่อนเดือนแรกที่ประมาณการ (บาท)';
  const c = sheet.counts;
  const sources = [...new Set(set.map((e) => e.source))];
  return {
    type: 'estimate', formCode: '', orientation: 'landscape',
    title: [`ประมาณการยอดจำหน่ายสินค้าหนึ่งตำบล หนึ่งผลิตภัณฑ์ รายอำเภอ ปีงบประมาณ ${p.fiscalYear}`, yearSpan(p.fiscalYear), `จังหวัด${sheet.province.nameTh}`],
    table: {
      kind: 'table',
      header: [
        [{ text: 'ที่', rowSpan: 2 }, { text: 'ชื่ออำเภอ', rowSpan: 2 }, { text: labels.length === 1 ? `เป้ารายได้ปี ${p.fiscalYear % 100} (${labels[0]}) (บาท)` : `เป้ารายได้ปี ${p.fiscalYear % 100} (บาท)`, rowSpan: 2 },
          { text: before, rowSpan: 2 }, ...(months.length ? [{ text: `ประมาณการรายเดือน ปีงบประมาณ ${p.fiscalYear} (บาท)`, colSpan: months.length }] : []),
          { text: 'รวมทั้งหมด (บาท)', rowSpan: 2 }, { text: 'ผลการรับรองของอำเภอ', rowSpan: 2 }],
        months.map((m) => ({ text: formatMonthTh(m, { short: true }) })),
      ],
      columns: [
        { width: 3, align: 'center' }, { width: 10 }, { width: 13, align: 'right' }, { width: 12, align: 'right' },
        ...months.map(() => ({ width: months.length > 6 ? 8 : 10, align: 'right' as const })),
        { width: 10, align: 'right', sumOfColumns: [3, ...months.map((_, k) => 4 + k)] }, { width: 12, align: 'center' },
      ],
      rows,
    },
    notes: set.length ? [
      'รวมทั้งหมด = ยอดจำหน่ายจริงก่อนเดือนแรกที่ประมาณการ + ประมาณการรายเดือน; อำเภอที่ไม่รับรองและขอแก้ไข แสดงตัวเลขที่อำเภอขอแก้ไข',
      `อำเภอรับรองแล้ว ${c.certified} อำเภอ ขอแก้ไข ${c.corrected} อำเภอ รอรับรอง ${c.pending} อำเภอ ยังไม่ได้กำหนดประมาณการ ${c.notSet} อำเภอ; ที่มาของตัวเลข: ${sources.join(', ')}`,
      ...(labels.length > 1 ? [`เป้ารายได้: ${set.map((e) => `${e.nameTh} ${e.targetLabel}`).join(', ')}`] : []),
    ] : [`จังหวัดยังไม่ได้กำหนดประมาณการของปีงบประมาณ ${p.fiscalYear}`],
    signature: { role: 'ผู้รายงาน', name: null, position: `พัฒนาการจังหวัด${sheet.province.nameTh}`, date: null },
  };
}

const box = (on: boolean) => (on ? '( √ )' : '(    )');

function answerNote(e: DistrictEstimateView): string {
  const by = `${e.answeredBy ?? 'ไม่ทราบชื่อ'} เมื่อ ${e.answeredAt ? whenTh(e.answeredAt) : '-'}`;
  if (e.answer === 'CERTIFIED') return `อำเภอรับรองประมาณการนี้แล้ว โดย ${by}`;
  if (e.answer === 'CORRECTED') return `อำเภอไม่รับรองและขอแก้ไขตามตัวเลขในตาราง โดย ${by}`;
  return 'อำเภอยังไม่ได้ตอบ (รอการรับรอง) พัฒนาการอำเภอรับรองหรือขอแก้ไขได้ในแชต โดยพิมพ์ "ประมาณการ"';
}

/** A district's certification form for the fiscal year: the province's monthly figures, the district's answer. */
export async function buildCertificationForm(tx: Tx, districtId: number, p: ReportPeriod): Promise<ReportDocument> {
  const district = await tx.district.findUniqueOrThrow({ where: { id: districtId }, include: { province: true } });
  const sheet = await estimateSheet(tx, { fy: p.fiscalYear, provinceId: district.provinceId, viewer: 'unit' });
  const e = sheet.rows.find((r) => r.districtId === districtId)?.estimate ?? null;
  const corrected = e?.answer === 'CORRECTED';
  const { money, decimals } = moneyCells(e ? [e.target, e.actualToDate, ...e.months.flatMap((m) => [m.amount, m.corrected ?? 0n])] : []);
  const rows: Row[] = e ? e.months.map((m) => ({
    kind: 'body', cells: [formatMonthTh(m.month), money(m.amount), corrected && m.corrected !== null ? money(m.corrected) : null],
  })) : [];
  if (e) rows.push({ kind: 'total', cells: ['รวม', money(e.total), corrected ? money(e.effectiveTotal) : null] });
  const year = `ประจำปีงบประมาณ ${p.fiscalYear}`;
  return {
    type: 'certification', formCode: '', orientation: 'portrait',
    title: [`แบบรับรองข้อมูลรายได้จากการจำหน่าย${OTOP}`, year, `อำเภอ${district.nameTh} จังหวัด${district.province.nameTh}`],
    lead: e ? [
      `${box(e.answer === 'CERTIFIED')} รับรองข้อมูลรายได้ฯ ตามเป้ารายได้จากการจำหน่าย${OTOP} ${year} (${e.targetLabel} ${formatBaht(e.target, { decimals: 0 })} บาท)`,
      `${box(corrected)} ไม่รับรองข้อมูลรายได้ฯ โดยขอแก้ไขข้อมูล ดังนี้`,
    ] : undefined,
    table: {
      kind: 'table',
      header: [[{ text: 'เดือน' }, { text: 'ประมาณการที่จังหวัดกำหนด (บาท)' }, { text: 'ยอดจำหน่ายที่อำเภอขอแก้ไข (บาท)' }]],
      columns: [{ width: 10 }, { width: 10, align: 'right' }, { width: 10, align: 'right' }],
      rows,
    },
    notes: e ? [
      answerNote(e),
      `ยอดจำหน่ายจริงก่อนเดือนแรกที่ประมาณการ ${formatBaht(e.actualToDate, { decimals })} บาท; จังหวัดกำหนดประมาณการเมื่อ ${whenTh(e.setAt)} (${e.source})`,
    ] : [`จังหวัดยังไม่ได้กำหนดประมาณการของอำเภอ${district.nameTh} ปีงบประมาณ ${p.fiscalYear}`],
    signature: {
      role: 'ผู้รับรองข้อมูล',
      name: e && e.answer !== 'PENDING' ? e.answeredBy : null,
      position: `พัฒนาการอำเภอ${district.nameTh}`,
      date: e?.answeredAt ? formatDayTh(dayKeyOf(e.answeredAt)) : null,
    },
  };
}
