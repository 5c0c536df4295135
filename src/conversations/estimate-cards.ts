// Estimate cards (ประมาณการ), pure, from the domain's views: the district's card (to certify, or once answered its
// months against confirmed actuals), the province's split preview, and the province's certification status.
import type { CardButton, EstimateCard, EstimateTableRow } from '../bot/cards.js';
import { compareMonths, previousMonth, type MonthKey } from '../domain/fiscal-period.js';
import { formatBaht, formatFiscalYearTh, formatMonthTh } from '../domain/thai-format.js';
import type { DistrictEstimateView, EstimateSheet, SplitPlan } from '../domain/targets/index.js';

export const CERTIFY_FLOW = 'estimate-certify';
export const ESTIMATES_FLOW = 'estimates';
export const ANSWER_TH = { PENDING: 'รอรับรอง', CERTIFIED: 'รับรองแล้ว', CORRECTED: 'ไม่รับรอง ขอแก้ไข' } as const;

const baht = (s: bigint) => `${formatBaht(s)} บาท`;
const short = (m: MonthKey) => formatMonthTh(m, { short: true });
const span = (months: readonly MonthKey[]) => (months.length > 1 ? `${short(months[0]!).split(' ')[0]}–${short(months.at(-1)!)}` : short(months[0]!));
const total = (cells: [string, string, string]): EstimateTableRow => ({ cells, emphasis: true });
/** A month's actual is shown once the month is over (up to `asOf`, the latest reporting month), else "—". */
const actualCell = (m: { month: MonthKey; actual: bigint }, asOf: MonthKey) => (compareMonths(m.month, asOf) <= 0 ? formatBaht(m.actual) : '—');

/** The district's card: the months to certify (buttons while pending), or its answer with actuals against it. */
export function districtEstimateCard(e: DistrictEstimateView, asOf: MonthKey, lead?: string): EstimateCard {
  const months = e.months.map((m) => m.month);
  const corrected = e.answer === 'CORRECTED';
  const rows: EstimateTableRow[] = e.months.map((m) => ({
    cells: [short(m.month), corrected ? `${formatBaht(m.effective)} (จ. ${formatBaht(m.amount)})` : formatBaht(m.amount), actualCell(m, asOf)],
  }));
  const actualSoFar = e.months.filter((m) => compareMonths(m.month, asOf) <= 0).reduce((s, m) => s + m.actual, 0n);
  rows.push(total(['รวม', formatBaht(e.effectiveTotal), formatBaht(actualSoFar)]));
  const buttons: CardButton[] = e.answer === 'PENDING'
    ? [
        { label: 'รับรอง', postback: { action: 'start', params: { flow: CERTIFY_FLOW, id: String(e.id), rev: String(e.revision), x: 'certify' } }, display: 'รับรองประมาณการ', style: 'primary' },
        { label: 'ไม่รับรอง ขอแก้ไข', postback: { action: 'start', params: { flow: CERTIFY_FLOW, id: String(e.id), rev: String(e.revision), x: 'correct' } }, display: 'ไม่รับรอง โดยขอแก้ไข', style: 'secondary' },
      ]
    : [];
  const status = `${ANSWER_TH[e.answer]}${e.answeredBy ? ` โดย ${e.answeredBy}` : ''}`;
  return {
    kind: 'estimate',
    altText: `ประมาณการ อำเภอ${e.nameTh} ${formatFiscalYearTh(e.fiscalYear)}: ${span(months)} รวม ${baht(e.effectiveTotal)} ${status}`,
    title: `ประมาณการ อำเภอ${e.nameTh}`,
    subtitle: `${formatFiscalYearTh(e.fiscalYear)} · ${span(months)} · ${status}`,
    tone: e.answer === 'CERTIFIED' ? 'success' : corrected ? 'warning' : 'neutral',
    summary: [
      { label: `เป้ารายได้ทั้งปี (${e.targetLabel})`, value: baht(e.target), emphasis: true },
      { label: `ยอดจริงถึง${formatMonthTh(previousMonth(months[0]!))}`, value: baht(e.actualToDate) },
      ...(corrected ? [{ label: 'ประมาณการของจังหวัด', value: baht(e.total) }, { label: 'ตัวเลขที่อำเภอขอแก้ไข', value: baht(e.effectiveTotal) }] : []),
    ],
    table: { heading: e.answer === 'PENDING' ? 'ประมาณการรายเดือน (บาท)' : 'ประมาณการเทียบยอดจริง (บาท)', columns: ['เดือน', 'ประมาณการ', 'ยอดจริง'], rows },
    note: [lead, e.answer === 'PENDING' ? 'ยอดจริงถึงปัจจุบัน + ประมาณการเดือนที่เหลือ = เป้ารายได้ทั้งปี · รับรอง หรือไม่รับรองแล้วพิมพ์ตัวเลขของอำเภอเองทีละเดือน' : 'ยอดจริง = ยอดที่อำเภอหรือจังหวัดยืนยันแล้ว'].filter(Boolean).join(' · '),
    buttons: buttons.length ? buttons : undefined,
  };
}

/** The province's preview of an even split, with the one button that stores exactly these figures. */
export function splitPreviewCard(plan: SplitPlan, provinceName: string): EstimateCard {
  const rows: EstimateTableRow[] = plan.rows.map((r) => ({ cells: [r.name, formatBaht(r.gap), formatBaht(r.months[0]!.amount)] }));
  const gap = plan.rows.reduce((s, r) => s + r.gap, 0n);
  rows.push(total(['รวม', formatBaht(gap), `${plan.months.length} เดือน`]));
  return {
    kind: 'estimate',
    altText: `ตัวอย่างประมาณการแบบแบ่งเท่ากัน จังหวัด${provinceName} ${span(plan.months)}: ${plan.rows.length} อำเภอ รวม ${baht(gap)}`,
    title: `ประมาณการ จังหวัด${provinceName}`,
    subtitle: `${formatFiscalYearTh(plan.fiscalYear)} · ${span(plan.months)} · ตัวอย่าง ยังไม่บันทึก`,
    tone: 'warning',
    summary: [
      { label: 'วิธี', value: 'แบ่งส่วนต่างเท่ากันทุกเดือน', emphasis: true },
      { label: 'ส่วนต่าง', value: `เป้าทั้งปี − ยอดที่ยืนยันแล้วถึง${formatMonthTh(previousMonth(plan.months[0]!))}` },
      ...(plan.skipped.length ? [{ label: 'ไม่ได้ตั้ง (ไม่มีเป้าทั้งปี)', value: plan.skipped.map((s) => s.name).join(', ') }] : []),
    ],
    table: { heading: 'ส่วนต่างและยอดต่อเดือนของแต่ละอำเภอ (บาท)', columns: ['อำเภอ', 'ส่วนต่าง', `${short(plan.months[0]!)}`], rows },
    note: 'เป็นจำนวนเต็มบาท เศษบาทให้เดือนแรก ๆ ทุกเดือนรวมกันเท่าส่วนต่างพอดี · เมื่อยืนยัน ระบบส่งการ์ดให้พัฒนาการอำเภอรับรอง และแทนที่ประมาณการเดิมของปีนี้',
    buttons: [
      { label: 'ยืนยันและส่งให้อำเภอ', postback: { action: 'estimates-confirm', params: { h: plan.fingerprint } }, display: 'ยืนยันประมาณการและส่งให้อำเภอ', style: 'primary' },
      { label: 'ยกเลิก', postback: { action: 'start', params: { flow: 'menu' } }, display: 'ยกเลิก', style: 'link' },
    ],
  };
}

/** The province's view: each district's estimate and answer, the corrected total, and actual against estimate per month. */
export function provinceEstimateCard(sheet: EstimateSheet, asOf: MonthKey, canSplit: boolean): EstimateCard {
  const rows: EstimateTableRow[] = sheet.rows.map((r) => ({
    cells: [r.nameTh, r.estimate ? formatBaht(r.estimate.effectiveTotal) : '—', r.estimate ? ANSWER_TH[r.estimate.answer] : 'ยังไม่ตั้ง'],
  }));
  rows.push(total(['รวม', formatBaht(sheet.totals.effective), `รับรอง ${sheet.counts.certified}/${sheet.rows.length - sheet.counts.notSet}`]));
  const perMonth = sheet.byMonth.map((m) => ({ label: `${short(m.month)} จริง / ประมาณการ`, value: `${compareMonths(m.month, asOf) <= 0 ? formatBaht(m.actual) : '—'} / ${formatBaht(m.effective)}` }));
  const c = sheet.counts;
  return {
    kind: 'estimate',
    altText: `ประมาณการ จังหวัด${sheet.province.nameTh} ${formatFiscalYearTh(sheet.fiscalYear)}: รับรอง ${c.certified} ขอแก้ไข ${c.corrected} รอ ${c.pending} · รวมหลังแก้ไข ${baht(sheet.totals.effective)}`,
    title: `ประมาณการ จังหวัด${sheet.province.nameTh}`,
    subtitle: `${formatFiscalYearTh(sheet.fiscalYear)} · รับรอง ${c.certified} · ขอแก้ไข ${c.corrected} · รอ ${c.pending}`,
    tone: c.pending === 0 && c.notSet < sheet.rows.length ? 'success' : 'neutral',
    summary: [
      { label: 'ประมาณการของจังหวัด', value: baht(sheet.totals.amount), emphasis: true },
      { label: 'รวมหลังอำเภอแก้ไข', value: baht(sheet.totals.effective) },
      ...perMonth,
    ],
    table: { heading: 'อำเภอ: ประมาณการ (หลังแก้ไข) และการรับรอง', columns: ['อำเภอ', 'บาท', 'สถานะ'], rows },
    note: 'ยอดจริง = ยอดที่อำเภอหรือจังหวัดยืนยันแล้ว',
    buttons: canSplit ? [{ label: 'ตั้งใหม่: แบ่งเท่ากัน', postback: { action: 'start', params: { flow: ESTIMATES_FLOW, split: '1' } }, display: 'ตั้งประมาณการใหม่แบบแบ่งเท่ากัน', style: 'secondary' }] : undefined,
  };
}

/** The district's typed figures beside the province's, before they are sent; the button carries their fingerprint. */
export function correctionReviewCard(q: { id: number; rev: number; name: string; fy: number; months: MonthKey[]; province: bigint[]; typed: bigint[]; h: string }): EstimateCard {
  const sum = (xs: bigint[]) => xs.reduce((s, x) => s + x, 0n);
  const rows: EstimateTableRow[] = q.months.map((m, i) => ({ cells: [short(m), formatBaht(q.province[i]!), formatBaht(q.typed[i]!)] }));
  rows.push(total(['รวม', formatBaht(sum(q.province)), formatBaht(sum(q.typed))]));
  return {
    kind: 'estimate',
    altText: `ตรวจก่อนส่ง: อำเภอ${q.name} ไม่รับรองประมาณการ ขอแก้ไขเป็นรวม ${baht(sum(q.typed))}`,
    title: `ไม่รับรอง โดยขอแก้ไข`,
    subtitle: `อำเภอ${q.name} · ${formatFiscalYearTh(q.fy)} · ยังไม่ได้ส่ง`,
    tone: 'warning',
    summary: [
      { label: 'ตัวเลขที่อำเภอขอแก้ไข', value: baht(sum(q.typed)), emphasis: true },
      { label: 'ประมาณการของจังหวัด', value: baht(sum(q.province)) },
    ],
    table: { heading: 'ตัวเลขรายเดือน (บาท)', columns: ['เดือน', 'จังหวัด', 'อำเภอขอแก้ไข'], rows },
    note: 'ตรวจตัวเลขแล้วแตะ "ส่งตัวเลขที่แก้ไข" จังหวัดจะเห็นตัวเลขนี้แทนประมาณการเดิม',
    buttons: [
      { label: 'ส่งตัวเลขที่แก้ไข', postback: { action: 'estimate-correct-send', params: { h: q.h } }, display: 'ส่งตัวเลขที่แก้ไข', style: 'primary' },
      { label: 'พิมพ์ใหม่', postback: { action: 'start', params: { flow: CERTIFY_FLOW, id: String(q.id), rev: String(q.rev), x: 'correct' } }, display: 'พิมพ์ตัวเลขใหม่', style: 'secondary' },
    ],
  };
}
