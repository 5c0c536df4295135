// Standing cards for "เป้าหมาย" / "ความก้าวหน้า" and after a confirmation: pure, from the domain's UnitStanding.
import type { CardButton, CardRow, StandingCard } from '../bot/cards.js';
import { formatBaht, formatFiscalYearTh, formatMonthTh } from '../domain/thai-format.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import type { Standing, TargetRoundName, UnitStanding } from '../domain/targets/index.js';

export const ROUND_TH: Record<TargetRoundName, string> = { FULL_YEAR: 'ทั้งปี', ROUND_1: 'รอบที่ 1 (ต.ค.–มี.ค.)', ROUND_2: 'รอบที่ 2 (เม.ย.–ก.ย.)' };
const baht = (s: bigint) => `${formatBaht(s)} บาท`;
const pct = (bp: number) => `${bp >= 0 ? '+' : ''}${(bp / 100).toFixed(2)}%`;

/** "ขั้นต้น (2)" / "ต่ำกว่าร้อยละ 7 (1)" / "ยังไม่ถึงระดับ 1". */
export function shortLevel(s: Standing): string {
  if (s.reached) return `${s.reached.label} (${s.score})`;
  if (s.score !== null) return `${s.target.floorLabel ?? 'ต่ำกว่าระดับแรก'} (${s.score})`;
  return 'ยังไม่ถึงระดับ 1';
}

/** Share of the next tier reached, whole percent, e.g. "87% ของขั้นมาตรฐาน"; "ระดับสูงสุดแล้ว" at the top. */
export function shareOfNext(s: Standing): string {
  if (!s.next) return 'ระดับสูงสุดแล้ว';
  return `${s.next.threshold > 0n ? Number((s.achieved * 100n) / s.next.threshold) : 100}% ของ${s.next.label}`;
}

function summaryRows(u: UnitStanding): CardRow[] {
  const rows: CardRow[] = [];
  const s = u.sales;
  if (s) {
    rows.push({ label: 'ระดับที่ได้', value: s.scoreLabel, emphasis: true });
    rows.push({ label: `ยอดที่ยืนยันแล้ว (${s.monthsElapsed} จาก ${s.monthsInRound} เดือน)`, value: baht(s.achieved) });
    rows.push(s.next ? { label: `ขาดอีกถึง${s.next.label}`, value: baht(s.missing!) } : { label: 'ระดับสูงสุด', value: 'ถึงแล้ว' });
    if (s.projection !== null && s.monthsElapsed < s.monthsInRound) rows.push({ label: 'ถ้ารักษาระดับนี้ถึงสิ้นรอบ', value: `${baht(s.projection)} → ${shortLevel({ ...s, ...s.projectedScore! })}` });
    if (s.growthBasisPoints !== null) rows.push({ label: `เทียบยอดปี ${s.target.baselineFiscalYear}`, value: pct(s.growthBasisPoints) });
  }
  const o = u.online;
  if (o) {
    rows.push({ label: 'ผลิตภัณฑ์ที่ขายออนไลน์', value: `${o.achieved} รายการ · ${shortLevel(o)}`, emphasis: !s });
    if (o.next) rows.push({ label: `ขาดอีกถึง${o.next.label} (ออนไลน์)`, value: `${o.missing} รายการ` });
  }
  return rows;
}

/** The card of one unit; `ranking` lists the units below it; `exact` shows their figures in baht. */
export function standingCard(u: UnitStanding, asOf: MonthKey, opts: { ranking?: UnitStanding[]; exact?: boolean; confirmedOnly?: boolean; buttons?: CardButton[]; lead?: string } = {}): StandingCard {
  const s = u.sales ?? u.online;
  const fy = s?.target.fiscalYear;
  const subtitle = `${fy ? formatFiscalYearTh(fy) : ''} ${ROUND_TH[u.round]} · ยืนยันแล้วถึงเดือน${formatMonthTh(asOf)}`.trim();
  const bars = (u.sales?.bars ?? []).map((b) => ({
    label: `${b.tier.label} · ${b.tier.score} คะแนน`,
    value: `${baht(b.tier.threshold)}${b.reached ? ' ✓' : ''}`,
    permille: b.permille,
    reached: b.reached,
  }));
  const rows = (opts.ranking ?? []).map((d, i): CardRow => ({
    label: `${i + 1}. ${d.name}`,
    value: !d.sales ? (opts.exact ? `${baht(0n)} · ไม่มีเป้าหมาย` : 'ไม่มีเป้าหมาย') : opts.exact ? `${baht(d.sales.achieved)} · ${shortLevel(d.sales)}` : `${shortLevel(d.sales)} · ${shareOfNext(d.sales)}`,
  }));
  const summary = summaryRows(u);
  const none = !s;
  return {
    kind: 'standing',
    altText: none ? `เป้าหมาย ${u.name}: ยังไม่มีเป้าหมายของรอบนี้` : `เป้าหมาย ${u.name} ${ROUND_TH[u.round]}: ${u.sales ? `${u.sales.scoreLabel} ยืนยันแล้ว ${baht(u.sales.achieved)}` : shortLevel(u.online!)}`,
    title: `เป้าหมาย ${u.name}`,
    subtitle,
    tone: u.sales && u.sales.score === null ? 'warning' : 'neutral',
    summary: none ? [{ label: 'เป้าหมายของรอบนี้', value: 'ยังไม่ได้นำเข้า', emphasis: true }] : summary,
    barsHeading: bars.length ? 'เกณฑ์แต่ละระดับ (ไม่น้อยกว่า)' : undefined,
    bars,
    ranking: rows.length ? { heading: opts.exact ? 'อำเภอ: ยอดที่จังหวัดยืนยันแล้ว (บาท)' : 'อำเภอเรียงตามระดับ', rows } : undefined,
    note: [opts.lead, opts.confirmedOnly ? 'นับเฉพาะยอดที่จังหวัดยืนยันแล้ว' : 'นับเฉพาะยอดที่อำเภอหรือจังหวัดยืนยันแล้ว', 'คาดการณ์ = ยอดเฉลี่ยต่อเดือนที่ผ่านมา × จำนวนเดือนของรอบ'].filter(Boolean).join(' · '),
    buttons: opts.buttons,
  };
}
