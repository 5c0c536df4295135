// What the sales-entry conversation says at each step. Re-used to repeat the current question after bad input
// or a tap on a stale card.
import type { CardButton, InfoCard } from '../bot/cards.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import {
  CATEGORIES,
  CATEGORY_SHORT_TH,
  CATEGORY_TH,
  CHANNEL_TH,
  CHANNELS,
  EXPORT_CHANNEL_TH,
  totalOf,
  type Channel,
} from '../domain/catalog.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { formatBaht, formatMonthTh } from '../domain/thai-format.js';
import type { ProductCategory } from '../db/generated/enums.js';
import { toAmounts, type AmountStrings, type ChosenState, type StepOf } from './sales-entry-state.js';

export const FLOW = 'sales-entry';
const baht = (s: string | bigint) => `${formatBaht(BigInt(s))} บาท`;
const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });
/** "ย้อนกลับ": the previous question again, keeping what was already answered. */
const back = (token: string): Choice => tap('ย้อนกลับ', pb('se-back', token), 'ย้อนกลับ');
const cancel = say('ยกเลิก');
/** An entry that exists already (not district-confirmed, or it could not be opened) may be deleted instead. */
const deleteChoice = (token: string): Choice => tap('ลบรายการนี้', pb('se-delete', token), 'ลบรายการนี้');

/** The one-message example: all four amounts, so typing it as shown asks nothing more. */
export const ONE_MESSAGE_EXAMPLE = 'หน้าร้าน 120,000 ออนไลน์ 5,000 ส่งออก 0 ส่งออกออนไลน์ 0';

/** Short names of the four amounts for buttons (≤ 20 characters). */
export const CHANNEL_SHORT_TH: Record<Channel, string> = {
  domesticOffline: 'ในประเทศ หน้าร้าน',
  domesticOnline: 'ในประเทศ ออนไลน์',
  exportOffline: 'ส่งออก ออฟไลน์',
  exportOnline: 'ส่งออก ออนไลน์',
};

export function monthPrompt(s: StepOf<'month'>): Reply[] {
  const choices = s.months.map((m) => tap(formatMonthTh(m as MonthKey), pb('se-month', s.token, { m }), formatMonthTh(m as MonthKey)));
  const who = s.onBehalf ? `ของ ${s.producerName} ` : '';
  const newestLocked = s.locked.find((m) => m > s.months[0]!);
  const usual = newestLocked
    ? `เดือน${formatMonthTh(newestLocked as MonthKey)} จังหวัดยืนยันและปิดรับแล้ว จึงแก้ไขไม่ได้ (ถ้าต้องแก้ ให้เจ้าหน้าที่อำเภอขอปลดล็อก)\nเดือนที่ยังเปิดรับ: ${s.months.map((m) => formatMonthTh(m as MonthKey)).join(', ')}`
    : `(ปกติคือเดือน${formatMonthTh(s.months[0] as MonthKey)} ที่เพิ่งสิ้นสุด)`;
  return [text(`รายงานยอดขาย${who}ของเดือนไหนคะ?\n${usual}`, [...choices, ...(s.onBehalf ? [back(s.token)] : []), cancel])];
}

export function categoryPrompt(s: StepOf<'category'>, own: ProductCategory[]): Reply[] {
  const list = s.all || own.length === 0 ? CATEGORIES : own;
  const choices: Choice[] = list.map((c) => tap(CATEGORY_SHORT_TH[c], pb('se-cat', s.token, { c }), CATEGORY_TH[c]));
  if (!s.all && own.length < CATEGORIES.length && own.length > 0) choices.push(tap('ประเภทอื่น', pb('se-cat-all', s.token)));
  if (own.length > 1) choices.push(tap('ไม่มียอดทุกประเภท', pb('se-none-all', s.token), 'เดือนนี้ไม่มียอดขายทุกประเภท'));
  choices.push(back(s.token), cancel);
  return [text(`เดือน${formatMonthTh(s.month as MonthKey)}: ยอดขายของผลิตภัณฑ์ประเภทไหนคะ?\n(ถ้ามีหลายประเภท ให้รายงานทีละประเภท)`, choices)];
}

export function noneAllPrompt(s: StepOf<'none-all'>): Reply[] {
  const names = s.categories.map((c) => CATEGORY_TH[c]).join(', ');
  const skipped = s.skipped.length ? `\n(ไม่รวม ${s.skipped.map((c) => CATEGORY_TH[c]).join(', ')} เพราะมีข้อมูลเดือนนี้แล้ว)` : '';
  return [
    text(`บันทึกว่าเดือน${formatMonthTh(s.month as MonthKey)} ${s.producerName} ไม่มียอดขาย (0 บาท) ${s.categories.length} ประเภท: ${names}${skipped}\nกด "ยืนยัน" เพื่อบันทึก`, [
      tap('ยืนยัน', pb('se-none-confirm', s.token), 'ยืนยัน ไม่มียอดขาย'),
      back(s.token),
      cancel,
    ]),
  ];
}

function heading(s: ChosenState): string {
  return `${s.onBehalf ? `${s.producerName}\n` : ''}เดือน${formatMonthTh(s.month as MonthKey)} · ${CATEGORY_TH[s.category]}`;
}

export function amountsPrompt(s: StepOf<'amounts'>): Reply[] {
  const lines = [heading(s)];
  const choices: Choice[] = [];
  if (s.last) {
    lines.push('', 'ยอดเดือนที่แล้ว:', ...CHANNELS.map((c) => `• ${CHANNEL_TH[c]} ${baht(s.last![c])}`));
    choices.push(tap('เหมือนเดือนที่แล้ว', pb('se-same', s.token), 'เหมือนเดือนที่แล้ว'));
  }
  choices.push(tap('กรอกทีละช่อง', pb('se-guided', s.token), 'กรอกทีละช่อง'));
  choices.push(tap('ไม่มียอดขาย', pb('se-zero', s.token), 'เดือนนี้ไม่มียอดขาย'));
  if (s.revision !== null) choices.push(deleteChoice(s.token));
  choices.push(back(s.token), cancel);
  lines.push(
    '',
    'พิมพ์ยอดขาย 4 ช่องเป็นบาทในข้อความเดียวได้ เช่น',
    ONE_MESSAGE_EXAMPLE,
    'หรือกด "กรอกทีละช่อง" เพื่อตอบทีละคำถาม',
  );
  return [text(lines.join('\n'), choices)];
}

const QUESTION: Record<Channel, string> = {
  domesticOffline: 'ยอดขายในประเทศ ที่ขายหน้าร้าน/ออกงาน/ฝากขาย (ไม่ใช่ออนไลน์) กี่บาทคะ?',
  domesticOnline: 'ยอดขายในประเทศ ที่ขายทางออนไลน์ (เช่น Facebook, LINE, Shopee) กี่บาทคะ?',
  exportOffline: 'ยอดขายส่งออกต่างประเทศ (ไม่ใช่ออนไลน์) กี่บาทคะ?',
  exportOnline: 'ยอดขายส่งออกต่างประเทศ ทางออนไลน์ กี่บาทคะ?',
};

export function amountPrompt(s: StepOf<'amount'>, note?: string): Reply[] {
  const n = CHANNELS.indexOf(s.field) + 1;
  const body = `${note ? `${note}\n\n` : ''}(${n}/4) ${QUESTION[s.field]}${s.last ? `\nเดือนที่แล้ว: ${baht(s.last[s.field])}` : ''}`;
  return [text(body, [say('0 / ไม่มี', '0'), back(s.token), cancel])];
}

export function unusualPrompt(s: StepOf<'unusual'>): Reply[] {
  const rows = s.fields.map((f) => `• ${CHANNEL_TH[f]} ${baht(s.amounts[f]!)} (เดือนที่แล้ว ${baht(s.last![f])})`);
  return [
    text(`ตัวเลขนี้ต่างจากเดือนที่แล้วมาก\n${rows.join('\n')}\n\nยืนยันตัวเลขนี้ใช่ไหมคะ? ${s.fields.length === 1 ? '(หรือพิมพ์ตัวเลขที่ถูกต้องได้เลย)' : '(หรือกด "แก้ไข" เพื่อพิมพ์ใหม่เฉพาะช่องเหล่านี้)'}`, [
      tap('ใช่ ถูกต้อง', pb('se-unusual-yes', s.token), 'ใช่ ถูกต้อง'),
      tap('แก้ไข', pb('se-unusual-no', s.token), 'แก้ไขตัวเลข'),
      back(s.token),
      cancel,
    ]),
  ];
}

export function exportCountryPrompt(s: ChosenState): Reply[] {
  const common = ['จีน', 'ญี่ปุ่น', 'ลาว', 'กัมพูชา', 'เมียนมา'].map((c) => say(c));
  return [text(`${heading(s)}\nมียอดส่งออก: ส่งออกไปประเทศไหนคะ? (พิมพ์ชื่อประเทศ เช่น ญี่ปุ่น ถ้าหลายประเทศ พิมพ์คั่นด้วย , )`, [...common, back(s.token), cancel])];
}

/** A typed name that is on no country list: its closest matches, or the name as typed, confirmed explicitly. */
export function countryNotFoundPrompt(s: StepOf<'export-country'>, suggestions: { code: string; nameTh: string }[]): Reply[] {
  const p = s.pending!;
  const near = suggestions.length ? `ใกล้เคียง: ${suggestions.map((c) => c.nameTh).join(', ')}` : 'ไม่พบชื่อที่ใกล้เคียง';
  return [
    text(`ไม่พบประเทศชื่อ "${p.unknown}" ในรายชื่อประเทศ\n${near}\nกรุณาเลือกจากปุ่ม หรือพิมพ์ชื่อใหม่ ถ้าชื่อนี้ถูกต้องจริง กด "ใช้ชื่อตามที่พิมพ์"`, [
      ...suggestions.map((c) => tap(shortLabel(c.nameTh), pb('se-country', s.token, { c: c.code }), c.nameTh)),
      tap('ใช้ชื่อตามที่พิมพ์', pb('se-country-typed', s.token), `ใช้ชื่อ ${p.unknown}`),
      back(s.token),
      cancel,
    ]),
  ];
}

const shortLabel = (s: string) => (s.length <= 20 ? s : `${s.slice(0, 19)}…`);

export function exportChannelPrompt(s: ChosenState): Reply[] {
  const choices = (['SELF', 'AGENT', 'WEBSITE'] as const).map((c) => tap(EXPORT_CHANNEL_TH[c], pb('se-xch', s.token, { x: c }), EXPORT_CHANNEL_TH[c]));
  return [text('ส่งออกผ่านช่องทางไหนคะ?', [...choices, back(s.token), cancel])];
}

export function exportAgencyPrompt(s: ChosenState): Reply[] {
  return [text('มีหน่วยงานใดสนับสนุนการส่งออกไหมคะ? (พิมพ์ชื่อหน่วยงาน หรือกด "ไม่มี")', [say('ไม่มี'), say('กรมการพัฒนาชุมชน'), say('กรมส่งเสริมการค้าฯ'), back(s.token), cancel])];
}

/** "แก้ไข" on the summary: which amount to change (the others and the export details are kept). */
export function editWhichPrompt(s: StepOf<'edit-which'>): Reply[] {
  const a = toAmounts(s.amounts as AmountStrings);
  const rows = CHANNELS.map((c) => `• ${CHANNEL_TH[c]} ${baht(a[c])}`);
  return [
    text(`ต้องการแก้ไขช่องไหนคะ? ช่องอื่นจะคงไว้ตามเดิม\n${rows.join('\n')}\n(หรือพิมพ์ชื่อช่องพร้อมตัวเลข เช่น ออนไลน์ 6,000)`, [
      ...CHANNELS.map((c) => tap(CHANNEL_SHORT_TH[c], pb('se-edit-field', s.token, { f: c }), `แก้ไข${CHANNEL_TH[c]}`)),
      ...(s.exports.length ? [tap('ข้อมูลส่งออก', pb('se-edit-export', s.token), 'แก้ไขข้อมูลการส่งออก')] : []),
      tap('กรอกใหม่ทั้งหมด', pb('se-edit-all', s.token), 'กรอกใหม่ทั้งหมด'),
      back(s.token),
      cancel,
    ]),
  ];
}

export function editAmountPrompt(s: StepOf<'edit-amount'>, note?: string): Reply[] {
  const now = baht(s.amounts[s.field]);
  return [text(`${note ? `${note}\n\n` : ''}${QUESTION[s.field]}\n(ตอนนี้: ${now})`, [say('0 / ไม่มี', '0'), back(s.token), cancel])];
}

export function summaryCard(s: StepOf<'summary'>, lateNote: string | null): Reply[] {
  const a = toAmounts(s.amounts as AmountStrings);
  const buttons: CardButton[] = [
    { label: 'ยืนยัน ส่งข้อมูล', postback: pb('se-confirm', s.token), display: 'ยืนยัน', style: 'primary' },
    { label: 'แก้ไข', postback: pb('se-edit', s.token), display: 'แก้ไข', style: 'secondary' },
    { label: 'ยกเลิก', postback: pb('se-cancel', s.token), display: 'ยกเลิก', style: 'link' },
    ...(s.revision !== null ? [{ label: 'ลบรายการนี้', postback: pb('se-delete', s.token), display: 'ลบรายการนี้', style: 'link' as const }] : []),
  ];
  const c: InfoCard = {
    kind: 'info',
    altText: `สรุปยอดขาย ${s.producerName} เดือน${formatMonthTh(s.month as MonthKey)} ${CATEGORY_TH[s.category]} รวม ${baht(totalOf(a))} — กดยืนยันเพื่อส่ง`,
    title: 'ตรวจสอบก่อนส่ง',
    subtitle: `${s.producerName} · เดือน${formatMonthTh(s.month as MonthKey)}`,
    tone: 'neutral',
    sections: [
      {
        heading: CATEGORY_TH[s.category],
        rows: [
          ...CHANNELS.map((ch) => ({ label: CHANNEL_TH[ch], value: baht(a[ch]) })),
          { label: 'รวมทั้งสิ้น', value: baht(totalOf(a)), emphasis: true },
        ],
      },
      ...s.exports.map((x) => ({
        heading: 'การส่งออก',
        rows: [
          { label: 'ประเทศ', value: x.country },
          { label: 'ช่องทาง', value: EXPORT_CHANNEL_TH[x.channel] },
          { label: 'หน่วยงานสนับสนุน', value: x.agency ?? 'ไม่มี' },
        ],
      })),
    ],
    ...(lateNote ? { note: lateNote } : s.onBehalf ? { note: 'บันทึกแทนผู้ผลิตโดยเจ้าหน้าที่' } : {}),
    buttons,
  };
  return [card(c)];
}
