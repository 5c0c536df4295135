// "ความคืบหน้า" (read-only) for district, province, zone and department users: one card with the month's total,
// the fiscal year to date, the target level where the unit has one, and the units below. Zone and department see
// only what provinces confirmed. Quick replies show the two months before; nothing is kept between messages.
import { z } from 'zod';
import type { CardRow, InfoCard } from '../bot/cards.js';
import { done, pass, type Flow } from '../bot/flow.js';
import { card, say, tap, text, type Reply } from '../bot/reply.js';
import { addMonths, defaultReportingMonth, parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { progressFor, type Progress, type ProgressUnit } from '../domain/progress.js';
import { formatBaht, formatBahtCompact, formatFiscalYearTh, formatMonthTh } from '../domain/thai-format.js';
import type { TargetStanding } from '../domain/progress.js';
import type { BotModule } from './module.js';

export const FLOW = 'progress';
const baht = (s: bigint) => `${formatBaht(s)} บาท`;
const UNIT_TH: Record<Progress['level'], string> = { district: 'อำเภอ', province: 'จังหวัด', zone: '', nation: '' };
const ROUND_TH = { FULL_YEAR: 'ทั้งปี', ROUND_1: 'รอบที่ 1 (ต.ค.–มี.ค.)', ROUND_2: 'รอบที่ 2 (เม.ย.–ก.ย.)' } as const;

function targetRows(t: TargetStanding): CardRow[] {
  const rows: CardRow[] = [{ label: `เป้าหมาย${ROUND_TH[t.round]}`, value: t.reached ? `ถึงระดับ ${t.reached.label}` : `ยังไม่ถึง ${t.levels[0]?.label ?? 'ระดับแรก'}`, emphasis: true }];
  if (t.round !== 'FULL_YEAR') rows.unshift({ label: 'ยอดสะสมในรอบ', value: baht(t.toDate) });
  if (t.next) rows.push({ label: `ขาดอีกถึง ${t.next.label}`, value: baht(t.gap!) });
  else rows.push({ label: 'ระดับสูงสุด', value: 'ถึงแล้ว' });
  return rows;
}

/** How many partly confirmed provinces the card names (the rest are counted). */
const PARTIAL_SHOWN = 10;

const unitRow = (u: ProgressUnit): CardRow => ({ label: u.name, value: `${formatBahtCompact(u.monthTotal)} / ${formatBahtCompact(u.yearToDate)}` });

/** The progress card of one month. */
export function progressCard(p: Progress): InfoCard {
  const m = formatMonthTh(p.month);
  const name = `${UNIT_TH[p.level]}${p.unitName}`;
  const monthRows: CardRow[] = [{ label: p.confirmedOnly ? 'ยอดที่จังหวัดยืนยันแล้ว' : 'ยอดรวมที่รายงาน', value: baht(p.monthTotal), emphasis: true }];
  if (p.byStatus) {
    monthRows.push(
      { label: 'จังหวัดยืนยันแล้ว', value: baht(p.byStatus.provinceConfirmed) },
      { label: 'อำเภอยืนยันแล้ว รอจังหวัด', value: baht(p.byStatus.districtConfirmed) },
      { label: 'รออำเภอยืนยัน', value: baht(p.byStatus.submitted) },
    );
  }
  if (p.producers) monthRows.push({ label: 'ผู้ผลิตที่รายงานแล้ว', value: `${p.producers.reported} จาก ${p.producers.active} ราย` });
  if (p.provincesConfirmed) monthRows.push({ label: 'จังหวัดที่ยืนยันครบทุกอำเภอ', value: `${p.provincesConfirmed.done} จาก ${p.provincesConfirmed.of} จังหวัด` });
  if (p.level !== 'district') monthRows.push({ label: 'อำเภอที่จังหวัดยืนยันแล้ว', value: `${p.districtsConfirmed.done} จาก ${p.districtsConfirmed.of} อำเภอ` });
  else monthRows.push({ label: 'จังหวัดยืนยันเดือนนี้', value: p.districtsConfirmed.done ? 'แล้ว' : 'ยังไม่ยืนยัน' });

  const sections: InfoCard['sections'] = [
    { heading: `เดือน${m}`, rows: monthRows },
    { heading: `${formatFiscalYearTh(p.fiscalYear)} (ถึงเดือน${m})`, rows: [{ label: 'ยอดสะสม', value: baht(p.yearToDate), emphasis: true }, ...(p.target ? targetRows(p.target) : [])] },
  ];
  const partial = p.provincesPartial.slice(0, PARTIAL_SHOWN);
  if (partial.length) {
    const more = p.provincesPartial.length - partial.length;
    sections.push({
      heading: 'จังหวัดที่ยืนยันบางอำเภอ (ยังไม่นับว่ายืนยันแล้ว)',
      rows: [...partial.map((x) => ({ label: x.name, value: `${x.done}/${x.of} อำเภอ` })), ...(more ? [{ label: 'และอีก', value: `${more} จังหวัด` }] : [])],
    });
  }
  const childHeading = { district: '', province: 'รายอำเภอ', zone: 'รายจังหวัด', nation: 'รายเขต' }[p.level];
  const children = p.level === 'nation' ? p.children.filter((c) => c.yearToDate > 0n) : p.children;
  if (children.length) sections.push({ heading: `${childHeading} (เดือนนี้ / สะสม บาท)`, rows: children.map(unitRow) });
  if (p.topProvinces.length) sections.push({ heading: 'จังหวัดที่ยอดเดือนนี้สูงสุด', rows: p.topProvinces.map(unitRow) });
  return {
    kind: 'info',
    altText:
      `ความคืบหน้า ${name} เดือน${m}: ${p.confirmedOnly ? 'ยอดที่จังหวัดยืนยันแล้ว' : 'ยอดรวม'} ${baht(p.monthTotal)} สะสม${formatFiscalYearTh(p.fiscalYear)} ${baht(p.yearToDate)}` +
      (p.provincesConfirmed ? ` · ยืนยันครบ ${p.provincesConfirmed.done} จาก ${p.provincesConfirmed.of} จังหวัด` : '') +
      (partial.length ? ` · ยืนยันบางอำเภอ: ${partial.map((x) => `${x.name} ${x.done}/${x.of} อำเภอ`).join(', ')}` : ''),
    title: `ความคืบหน้า ${name}`,
    subtitle: `เดือน${m}`,
    tone: 'neutral',
    sections,
    note: p.confirmedOnly
      ? 'นับเฉพาะข้อมูลที่จังหวัดยืนยันแล้ว (ข้อมูลที่จังหวัดยังไม่ยืนยัน ศูนย์เขตและกรมฯ จะยังไม่เห็น)'
      : 'นับรายการที่ส่งแล้วทุกสถานะ ยกเว้นที่ส่งกลับให้ผู้ผลิตแก้ไข',
  };
}

export const progressFlow: Flow<{ step: 'none' }> = {
  name: FLOW,
  version: 1,
  schema: z.object({ step: z.literal('none') }),
  async start(ctx, args) {
    const actor = ctx.actor!;
    if (actor.role === 'PRODUCER') return done(text('เมนูความคืบหน้าใช้ได้สำหรับเจ้าหน้าที่ ผู้ผลิตดูยอดของตนได้ที่ "ยอดขายของฉัน"'));
    const latest = defaultReportingMonth(ctx.now);
    const asked = parseMonthKey(args.m ?? '');
    const month = asked && asked <= latest ? asked : latest;
    const p = await progressFor(ctx.tx, actor, month);
    const others = [latest, addMonths(latest, -1), addMonths(latest, -2)].filter((x) => x !== month);
    const choices = [
      ...others.map((x: MonthKey) => tap(formatMonthTh(x), { action: 'start', params: { flow: FLOW, m: x } }, `ความคืบหน้าเดือน${formatMonthTh(x)}`)),
      say('เมนู'),
    ];
    const replies: Reply[] = [card(progressCard(p), choices)];
    return done(...replies);
  },
  async advance() {
    return pass();
  },
};

export const progressModule: BotModule = {
  flows: [progressFlow],
  startWords: { ความคืบหน้า: { flow: FLOW } },
};
