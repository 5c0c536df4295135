// What unlock requests look like: the district officer's questions and confirmation, the action card province officers get (its
// buttons are global actions that work days later, without a conversation), and the decision messages.
import { createHash } from 'node:crypto';
import type { InfoCard } from '../bot/cards.js';
import { card, say, tap, text, type Reply } from '../bot/reply.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { formatMonthTh } from '../domain/thai-format.js';
import type { UnlockableMonth, UnlockView } from '../domain/unlocks.js';
import { whenTh } from '../domain/when.js';

export const REQUEST_FLOW = 'unlock-request';
export const PENDING_FLOW = 'unlock-pending';
export const APPROVE = 'unlock-approve';
export const REFUSE = 'unlock-refuse';
const monthTh = (m: string) => formatMonthTh(m as MonthKey);

/** A short fingerprint of a reason, carried by a confirmation button: a tap on an older confirmation (the reason
 * since edited) is answered with the current one and sends nothing. Used by the send-back confirmation too. */
export const reasonTag = (reason: string): string => createHash('sha256').update(reason).digest('hex').slice(0, 8);

export function monthPrompt(token: string, months: UnlockableMonth[]): Reply[] {
  const lines = months.map((m) => `• ${monthTh(m.month)} — จังหวัดยืนยันเมื่อ ${whenTh(m.confirmedAt)}${m.pending ? ' (มีคำขอรอพิจารณาอยู่แล้ว)' : ''}`);
  return [
    text(`ขอปลดล็อกข้อมูลเดือนไหนคะ? เดือนที่จังหวัดยืนยันแล้ว:\n${lines.join('\n')}`, [
      ...months.map((m) => tap(monthTh(m.month), { action: 'ul-month', params: { t: token, m: m.month } }, `ขอปลดล็อกเดือน${monthTh(m.month)}`)),
      say('ยกเลิก'),
    ]),
  ];
}

export const REASONS: [string, string][] = [
  ['ผู้ผลิตแจ้งยอดผิด', 'ผู้ผลิตแจ้งว่ารายงานยอดขายผิด ต้องแก้ไขตัวเลข'],
  ['ผู้ผลิตรายงานตกหล่น', 'มีผู้ผลิตที่ยังไม่ได้รายงาน ต้องบันทึกเพิ่ม'],
  ['บันทึกประเภทผิด', 'บันทึกประเภทผลิตภัณฑ์ผิด ต้องแก้ไข'],
];

export function reasonPrompt(month: string, problem?: string): Reply[] {
  return [
    text(
      `${problem ? `${problem}\n\n` : ''}ขอปลดล็อกข้อมูลเดือน${monthTh(month)}\nกรุณาพิมพ์เหตุผลที่ต้องแก้ไข (3–300 ตัวอักษร) หรือเลือกจากปุ่มด้านล่าง`,
      [...REASONS.map(([label, t]) => say(label, t)), say('ยกเลิก')],
    ),
  ];
}

/** The request said in full before it is sent: only "ยืนยันขอปลดล็อก" (or a typed "ยืนยัน") sends it. */
export function confirmPrompt(token: string, month: string, reason: string, problem?: string): Reply[] {
  return [
    text(
      `${problem ? `${problem}\n\n` : ''}ขอปลดล็อกข้อมูลเดือน${monthTh(month)}\nเหตุผล: ${reason}\n` +
        'กด "ยืนยันขอปลดล็อก" เพื่อส่งคำขอถึงจังหวัด หรือ "แก้เหตุผล" เพื่อพิมพ์ใหม่',
      [
        tap('ยืนยันขอปลดล็อก', { action: 'ul-ok', params: { t: token, m: month, h: reasonTag(reason) } }, 'ยืนยันขอปลดล็อก'),
        tap('แก้เหตุผล', { action: 'ul-edit', params: { t: token } }, 'แก้เหตุผล'),
        say('ยกเลิก'),
      ],
    ),
  ];
}

/** The card a province officer decides on: pushed when the request is made, and listed by "คำขอปลดล็อก". */
export function requestCard(v: UnlockView): Reply {
  const c: InfoCard = {
    kind: 'info',
    altText: `คำขอปลดล็อก อำเภอ${v.districtName} เดือน${monthTh(v.month)} จาก ${v.requesterName}: ${v.reason}`,
    title: 'คำขอปลดล็อกข้อมูล',
    subtitle: `อำเภอ${v.districtName} · เดือน${monthTh(v.month)}`,
    tone: 'warning',
    sections: [
      {
        rows: [
          { label: 'อำเภอ', value: v.districtName },
          { label: 'เดือน', value: monthTh(v.month) },
          { label: 'ผู้ขอ', value: v.requesterName },
          { label: 'ส่งเมื่อ', value: whenTh(v.requestedAt) },
        ],
      },
    ],
    note: `เหตุผล: ${v.reason}\nถ้าอนุมัติ ข้อมูลเดือนนี้ของอำเภอจะเปิดให้แก้ไข แล้วต้องให้อำเภอและจังหวัดยืนยันใหม่`,
    buttons: [
      { label: 'อนุมัติ', postback: { action: APPROVE, params: { id: String(v.id) } }, display: `อนุมัติคำขอปลดล็อก อำเภอ${v.districtName}`, style: 'primary' },
      { label: 'ไม่อนุมัติ', postback: { action: REFUSE, params: { id: String(v.id) } }, display: `ไม่อนุมัติคำขอปลดล็อก อำเภอ${v.districtName}`, style: 'secondary' },
    ],
  };
  return card(c);
}

export function approvedPush(v: UnlockView, reopened: number): Reply[] {
  return [
    text(
      `จังหวัดอนุมัติคำขอปลดล็อกข้อมูลเดือน${monthTh(v.month)} ของอำเภอ${v.districtName}แล้ว โดย ${v.decidedBy}\n` +
        `ข้อมูล ${reopened} รายการกลับไปรออำเภอยืนยัน ผู้ผลิตและเจ้าหน้าที่แก้ไขได้แล้ว ` +
        'เมื่อแก้ไขเสร็จ อำเภอต้องยืนยันใหม่ แล้วจังหวัดจะยืนยันอีกครั้ง',
      [say('ตรวจสอบ/ยืนยัน')],
    ),
  ];
}

export function refusedPush(v: UnlockView): Reply[] {
  return [
    text(
      `จังหวัดไม่อนุมัติคำขอปลดล็อกข้อมูลเดือน${monthTh(v.month)} ของอำเภอ${v.districtName} (โดย ${v.decidedBy} เมื่อ ${whenTh(v.decidedAt!)})\n` +
        `เหตุผลที่ขอ: ${v.reason}\nข้อมูลยังคงล็อกอยู่ หากมีข้อสงสัย กรุณาติดต่อจังหวัด`,
    ),
  ];
}
