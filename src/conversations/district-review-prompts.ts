// What the district-review conversation says: month question, overview card, entries list pages, producers not
// yet reported, the reason question and its confirmation, and the results of confirming and sending back.
import type { CardButton, InfoCard, ListCard } from '../bot/cards.js';
import type { Postback } from '../bot/events.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { CATEGORIES, CATEGORY_SHORT_TH, CATEGORY_TH, STATUS_TH } from '../domain/catalog.js';
import type { ConfirmResult, DistrictMonthOverview, ReturnResult } from '../domain/district-review.js';
import type { PendingProducer, ReviewEntry } from '../domain/district-review-queries.js';
import { dayKeyOf, type MonthKey } from '../domain/fiscal-period.js';
import { formatBaht, formatDayTh, formatMonthTh } from '../domain/thai-format.js';
import { whenTh } from '../domain/when.js';
import { reasonKey, type ChosenState, type StepOf } from './district-review-state.js';

export const FLOW = 'district-review';
export const PAGE_SIZE = 10;
const baht = (s: bigint) => `${formatBaht(s)} บาท`;
const pb = (action: string, token: string, params: Record<string, string> = {}): Postback => ({ action, params: { t: token, ...params } });
export const pageCount = (n: number) => Math.max(1, Math.ceil(n / PAGE_SIZE));
const RETURNABLE = new Set(['SUBMITTED', 'DISTRICT_CONFIRMED']);

/** Where to go after an action that leaves the officer on the list. */
export function listChoices(s: ChosenState): Choice[] {
  return [
    tap('ดูรายการ', pb('dr-list', s.token), 'ดูรายการ'),
    tap('ภาพรวม', pb('dr-overview', s.token), 'ภาพรวม'),
    tap('ยังไม่รายงาน', pb('dr-pending', s.token), 'ยังไม่รายงาน'),
  ];
}

export function monthPrompt(s: StepOf<'month'>, districtName: string): Reply[] {
  const choices = s.months.map((m) => tap(formatMonthTh(m as MonthKey), pb('dr-month', s.token, { m }), formatMonthTh(m as MonthKey)));
  return [
    text(`ตรวจสอบและยืนยันข้อมูลยอดขายของอำเภอ${districtName} เดือนไหนคะ? (ปกติคือเดือน${formatMonthTh(s.months[0] as MonthKey)} ที่เพิ่งสิ้นสุด)`, [
      ...choices,
      say('ยกเลิก'),
    ]),
  ];
}

export function overviewCard(s: ChosenState, o: DistrictMonthOverview, now: Date): Reply[] {
  const c = o.counts;
  const open = !o.lock;
  const buttons: CardButton[] = [];
  const choices: Choice[] = [];
  const add = (label: string, action: string, display: string, style: CardButton['style']) => {
    buttons.push({ label, postback: pb(action, s.token), display, style });
  };
  if (c.entries) add('ดูรายการ', 'dr-list', 'ดูรายการ', 'primary');
  if (open && c.submitted) add(`ยืนยันทั้งหมด (${c.submitted})`, 'dr-confirm', 'ยืนยันทั้งหมด', 'secondary');
  if (o.producers.pending) add(`ยังไม่รายงาน (${o.producers.pending})`, 'dr-pending', 'ยังไม่รายงาน', 'link');
  if (o.lock) choices.push(say('ขอปลดล็อก'));
  choices.push(tap('เปลี่ยนเดือน', pb('dr-months', s.token), 'เปลี่ยนเดือน'), say('ยกเลิก'));

  const due = o.districtConfirmDue;
  const notes: string[] = [];
  if (o.lock) notes.push(`จังหวัดยืนยันแล้วโดย ${o.lock.by} เมื่อ ${whenTh(o.lock.at)} ข้อมูลเดือนนี้ถูกล็อก หากต้องแก้ไข พิมพ์ "ขอปลดล็อก"`);
  else {
    if (o.provinceReturn) notes.push(`จังหวัดส่งกลับให้ตรวจอีกครั้งเมื่อ ${whenTh(o.provinceReturn.at)}${o.provinceReturn.reason ? ` เหตุผล: ${o.provinceReturn.reason}` : ''}`);
    notes.push(`กำหนดอำเภอยืนยัน ${formatDayTh(due)}${dayKeyOf(now) > due && c.submitted ? ' (เลยกำหนดแล้ว)' : ''}`);
    if (!c.entries) notes.push('ยังไม่มีผู้ผลิตรายงานยอดขายเดือนนี้');
    if (c.submitted) notes.push('กด "ดูรายการ" เพื่อตรวจทีละรายการ เว้นบางรายการ หรือส่งกลับแก้ไข');
  }
  const info: InfoCard = {
    kind: 'info',
    altText:
      `ตรวจสอบ/ยืนยัน อำเภอ${o.districtName} เดือน${formatMonthTh(o.month)}: รายงานแล้ว ${o.producers.reported} ราย ยังไม่รายงาน ${o.producers.pending} ราย · ` +
      `รอยืนยัน ${c.submitted} ส่งกลับแก้ไข ${c.returned} ยืนยันแล้ว ${c.confirmed} ส่งล่าช้า ${c.late} · รวม ${baht(o.total)}` +
      (o.lock ? ' · จังหวัดยืนยันแล้ว (ล็อก)' : ''),
    title: 'ตรวจสอบ/ยืนยันข้อมูล',
    subtitle: `อำเภอ${o.districtName} · ${formatMonthTh(o.month)}`,
    tone: o.lock ? 'neutral' : c.entries && !c.submitted && !c.returned ? 'success' : c.submitted ? 'warning' : 'neutral',
    sections: [
      {
        heading: `ผู้ผลิต (${o.producers.active} ราย)`,
        rows: [
          { label: 'รายงานแล้ว', value: `${o.producers.reported} ราย` },
          { label: 'ยังไม่รายงาน', value: `${o.producers.pending} ราย` },
        ],
      },
      {
        heading: `รายการ (${c.entries} รายการ)`,
        rows: [
          { label: 'รอยืนยัน', value: `${c.submitted}`, emphasis: c.submitted > 0 },
          { label: 'ส่งกลับแก้ไข', value: `${c.returned}` },
          { label: 'ยืนยันแล้ว', value: `${c.confirmed}` },
          { label: 'ส่งล่าช้า', value: `${c.late}` },
        ],
      },
      {
        heading: 'ยอดขาย (บาท)',
        rows: [
          ...CATEGORIES.map((k) => ({ label: CATEGORY_SHORT_TH[k], value: formatBaht(o.byCategory[k]) })),
          { label: 'ในประเทศ', value: formatBaht(o.domestic) },
          { label: 'ส่งออก', value: formatBaht(o.export) },
          { label: 'รวมทั้งสิ้น', value: formatBaht(o.total), emphasis: true },
        ],
      },
    ],
    note: notes.join('\n'),
    buttons,
  };
  return [card(info, choices)];
}

/** "12. กลุ่ม… · อาหาร · 53,000 บาท · รอยืนยัน · ล่าช้า" */
export function entryLine(e: ReviewEntry): string {
  return [`${e.no}. ${e.producerName}`, CATEGORY_SHORT_TH[e.category], baht(e.total), STATUS_TH[e.status], ...marks(e)].join(' · ');
}

/** The four amounts, so a transposed figure shows: "ในประเทศ หน้าร้าน 50,000 · ออนไลน์ 3,000\nส่งออก ออฟไลน์ 0 · ออนไลน์ 0". */
export function fourAmounts(e: Pick<ReviewEntry, 'amounts'>): string {
  const a = e.amounts;
  return `ในประเทศ หน้าร้าน ${formatBaht(a.domesticOffline)} · ออนไลน์ ${formatBaht(a.domesticOnline)}\nส่งออก ออฟไลน์ ${formatBaht(a.exportOffline)} · ออนไลน์ ${formatBaht(a.exportOnline)}`;
}

function marks(e: ReviewEntry): string[] {
  return [...(e.late ? ['ล่าช้า'] : []), ...(e.enteredByOfficer ? ['บันทึกโดยเจ้าหน้าที่'] : [])];
}

export function listPage(s: ChosenState, entries: ReviewEntry[], districtName: string, locked: boolean): Reply[] {
  const pages = pageCount(entries.length);
  const page = Math.min(s.page, pages - 1);
  const items = entries.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const month = s.month as MonthKey;
  const choices: Choice[] = [];
  if (page > 0) choices.push(tap('◀ ก่อนหน้า', pb('dr-page', s.token, { p: String(page - 1) }), 'หน้าก่อนหน้า'));
  if (page < pages - 1) choices.push(tap('ถัดไป ▶', pb('dr-page', s.token, { p: String(page + 1) }), 'หน้าถัดไป'));
  if (!locked && entries.some((e) => e.status === 'SUBMITTED')) choices.push(tap('ยืนยันทั้งหมด', pb('dr-confirm', s.token), 'ยืนยันทั้งหมด'));
  choices.push(tap('ยังไม่รายงาน', pb('dr-pending', s.token), 'ยังไม่รายงาน'), tap('ภาพรวม', pb('dr-overview', s.token), 'ภาพรวม'), say('ยกเลิก'));
  if (!items.length) return [text(`ยังไม่มีรายการยอดขายของอำเภอ${districtName} เดือน${formatMonthTh(month)}`, choices)];
  const first = items[0]!.no;
  const last = items[items.length - 1]!.no;
  const list: ListCard = {
    kind: 'list',
    altText: `รายการยอดขาย อำเภอ${districtName} เดือน${formatMonthTh(month)} หน้า ${page + 1}/${pages}\n${items.map(entryLine).join('\n')}`,
    title: `รายการยอดขาย ${formatMonthTh(month)}`,
    subtitle: `อำเภอ${districtName} · หน้า ${page + 1}/${pages} (รายการที่ ${first}–${last} จาก ${entries.length})`,
    items: items.map((e) => ({
      no: String(e.no),
      title: e.producerName,
      detail: [
        [CATEGORY_SHORT_TH[e.category], `รวม ${baht(e.total)}`, ...marks(e)].join(' · '),
        fourAmounts(e),
        ...(e.status === 'RETURNED' && e.returnReason ? [`เหตุผล: ${e.returnReason}`] : []),
      ].join('\n'),
      status: STATUS_TH[e.status],
      ...(!locked && RETURNABLE.has(e.status)
        ? { button: { label: 'ส่งกลับแก้ไข', postback: pb('dr-return', s.token, { e: String(e.id), r: String(e.revision), n: String(e.no) }), display: `ส่งกลับรายการที่ ${e.no}`, style: 'link' as const } }
        : {}),
    })),
    footer: locked ? 'จังหวัดยืนยันเดือนนี้แล้ว ดูได้อย่างเดียว' : 'พิมพ์ "ยืนยันทั้งหมด ยกเว้น 3 5" หรือ "ส่งกลับ 12" ได้',
  };
  return [card(list, choices)];
}

export function pendingPage(s: StepOf<'pending'>, producers: PendingProducer[], districtName: string, active: number): Reply[] {
  const month = s.month as MonthKey;
  const back = [tap('ดูรายการ', pb('dr-list', s.token), 'ดูรายการ'), tap('ภาพรวม', pb('dr-overview', s.token), 'ภาพรวม'), say('ยกเลิก')];
  if (!active) {
    return [text(`อำเภอ${districtName} ยังไม่มีผู้ผลิตที่ลงทะเบียนไว้ในระบบ จึงยังไม่มีใครต้องรายงาน พิมพ์ "ลงทะเบียนผู้ผลิต" เพื่อลงทะเบียนผู้ผลิตรายแรก`, [say('ลงทะเบียนผู้ผลิต'), ...back])];
  }
  if (!producers.length) return [text(`ผู้ผลิตทุกรายของอำเภอ${districtName} รายงานยอดขายเดือน${formatMonthTh(month)} แล้ว 👍`, back)];
  const pages = pageCount(producers.length);
  const page = Math.min(s.pendingPage, pages - 1);
  const items = producers.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const choices: Choice[] = [];
  if (page > 0) choices.push(tap('◀ ก่อนหน้า', pb('dr-pending', s.token, { p: String(page - 1) }), 'หน้าก่อนหน้า'));
  if (page < pages - 1) choices.push(tap('ถัดไป ▶', pb('dr-pending', s.token, { p: String(page + 1) }), 'หน้าถัดไป'));
  const list: ListCard = {
    kind: 'list',
    altText: `ยังไม่รายงานยอดขายเดือน${formatMonthTh(month)} ${producers.length} ราย: ${items.map((p) => p.name).join(', ')}`,
    title: `ยังไม่รายงาน ${formatMonthTh(month)}`,
    subtitle: `อำเภอ${districtName} · ${producers.length} ราย · หน้า ${page + 1}/${pages}`,
    items: items.map((p, i) => ({
      no: String(page * PAGE_SIZE + i + 1),
      title: p.name,
      detail: [`ต.${p.tambon}`, ...(p.phone ? [`โทร ${p.phone}`] : []), ...(p.onLine ? [] : ['ยังไม่ใช้ LINE'])].join(' · '),
      button: { label: 'บันทึกแทน', postback: { action: 'start', params: { flow: 'sales-entry', producerId: String(p.id), month } }, display: `บันทึกแทน ${p.name}`.slice(0, 200), style: 'link' as const },
    })),
    footer: 'กด "บันทึกแทน" เพื่อกรอกยอดขายแทนผู้ผลิต',
  };
  return [card(list, [...choices, ...back])];
}

export function reasonPrompt(s: StepOf<'reason'>, e: ReviewEntry): Reply[] {
  const changed = e.seenRevision !== null && e.seenRevision !== e.revision ? '\n(รายการนี้มีการแก้ไขหลังจากที่คุณเปิดดู ตัวเลขด้านบนเป็นข้อมูลล่าสุด)' : '';
  return [
    text(
      `ส่งกลับรายการที่ ${s.no} ให้ผู้ผลิตแก้ไข\n${e.producerName}\n${CATEGORY_TH[e.category]} · เดือน${formatMonthTh(s.month as MonthKey)} · ${baht(e.total)} (${STATUS_TH[e.status]})${changed}\n\n` +
        'ต้องแก้ไขเรื่องอะไรคะ? พิมพ์เหตุผล หรือเลือกจากปุ่มด้านล่าง',
      [
        say('ยอดไม่ตรงสมุดบัญชี', 'ยอดไม่ตรงกับสมุดบัญชี'),
        say('ประเภทสินค้าผิด', 'ประเภทสินค้าไม่ถูกต้อง'),
        say('ตัวเลขสูงผิดปกติ'),
        say('ตัวเลขต่ำผิดปกติ'),
        say('ยอดส่งออกไม่ถูกต้อง'),
        tap('ไม่ส่งกลับ', pb('dr-back', s.token), 'ไม่ส่งกลับ'),
        say('ยกเลิก'),
      ],
    ),
  ];
}

/** The send-back confirmation; the confirm button carries the entry and the reason it shows. */
export function reasonConfirmPrompt(s: StepOf<'reason-confirm'>, e: ReviewEntry | undefined): Reply[] {
  const what = e ? ` (${e.producerName} · ${CATEGORY_SHORT_TH[e.category]} · ${baht(e.total)})` : '';
  return [
    text(`ส่งกลับรายการที่ ${s.no}${what} ให้ผู้ผลิตแก้ไข\nเหตุผล: ${s.reason}\n\nยืนยันส่งกลับไหมคะ?`, [
      tap('ยืนยันส่งกลับ', pb('dr-return-ok', s.token, { e: String(s.entryId), h: reasonKey(s.reason) }), 'ยืนยันส่งกลับ'),
      tap('แก้เหตุผล', pb('dr-reason', s.token), 'แก้เหตุผล'),
      tap('ไม่ส่งกลับ', pb('dr-back', s.token), 'ไม่ส่งกลับ'),
      say('ยกเลิก'),
    ]),
  ];
}

export function confirmedText(r: ConfirmResult, month: MonthKey): string {
  const lines: string[] = [];
  if (r.confirmed.length) lines.push(`ยืนยันข้อมูลเดือน${formatMonthTh(month)} แล้ว ✅`, `ยืนยัน ${r.confirmed.length} รายการ รวม ${baht(r.total)}`);
  if (r.takenBy) lines.push(`${r.confirmed.length ? 'บางรายการ' : 'รายการทั้งหมด'}ยืนยันแล้วโดย ${r.takenBy.by} เมื่อ ${whenTh(r.takenBy.at)}`);
  if (!r.confirmed.length && !r.takenBy && !r.changed.length && !r.unseen.length) lines.push('ไม่มีรายการที่รอยืนยัน');
  if (r.excepted.length) lines.push(`เว้นไว้ รายการที่ ${r.excepted.join(', ')} (ยังรอยืนยัน)`);
  if (r.changed.length) lines.push(`⚠️ รายการที่ ${r.changed.join(', ')} มีการแก้ไขหลังจากที่คุณเปิดดู กรุณาตรวจอีกครั้ง (ยังไม่ได้ยืนยัน)`);
  if (r.unseen.length) lines.push(`⚠️ รายการที่ ${r.unseen.join(', ')} ส่งเข้ามาใหม่หลังจากที่คุณเปิดดู กรุณาตรวจก่อนยืนยัน`);
  const { submitted, returned } = r.remaining;
  const left = [...(submitted ? [`ยังรอยืนยัน ${submitted} รายการ`] : []), ...(returned ? [`รอผู้ผลิตแก้ไข ${returned} รายการ`] : [])];
  lines.push(
    left.length
      ? `${left.join(' · ')} เมื่อยืนยันครบแล้วจึงลงนามแบบ รต.2`
      : 'ข้อมูลของอำเภอเดือนนี้ยืนยันครบแล้ว พัฒนาการอำเภอลงนามแบบ รต.2 ได้',
  );
  return lines.join('\n');
}

export function returnedReplies(r: ReturnResult, no: number, token: string): Reply[] {
  const head = `ส่งกลับรายการที่ ${no} ให้แก้ไขแล้ว ↩️\n${r.producerName} · ${CATEGORY_SHORT_TH[r.category]} · ${baht(r.total)}\nเหตุผล: ${r.reason}`;
  const more = [tap('ดูรายการ', pb('dr-list', token), 'ดูรายการ'), tap('ภาพรวม', pb('dr-overview', token), 'ภาพรวม'), say('ยกเลิก')];
  if (r.notify.length) return [text(`${head}\nแจ้งผู้ผลิตทาง LINE แล้ว เมื่อผู้ผลิตแก้ไขเสร็จ ระบบจะแจ้งให้ทราบ`, more)];
  return [
    text(
      `${head}\n\nผู้ผลิตรายนี้ยังไม่ได้ใช้ LINE กับระบบ กรุณาติดต่อผู้ผลิต${r.producerPhone ? ` (โทร ${r.producerPhone})` : ''} ` +
        'หรือบันทึกตัวเลขที่ถูกต้องแทนผู้ผลิต (พิมพ์ "บันทึกแทนผู้ผลิต")',
      [tap('บันทึกแทนผู้ผลิต', { action: 'start', params: { flow: 'sales-entry', producerId: String(r.producerId), month: r.month } }, 'บันทึกแทนผู้ผลิต'), ...more],
    ),
  ];
}

/** The message pushed to the producer: what to fix and how. */
export function producerNotice(r: ReturnResult): Reply[] {
  return [
    text(
      `เจ้าหน้าที่อำเภอขอให้แก้ไขยอดขาย 📝\nเดือน${formatMonthTh(r.month)} · ${CATEGORY_TH[r.category]} (รวม ${baht(r.total)})\nสิ่งที่ต้องแก้ไข: ${r.reason}\n\n` +
        'กดปุ่ม "แก้ไขยอดขาย" ด้านล่าง หรือพิมพ์ รายงานยอดขาย เพื่อแก้ไข แล้วกดยืนยันส่งอีกครั้ง',
      [tap('แก้ไขยอดขาย', { action: 'start', params: { flow: 'sales-entry', month: r.month, category: r.category } }, `แก้ไขยอดขาย${CATEGORY_TH[r.category]}`)],
    ),
  ];
}
