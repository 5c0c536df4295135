// What setting a due date in chat looks like: the month and date questions, the day question, and the confirmation
// card (old → new, and what the change reaches) with ยืนยัน / แก้ไข / ยกเลิก.
import type { DeadlineCard } from '../bot/cards.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import type { DeadlineImpact } from '../domain/deadline-impact.js';
import { FIELD_TH, type CalendarField, type Deadlines } from '../domain/deadlines.js';
import type { DayKey, MonthKey } from '../domain/fiscal-period.js';
import { formatDayTh, formatMonthTh } from '../domain/thai-format.js';

export const FLOW = 'calendar-set';
export const START_WORD = 'แก้ไขกำหนดส่ง';
/** Postback value meaning "back to the department's date" (a province clears its own). */
export const CLEAR = 'clear';
export const CLEAR_WORD = 'ใช้วันของกรมฯ';

/** Short codes carried by buttons, and the words a person may type instead. */
export const FIELD_CODES: Record<CalendarField, { code: string; label: string }> = {
  entryDue: { code: 'entry', label: 'ส่งยอดขาย' },
  districtConfirmDue: { code: 'district', label: 'อำเภอยืนยัน' },
  provinceConfirmDue: { code: 'province', label: 'จังหวัดยืนยัน' },
  departmentClose: { code: 'close', label: 'กรมฯ ปิดรับ' },
};

const monthTh = (m: string) => formatMonthTh(m as MonthKey);
const dayTh = (d: string | null) => (d ? formatDayTh(d as DayKey) : 'ยังไม่กำหนด');
const problemFirst = (problem: string | undefined) => (problem ? `${problem}\n\n` : '');

export function monthPrompt(token: string, where: string, months: string[], problem?: string): Reply[] {
  return [
    text(`${problemFirst(problem)}แก้ไขกำหนดส่ง (${where}) ของยอดขายเดือนไหนคะ?`, [
      ...months.map((m) => tap(monthTh(m), { action: 'cal-month', params: { t: token, m } }, `กำหนดส่งเดือน${monthTh(m)}`)),
      say('ยกเลิก'),
    ]),
  ];
}

/** The month's dates as they apply to the officer, then which one to change. */
export function fieldPrompt(token: string, where: string, month: string, d: Deadlines, fields: CalendarField[], own: CalendarField[], problem?: string): Reply[] {
  const lines = fields.map((f) => `• ${FIELD_TH[f]}: ${dayTh(d[f])}${own.includes(f) ? ' (จังหวัดกำหนดเอง)' : ''}`);
  return [
    text(`${problemFirst(problem)}กำหนดส่งยอดขายเดือน${monthTh(month)} (${where}):\n${lines.join('\n')}\nต้องการแก้วันไหนคะ?`, [
      ...fields.map((f) => tap(FIELD_CODES[f].label, { action: 'cal-field', params: { t: token, f: FIELD_CODES[f].code } }, `แก้วัน${FIELD_CODES[f].label}`)),
      say('ยกเลิก'),
    ]),
  ];
}

/** `deptDay`: for a province, the department's date, which its own may not pass. */
/** The day typed is the date in force already. */
export const sameDayText = (day: string) => `${dayTh(day)} เป็นกำหนดที่ใช้อยู่แล้ว ไม่ต้องแก้ไข พิมพ์วันอื่น หรือกด "ยกเลิก"`;

export function dayPrompt(month: string, field: CalendarField, current: string | null, canClear: boolean, deptDay: string | null, problem?: string): Reply[] {
  const choices: Choice[] = [...(canClear ? [say(CLEAR_WORD)] : []), say('ยกเลิก')];
  return [
    text(
      `${problemFirst(problem)}"${FIELD_TH[field]}" ของยอดขายเดือน${monthTh(month)}\nตอนนี้: ${dayTh(current)}\n` +
        (deptDay ? `กรมฯ กำหนด ${dayTh(deptDay)} (จังหวัดกำหนดได้ไม่เกินวันนี้)\n` : '') +
        `พิมพ์วันที่ใหม่ เช่น "25" หรือ "๒๕" หรือ "25 ธ.ค."${canClear ? `\nหรือกด "${CLEAR_WORD}" เพื่อกลับไปใช้วันที่กรมฯ กำหนด` : ''}`,
      choices,
    ),
  ];
}

const daysBetween = (a: DayKey, b: DayKey) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** The impact rows: where the date applies, how it moves, and warnings (past, close, provinces keeping a later date). */
function impactRows(i: DeadlineImpact, province: boolean): DeadlineCard['impact'] {
  const rows: DeadlineCard['impact'] = [{ label: 'ใช้กับ', value: `${province ? '' : 'ทุกจังหวัด · '}${i.districts.toLocaleString('en-US')} อำเภอ · ผู้ผลิต ${i.producers.toLocaleString('en-US')} ราย` }];
  if (i.from && i.earlier !== null) rows.push({ label: 'เลื่อน', value: `${i.earlier ? 'เร็วขึ้น' : 'ช้าลง'} ${Math.abs(daysBetween(i.from, i.to))} วัน` });
  if (i.from === i.to) rows.push({ label: 'เลื่อน', value: 'วันเดิม ไม่เปลี่ยน' });
  if (i.ownDateProvinces) rows.push({ label: 'จังหวัดที่กำหนดเอง', value: `${i.ownDateProvinces} จังหวัด ใช้วันของตนต่อไป` });
  if (i.laterProvinces) rows.push({ label: '⚠ จังหวัดที่กำหนดหลังวันนี้', value: `${i.laterProvinces} จังหวัด ควรแจ้งให้แก้ (จังหวัดกำหนดได้ไม่เกินวันของกรมฯ)`, warning: true });
  if (i.field === 'departmentClose') rows.push({ label: '⚠ หลังวันนี้', value: 'บันทึกยอดเดือนนี้ไม่ได้ ต้องขอปลดล็อก', warning: true });
  if (i.past) {
    rows.push({ label: '⚠ วันที่ผ่านมาแล้ว', value: i.field === 'departmentClose' ? 'เดือนนี้จะปิดรับข้อมูลทันที' : 'ยอดที่ยังไม่ส่งจะนับว่าส่งช้าทันที', warning: true });
  }
  return rows;
}

/** The change said in full before it is made: only ยืนยัน (or a typed "ยืนยัน") writes it. */
export function confirmCard(token: string, where: string, month: string, i: DeadlineImpact, clearing: boolean, province: boolean, problem?: string): Reply[] {
  const title = clearing ? `ใช้วันของกรมฯ ${where}` : `แก้ไขกำหนดส่ง ${where}`;
  const from = `${dayTh(i.from)}${clearing ? ' (จังหวัดกำหนด)' : ''}`;
  const to = `${dayTh(i.to)}${clearing ? ' (กรมฯ)' : ''}`;
  const c: DeadlineCard = {
    kind: 'deadline',
    altText: `${title} ยอดขายเดือน${monthTh(month)}: ${FIELD_TH[i.field]} ${from} → ${to} รอยืนยัน`,
    title,
    subtitle: `ยอดขายเดือน${monthTh(month)} · รอยืนยัน`,
    tone: i.past || i.laterProvinces ? 'warning' : 'neutral',
    field: FIELD_TH[i.field],
    from,
    to,
    impact: impactRows(i, province),
    note: 'ลำดับ: ส่งยอดขาย ≤ อำเภอยืนยัน ≤ จังหวัดยืนยัน ≤ กรมฯ ปิดรับ · จังหวัดกำหนดได้ไม่เกินวันของกรมฯ',
    buttons: [
      { label: 'ยืนยัน', postback: { action: 'cal-ok', params: { t: token, day: clearing ? CLEAR : i.to } }, display: 'ยืนยันกำหนดส่ง', style: 'primary' },
      { label: 'แก้ไข', postback: { action: 'cal-edit', params: { t: token } }, display: 'แก้ไขวันที่', style: 'secondary' },
      { label: 'ยกเลิก', postback: { action: 'cal-no', params: { t: token } }, display: 'ยกเลิก', style: 'link' },
    ],
  };
  return [...(problem ? [text(problem)] : []), card(c)];
}

export function savedText(month: string, field: CalendarField, day: string, clearing: boolean): Reply {
  return text(`บันทึกแล้ว ✅ "${FIELD_TH[field]}" ของยอดขายเดือน${monthTh(month)}: ${dayTh(day)}${clearing ? ' (ใช้วันของกรมฯ)' : ''}`);
}
