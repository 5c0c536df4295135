// The district confirmation's preview card: how many entries, their total, the numbers left out, entries that will
// not be confirmed because they changed or were never shown, and the active producers that have not reported —
// with buttons to confirm anyway (knowingly) or to record "ไม่มียอดขายเดือนนี้" for them first.
import type { CardButton, CardRow, InfoCard } from '../bot/cards.js';
import type { Postback } from '../bot/events.js';
import { card, say, tap, text, type Reply } from '../bot/reply.js';
import type { ConfirmPreview } from '../domain/district-confirm-preview.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { formatBaht, formatMonthTh } from '../domain/thai-format.js';
import { exceptKey, type StepOf } from './district-review-state.js';

const pb = (action: string, token: string, params: Record<string, string> = {}): Postback => ({ action, params: { t: token, ...params } });
/** How many names of producers not reported the card shows (the rest are counted). */
const NAMES_SHOWN = 5;

export function previewCard(s: StepOf<'confirm'>, p: ConfirmPreview): Reply[] {
  const month = formatMonthTh(s.month as MonthKey);
  const h = exceptKey(s.except);
  const back = [tap('ดูรายการ', pb('dr-list', s.token), 'ดูรายการ'), tap('ยังไม่รายงาน', pb('dr-pending', s.token), 'ยังไม่รายงาน'), say('ยกเลิก')];
  if (!p.toConfirm.length && !p.pending.length) {
    const why = p.notSeen.length ? `รายการที่ ${p.notSeen.join(', ')} มีการแก้ไขหรือส่งเข้ามาใหม่ กรุณาเปิดดูรายการก่อนยืนยัน` : 'ไม่มีรายการที่รอยืนยัน';
    return [text(`อำเภอ${p.districtName} เดือน${month}: ${why}`, back)];
  }
  const rows: CardRow[] = [
    { label: 'จะยืนยัน', value: `${p.toConfirm.length} รายการ`, emphasis: true },
    { label: 'ยอดรวม', value: `${formatBaht(p.total)} บาท`, emphasis: true },
  ];
  if (p.excepted.length) rows.push({ label: 'เว้นไว้ (ยังรอยืนยัน)', value: `รายการที่ ${p.excepted.join(', ')}` });
  if (p.notSeen.length) rows.push({ label: 'ยังไม่ยืนยัน (มีการแก้ไข/ใหม่)', value: `รายการที่ ${p.notSeen.join(', ')}` });
  const pendingRows: CardRow[] = p.pending.slice(0, NAMES_SHOWN).map((x, i) => ({ label: `${i + 1}. ${x.name}`, value: `ต.${x.tambon}` }));
  if (p.pending.length > NAMES_SHOWN) pendingRows.push({ label: 'และอีก', value: `${p.pending.length - NAMES_SHOWN} ราย` });
  const buttons: CardButton[] = [];
  if (p.pending.length) {
    buttons.push({ label: 'ไม่มียอดขาย+ยืนยัน', postback: pb('dr-no-sales', s.token, { h }), display: `บันทึกว่าไม่มียอดขาย ${p.pending.length} ราย แล้วยืนยัน`, style: 'primary' });
    if (p.toConfirm.length) buttons.push({ label: 'ยืนยันแม้ยังไม่ครบ', postback: pb('dr-confirm-ok', s.token, { h }), display: `ยืนยัน ${p.toConfirm.length} รายการ (ยังไม่รายงาน ${p.pending.length} ราย)`, style: 'secondary' });
  } else {
    buttons.push({ label: `ยืนยัน ${p.toConfirm.length} รายการ`, postback: pb('dr-confirm-ok', s.token, { h }), display: `ยืนยัน ${p.toConfirm.length} รายการ`, style: 'primary' });
  }
  buttons.push({ label: 'ยังไม่ยืนยัน', postback: pb('dr-list', s.token), display: 'ยังไม่ยืนยัน กลับไปดูรายการ', style: 'link' });
  const notes = p.pending.length
    ? `ยังมีผู้ผลิตที่ลงทะเบียนไว้ ${p.pending.length} รายที่ยังไม่รายงานเดือนนี้ กด "ไม่มียอดขาย+ยืนยัน" เพื่อบันทึกว่าผู้ผลิตเหล่านี้ไม่มียอดขายเดือนนี้ (ยอด 0 บาท) แล้วยืนยันพร้อมกัน หรือ "ยืนยันแม้ยังไม่ครบ" เพื่อยืนยันเฉพาะที่รายงานแล้ว`
    : 'ผู้ผลิตทุกรายรายงานแล้ว กดปุ่มด้านล่างเพื่อยืนยัน หรือพิมพ์ "ยืนยัน"';
  const c: InfoCard = {
    kind: 'info',
    altText:
      `ก่อนยืนยัน อำเภอ${p.districtName} เดือน${month}: จะยืนยัน ${p.toConfirm.length} รายการ รวม ${formatBaht(p.total)} บาท` +
      (p.excepted.length ? ` · เว้นไว้ รายการที่ ${p.excepted.join(', ')}` : '') +
      (p.notSeen.length ? ` · ยังไม่ยืนยัน รายการที่ ${p.notSeen.join(', ')} (มีการแก้ไข/ใหม่)` : '') +
      (p.pending.length ? ` · ยังไม่รายงาน ${p.pending.length} ราย` : ''),
    title: 'ตรวจก่อนยืนยัน',
    subtitle: `อำเภอ${p.districtName} · ${month}`,
    tone: p.pending.length ? 'warning' : 'neutral',
    sections: [
      { rows },
      ...(p.pending.length ? [{ heading: `ยังไม่รายงาน ${p.pending.length} ราย`, rows: pendingRows }] : []),
    ],
    note: notes,
    buttons,
  };
  return [card(c, back)];
}
