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

export function monthPrompt(s: StepOf<'month'>): Reply[] {
  const choices = s.months.map((m) => tap(formatMonthTh(m as MonthKey), pb('se-month', s.token, { m }), formatMonthTh(m as MonthKey)));
  const who = s.onBehalf ? `ของ ${s.producerName} ` : '';
  return [text(`รายงานยอดขาย${who}ของเดือนไหนคะ? (ปกติคือเดือน${formatMonthTh(s.months[0] as MonthKey)} ที่เพิ่งสิ้นสุด)`, [...choices, say('ยกเลิก')])];
}

export function categoryPrompt(s: StepOf<'category'>, own: ProductCategory[]): Reply[] {
  const list = s.all || own.length === 0 ? CATEGORIES : own;
  const choices: Choice[] = list.map((c) => tap(CATEGORY_SHORT_TH[c], pb('se-cat', s.token, { c }), CATEGORY_TH[c]));
  if (!s.all && own.length < CATEGORIES.length && own.length > 0) choices.push(tap('ประเภทอื่น', pb('se-cat-all', s.token)));
  choices.push(say('ยกเลิก'));
  return [text(`เดือน${formatMonthTh(s.month as MonthKey)}: ยอดขายของผลิตภัณฑ์ประเภทไหนคะ?\n(ถ้ามีหลายประเภท ให้รายงานทีละประเภท)`, choices)];
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
  choices.push(say('ยกเลิก'));
  lines.push(
    '',
    'พิมพ์ยอดขายเป็นบาทในข้อความเดียวได้ เช่น',
    'ในประเทศ 120,000 ออนไลน์ 5,000 ส่งออก 0',
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
  return [text(body, [say('0 / ไม่มี', '0'), say('ยกเลิก')])];
}

export function unusualPrompt(s: StepOf<'unusual'>): Reply[] {
  const rows = s.fields.map((f) => `• ${CHANNEL_TH[f]} ${baht(s.amounts[f]!)} (เดือนที่แล้ว ${baht(s.last![f])})`);
  return [
    text(`ตัวเลขนี้ต่างจากเดือนที่แล้วมาก\n${rows.join('\n')}\n\nยืนยันตัวเลขนี้ใช่ไหมคะ?`, [
      tap('ใช่ ถูกต้อง', pb('se-unusual-yes', s.token), 'ใช่ ถูกต้อง'),
      tap('แก้ไข', pb('se-unusual-no', s.token), 'แก้ไขตัวเลข'),
      say('ยกเลิก'),
    ]),
  ];
}

export function exportCountryPrompt(s: ChosenState): Reply[] {
  return [text(`${heading(s)}\nมียอดส่งออก: ส่งออกไปประเทศไหนคะ? (พิมพ์ชื่อประเทศ เช่น ญี่ปุ่น ถ้าหลายประเทศ พิมพ์คั่นด้วย , )`, [say('จีน'), say('ญี่ปุ่น'), say('ลาว'), say('กัมพูชา'), say('เมียนมา'), say('ยกเลิก')])];
}

export function exportChannelPrompt(s: ChosenState): Reply[] {
  const choices = (['SELF', 'AGENT', 'WEBSITE'] as const).map((c) => tap(EXPORT_CHANNEL_TH[c], pb('se-xch', s.token, { x: c }), EXPORT_CHANNEL_TH[c]));
  return [text('ส่งออกผ่านช่องทางไหนคะ?', [...choices, say('ยกเลิก')])];
}

export function exportAgencyPrompt(): Reply[] {
  return [text('มีหน่วยงานใดสนับสนุนการส่งออกไหมคะ? (พิมพ์ชื่อหน่วยงาน หรือกด "ไม่มี")', [say('ไม่มี'), say('กรมการพัฒนาชุมชน'), say('กรมส่งเสริมการค้าฯ'), say('ยกเลิก')])];
}

export function summaryCard(s: StepOf<'summary'>, lateNote: string | null): Reply[] {
  const a = toAmounts(s.amounts as AmountStrings);
  const buttons: CardButton[] = [
    { label: 'ยืนยัน ส่งข้อมูล', postback: pb('se-confirm', s.token), display: 'ยืนยัน', style: 'primary' },
    { label: 'แก้ไข', postback: pb('se-edit', s.token), display: 'แก้ไข', style: 'secondary' },
    { label: 'ยกเลิก', postback: pb('se-cancel', s.token), display: 'ยกเลิก', style: 'link' },
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
