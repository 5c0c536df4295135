// What the delete-entry conversation says: the producer's recent entries (numbered; those the district confirmed
// say why they stay), the entry in full before it is deleted, and what happened.
import type { InfoCard } from '../bot/cards.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { CATEGORY_SHORT_TH, CATEGORY_TH, CHANNEL_TH, CHANNELS, STATUS_TH } from '../domain/catalog.js';
import { isDeletable, type EntryLine } from '../domain/sales-delete.js';
import { formatBaht, formatMonthTh } from '../domain/thai-format.js';

export const FLOW = 'delete-entry';
const baht = (s: bigint) => `${formatBaht(s)} บาท`;
const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });
const cancel = say('ยกเลิก');

/** "ข้อ 2 เครื่องดื่ม" when it fits a label, else "ข้อ 2" (the list above says which). */
function pickLabel(n: number, e: EntryLine): string {
  const full = `ข้อ ${n} ${CATEGORY_SHORT_TH[e.category]}`;
  return full.length <= 20 ? full : `ข้อ ${n}`;
}

export function listPrompt(token: string, producerName: string, onBehalf: boolean, entries: EntryLine[]): Reply[] {
  const lines = entries.map((e, i) =>
    `${i + 1}. ${formatMonthTh(e.month)} · ${CATEGORY_TH[e.category]} ${baht(e.total)} · ${STATUS_TH[e.status]}${isDeletable(e.status) ? '' : ' (ลบไม่ได้)'}`);
  const choices: Choice[] = entries.flatMap((e, i) =>
    isDeletable(e.status) ? [tap(pickLabel(i + 1, e), pb('de-pick', token, { e: String(e.id) }), `ลบ${CATEGORY_TH[e.category]} เดือน${formatMonthTh(e.month)}`)] : []);
  return [
    text(`ลบรายการยอดขาย${onBehalf ? `ของ ${producerName}` : ''}: เลือกรายการที่จะลบ\n${lines.join('\n')}\n\nลบได้เฉพาะรายการที่อำเภอยังไม่ยืนยัน`, [...choices, cancel]),
  ];
}

/** The entry in full; only "ยืนยันลบรายการ" (or a typed "ยืนยันลบ") deletes it. */
export function confirmCard(token: string, producerName: string, e: EntryLine): Reply[] {
  const c: InfoCard = {
    kind: 'info',
    altText: `ลบรายการ ${producerName} ${CATEGORY_TH[e.category]} เดือน${formatMonthTh(e.month)} รวม ${baht(e.total)}? กดยืนยันเพื่อลบ`,
    title: 'ลบรายการนี้?',
    subtitle: `${producerName} · เดือน${formatMonthTh(e.month)}`,
    tone: 'danger',
    sections: [
      {
        heading: `${CATEGORY_TH[e.category]} · ${STATUS_TH[e.status]}`,
        rows: [
          ...CHANNELS.map((ch) => ({ label: CHANNEL_TH[ch], value: baht(e.amounts[ch]) })),
          { label: 'รวมทั้งสิ้น', value: baht(e.total), emphasis: true },
          ...e.exports.map((x) => ({ label: 'ส่งออกไป', value: x.country })),
        ],
      },
    ],
    note: 'ลบแล้วรายการนี้จะหายไปทั้งหมด (รวมข้อมูลการส่งออก) ถ้ามียอดจริงต้องรายงานใหม่',
    buttons: [
      { label: 'ยืนยันลบรายการ', postback: pb('de-ok', token, { e: String(e.id), rev: String(e.revision) }), display: 'ยืนยันลบรายการ', style: 'primary' },
      { label: 'ไม่ลบ', postback: pb('de-no', token), display: 'ไม่ลบ', style: 'secondary' },
    ],
  };
  return [card(c, [cancel])];
}

export function deletedText(producerName: string, producerId: number, e: EntryLine): Reply[] {
  return [
    text(`ลบรายการแล้ว 🗑️\n${producerName}\nเดือน${formatMonthTh(e.month)} · ${CATEGORY_TH[e.category]} (เดิม ${baht(e.total)})\nประเภทนี้ของเดือนนี้จึงยังไม่ได้รายงาน ถ้ามียอดขาย กด "รายงานใหม่"`, [
      tap('รายงานใหม่', { action: 'start', params: { flow: 'sales-entry', producerId: String(producerId), month: e.month, category: e.category } }, 'รายงานยอดขาย'),
      say('เมนู'),
    ]),
  ];
}
