// "ยอดขายของฉัน" as a card: the fiscal year to date, then each of the last months by category with its status
// and the change against the same month a year earlier.
import type { CardRow, InfoCard } from '../bot/cards.js';
import { card, say, type Reply } from '../bot/reply.js';
import { CATEGORY_SHORT_TH, STATUS_TH } from '../domain/catalog.js';
import { monthRange } from '../domain/fiscal-period.js';
import type { MonthSummary, MySales } from '../domain/my-sales.js';
import { isDeletable } from '../domain/sales-delete.js';
import { formatBaht, formatFiscalYearTh, formatMonthTh, formatPercentChange } from '../domain/thai-format.js';

const baht = (s: bigint) => `${formatBaht(s)} บาท`;

/** "+12.5% จากปีที่แล้ว (100,000 บาท)", or why there is nothing to compare. */
export function changeTh(current: bigint | null, previous: bigint | null): string {
  if (current === null) return 'ยังไม่ได้รายงาน';
  if (previous === null) return 'ไม่มียอดปีที่แล้วให้เทียบ';
  const pct = formatPercentChange(current, previous);
  return pct ? `${pct} (ปีที่แล้ว ${baht(previous)})` : `ปีที่แล้ว ${baht(previous)}`;
}

function monthSection(m: MonthSummary): { heading: string; rows: CardRow[] } {
  if (!m.lines.length) return { heading: `เดือน${formatMonthTh(m.month)}`, rows: [{ label: 'สถานะ', value: 'ยังไม่ได้รายงาน' }] };
  return {
    heading: `เดือน${formatMonthTh(m.month)}`,
    rows: [
      ...m.lines.map((l) => ({ label: CATEGORY_SHORT_TH[l.category], value: `${baht(l.total)} · ${STATUS_TH[l.status]}${l.late ? ' (ส่งช้า)' : ''}` })),
      { label: 'รวม', value: baht(m.total ?? 0n), emphasis: true },
      { label: 'เทียบเดือนเดียวกันปีที่แล้ว', value: changeTh(m.total, m.sameMonthLastYear) },
    ],
  };
}

export function mySalesCard(s: MySales, producerId: number, own: boolean): Reply[] {
  const months = monthRange(s.from, s.to).length;
  const span = `${s.from === s.to ? '' : `${formatMonthTh(s.from, { short: true })} – `}${formatMonthTh(s.to, { short: true })} (${months} เดือน)`;
  const c: InfoCard = {
    kind: 'info',
    altText: `ยอดขาย ${s.producerName}: สะสม${formatFiscalYearTh(s.fiscalYear)} ${baht(s.yearToDate)}; ${s.recent
      .map((m) => `${formatMonthTh(m.month)} ${m.total === null ? 'ยังไม่ได้รายงาน' : baht(m.total)}`)
      .join('; ')}`,
    title: own ? 'ยอดขายของฉัน' : 'ยอดขายของผู้ผลิต',
    subtitle: s.producerName,
    tone: 'neutral',
    sections: [
      {
        heading: `ยอดสะสม${formatFiscalYearTh(s.fiscalYear)}`,
        rows: [
          { label: span, value: baht(s.yearToDate), emphasis: true },
          { label: 'ช่วงเดียวกันปีที่แล้ว', value: changeTh(s.yearToDate, s.lastYearToDate) },
        ],
      },
      ...s.recent.map(monthSection),
    ],
    note: 'นับเฉพาะยอดที่ส่งแล้ว (รวมที่รอยืนยัน)',
    buttons: [
      { label: 'รายงานยอดขาย', postback: { action: 'start', params: { flow: 'sales-entry', producerId: String(producerId) } }, display: 'รายงานยอดขาย', style: 'primary' },
      // Offered only while an entry shown may still be deleted (the district has not confirmed it).
      ...(s.recent.some((m) => m.lines.some((l) => isDeletable(l.status)))
        ? [{ label: 'ลบรายการ', postback: { action: 'start', params: { flow: 'delete-entry', producerId: String(producerId) } }, display: 'ลบรายการยอดขาย', style: 'secondary' as const }]
        : []),
    ],
  };
  return [card(c, [say('เมนู')])];
}
