// "ความคืบหน้า" (read-only) for district, province, zone and department users: one card with the month's total,
// the fiscal year to date, the target level where the unit has one, and the units below. Zone and department see
// only what provinces confirmed, and drill down (department → zone → province → its districts). Any month of the
// current and previous fiscal year can be looked at (month before/after, or a month picker). Every button carries
// what it shows (start arguments), so nothing is kept between messages.
import { z } from 'zod';
import type { CardRow, InfoCard } from '../bot/cards.js';
import { done, pass, type Flow } from '../bot/flow.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { addMonths, defaultReportingMonth, fiscalYearMonths, fiscalYearOf, parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { progressFor, type Progress, type ProgressUnit } from '../domain/progress.js';
import { formatBaht, formatFiscalYearTh, formatMonthTh } from '../domain/thai-format.js';
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

/**
 * One number format on every progress card, at every level: exact baht (the department drills down to districts in
 * exact baht; rounded millions would hide what a district reported). Unit rows leave the unit to their heading.
 */
const unit = 'บาท';


/** The progress card of one month. */
export function progressCard(p: Progress): InfoCard {
  const m = formatMonthTh(p.month);
  const name = `${UNIT_TH[p.level]}${p.unitName}`;
  const unitRow = (u: ProgressUnit): CardRow => ({ label: u.name, value: `${formatBaht(u.monthTotal)} / ${formatBaht(u.yearToDate)}` });
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
  if (children.length) sections.push({ heading: `${childHeading} (เดือนนี้ / สะสม ${unit})`, rows: children.map(unitRow) });
  if (p.topProvinces.length) sections.push({ heading: `จังหวัดที่ยอดเดือนนี้สูงสุด (เดือนนี้ / สะสม ${unit})`, rows: p.topProvinces.map(unitRow) });
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

/** What a progress button carries: the month, the unit looked at (drill-down) and what to show. */
const Args = z.object({
  m: z.string().optional(),
  p: z.coerce.number().int().min(1).max(9_999).optional(),
  z: z.coerce.number().int().min(1).max(999).optional(),
  /** Show the month picker of this fiscal year (Buddhist era, as fiscalYearOf: 2570 = Oct 2026–Sep 2027). */
  pick: z.coerce.number().int().min(2500).max(2700).optional(),
  /** Department: list the zones to drill into. */
  zones: z.literal('1').optional(),
});
type Args = z.infer<typeof Args>;

const go = (label: string, params: Record<string, string>, display: string) => tap(label, { action: 'start', params: { flow: FLOW, ...params } }, display);
const focusParams = (a: Args): Record<string, string> => (a.p ? { p: String(a.p) } : a.z ? { z: String(a.z) } : {});

/** The months one may look at: every month of the current and the previous fiscal year, up to the month just ended. */
export function browsableMonths(now: Date): { first: MonthKey; latest: MonthKey } {
  const latest = defaultReportingMonth(now);
  return { first: fiscalYearMonths(fiscalYearOf(latest) - 1)[0]!, latest };
}

/** Quick replies of a progress card: the units below to drill into, the month before/after, any month, back up. */
function cardChoices(p: Progress, a: Args, months: { first: MonthKey; latest: MonthKey }, actorLevel: Progress['level']): Choice[] {
  const f = focusParams(a);
  const out: Choice[] = [];
  if (p.level === 'zone') for (const c of p.children) out.push(go(`จ.${c.name}`, { m: p.month, p: String(c.id) }, `ความคืบหน้าจังหวัด${c.name}`));
  if (p.level === 'nation') out.push(go('ดูรายเขต', { m: p.month, zones: '1' }, 'ความคืบหน้ารายเขต'));
  if (p.month > months.first) {
    const x = addMonths(p.month, -1);
    out.push(go('◀ เดือนก่อน', { m: x, ...f }, `ความคืบหน้าเดือน${formatMonthTh(x)}`));
  }
  if (p.month < months.latest) {
    const x = addMonths(p.month, 1);
    out.push(go('เดือนถัดไป ▶', { m: x, ...f }, `ความคืบหน้าเดือน${formatMonthTh(x)}`));
  }
  out.push(go('เลือกเดือน', { pick: String(fiscalYearOf(p.month)), ...f }, 'เลือกเดือน'));
  if (actorLevel === 'nation' && p.level === 'province') out.push(go('ทั้งเขต', { m: p.month, z: String(p.zoneId ?? '') }, 'ความคืบหน้าทั้งเขต'));
  if (actorLevel !== p.level && (actorLevel === 'nation' || actorLevel === 'zone')) out.push(go(actorLevel === 'nation' ? 'ทั้งประเทศ' : 'ทั้งเขต', { m: p.month }, actorLevel === 'nation' ? 'ความคืบหน้าทั้งประเทศ' : 'ความคืบหน้าทั้งเขต'));
  out.push(say('เมนู'));
  return out;
}

/** The months of one fiscal year that may be looked at, as quick replies, and the other fiscal year. */
function monthPicker(fy: number, a: Args, months: { first: MonthKey; latest: MonthKey }): Reply {
  const f = focusParams(a);
  const list = fiscalYearMonths(fy).filter((x) => x >= months.first && x <= months.latest);
  if (!list.length && fy !== fiscalYearOf(months.latest)) return monthPicker(fiscalYearOf(months.latest), a, months);
  const other = [fy - 1, fy + 1].find((y) => fiscalYearMonths(y).some((x) => x >= months.first && x <= months.latest));
  return text(`เลือกเดือนที่ต้องการดู (${formatFiscalYearTh(fy)})`, [
    ...list.map((x) => go(formatMonthTh(x), { m: x, ...f }, `ความคืบหน้าเดือน${formatMonthTh(x)}`)),
    ...(other ? [go(formatFiscalYearTh(other), { pick: String(other), ...f }, `เลือกเดือน ${formatFiscalYearTh(other)}`)] : []),
  ]);
}

/** Department: the zones as list cards (at most 12 a card), each opening the zone's progress. */
function zoneList(p: Progress): Reply[] {
  const items = p.children.map((c) => ({
    title: c.name,
    detail: `เดือนนี้ ${baht(c.monthTotal)} · สะสม ${baht(c.yearToDate)}`,
    button: { label: 'ดูรายจังหวัด', postback: { action: 'start', params: { flow: FLOW, m: p.month, z: String(c.id) } }, display: `ความคืบหน้า${c.name}`, style: 'link' as const },
  }));
  const half = Math.ceil(items.length / Math.ceil(items.length / 12));
  const parts = [items.slice(0, half), items.slice(half)].filter((x) => x.length);
  return parts.map((part, i) =>
    card(
      {
        kind: 'list',
        altText: `ความคืบหน้ารายเขต เดือน${formatMonthTh(p.month)}${parts.length > 1 ? ` (${i + 1}/${parts.length})` : ''}: ` + part.map((x) => `${x.title} ${x.detail}`).join('; '),
        title: `ความคืบหน้ารายเขต เดือน${formatMonthTh(p.month)}`,
        subtitle: 'ยอดที่จังหวัดยืนยันแล้ว (บาท)',
        items: part,
      },
      i === parts.length - 1 ? [go('ทั้งประเทศ', { m: p.month }, 'ความคืบหน้าทั้งประเทศ'), say('เมนู')] : undefined,
    ),
  );
}

export const progressFlow: Flow<{ step: 'none' }> = {
  name: FLOW,
  version: 1,
  schema: z.object({ step: z.literal('none') }),
  async start(ctx, raw) {
    const actor = ctx.actor!;
    if (actor.role === 'PRODUCER') return done(text('เมนูความคืบหน้าใช้ได้สำหรับเจ้าหน้าที่ ผู้ผลิตดูยอดของตนได้ที่ "ยอดขายของฉัน"'));
    const parsed = Args.safeParse(raw);
    const a: Args = parsed.success ? parsed.data : {};
    const months = browsableMonths(ctx.now);
    if (a.pick) return done(monthPicker(a.pick, a, months));
    const asked = parseMonthKey(a.m ?? '');
    const month = asked && asked <= months.latest && asked >= months.first ? asked : months.latest;
    const before = asked && asked < months.first ? text(`ดูย้อนหลังได้ถึงเดือน${formatMonthTh(months.first)} (ปีงบประมาณปัจจุบันและปีก่อน) จึงแสดงเดือนล่าสุดแทน`) : null;
    const focus = actor.role === 'ZONE_ADMIN' || actor.role === 'DEPARTMENT_ADMIN' ? (a.p ? { provinceId: a.p } : a.z && actor.role === 'DEPARTMENT_ADMIN' ? { zoneId: a.z } : undefined) : undefined;
    const p = await progressFor(ctx.tx, actor, month, focus);
    if (a.zones && p.level === 'nation') return done(...zoneList(p));
    const own = { DISTRICT_OFFICER: 'district', PROVINCE_OFFICER: 'province', ZONE_ADMIN: 'zone', DEPARTMENT_ADMIN: 'nation' } as const;
    const replies: Reply[] = [card(progressCard(p), cardChoices(p, a, months, own[actor.role as keyof typeof own]))];
    return done(...(before ? [before] : []), ...replies);
  },
  async advance() {
    return pass();
  },
};

export const progressModule: BotModule = {
  flows: [progressFlow],
  startWords: { ความคืบหน้า: { flow: FLOW } },
};
