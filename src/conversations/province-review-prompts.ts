// What the province-confirmation conversation shows: the district list of a month (all districts, in cards of up to
// 12), the preview of "ยืนยันทุกอำเภอที่พร้อม", one district's detail card (รต.3 by product type) with confirm / send back, the send-back reason question and its confirmation.
import type { CardButton, InfoCard, ListCard } from '../bot/cards.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { CATEGORIES, CATEGORY_SHORT_TH, CATEGORY_TH } from '../domain/catalog.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import type { DistrictMonthSummary, ProvinceMonthOverview } from '../domain/province-review.js';
import { formatBaht, formatBahtCompact, formatMonthTh } from '../domain/thai-format.js';
import { whenTh } from '../domain/when.js';
import type { ProvinceReviewState, ReviewStep } from './province-review-state.js';
import { reasonTag } from './unlock-prompts.js';

export const FLOW = 'province-review';
const baht = (s: bigint) => `${formatBaht(s)} บาท`;
const monthTh = (m: string) => formatMonthTh(m as MonthKey);
export const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });

/** The status words of the list (the province's view of a district-month). */
export function stateTh(d: DistrictMonthSummary): string {
  switch (d.state) {
    case 'province-confirmed': return 'จังหวัดยืนยันแล้ว';
    case 'ready': return 'ยืนยันครบแล้ว';
    case 'waiting': return `รออำเภอยืนยัน ${d.waiting} รายการ`;
    case 'not-started': return 'ยังไม่เริ่ม';
  }
}

function itemButton(s: ProvinceReviewState, d: DistrictMonthSummary): CardButton | undefined {
  if (d.state === 'not-started') return undefined;
  const label = d.state === 'ready' ? 'ยืนยัน' : d.state === 'waiting' && d.districtConfirmed > 0 ? 'ดู/ส่งกลับ' : 'ดู';
  return { label, postback: pb('pr-detail', s.token, { d: String(d.districtId), m: s.month }), display: `${label} อำเภอ${d.nameTh}`, style: d.state === 'ready' ? 'primary' : 'link' };
}

function itemDetail(d: DistrictMonthSummary): string {
  if (d.state === 'not-started') return 'ยังไม่มีผู้ผลิตรายงาน';
  if (d.state === 'province-confirmed') return `รวม ${baht(d.total)} · ยืนยันโดย ${d.confirmedBy} ${whenTh(d.confirmedAt!)}`;
  return `รวม ${baht(d.total)} · ${d.entries} รายการ`;
}

/** Most districts one list card holds (LINE shows a bubble's items on a phone screen or two; the card's limit is 12). */
export const CARD_SIZE = 12;

/** The province's districts in cards of at most CARD_SIZE, as even as possible (32 → 11, 11, 10). */
export function cardsOf<T>(items: readonly T[]): T[][] {
  const cards = Math.max(1, Math.ceil(items.length / CARD_SIZE));
  const size = Math.max(1, Math.ceil(items.length / cards));
  return Array.from({ length: cards }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
}

export const CONFIRM_ALL_LABEL = 'ยืนยันอำเภอที่พร้อม';

function listChoices(s: ProvinceReviewState, ready: number): Choice[] {
  const choices: Choice[] = [];
  if (ready > 0) choices.push(tap(CONFIRM_ALL_LABEL, pb('pr-all', s.token), 'ยืนยันทุกอำเภอที่พร้อม'));
  for (const m of s.months) if (m !== s.month) choices.push(tap(monthTh(m), pb('pr-month', s.token, { m }), `ดูเดือน${monthTh(m)}`));
  choices.push(say('คำขอปลดล็อก'), say('เมนู'));
  return choices;
}

/**
 * Every district of the month in one answer (one card up to 12 districts, else two or three cards: the largest
 * province has 32), with the province's confirmed total so far and, when some are ready, "ยืนยันทุกอำเภอที่พร้อม".
 */
export function listPrompt(s: ProvinceReviewState, o: ProvinceMonthOverview): Reply[] {
  const cards = cardsOf(o.districts.map((d, i) => ({ d, no: i + 1 })));
  const ready = o.districts.filter((d) => d.state === 'ready').length;
  const cats = CATEGORIES.filter((c) => o.confirmedByCategory[c] > 0n).map((c) => `${CATEGORY_SHORT_TH[c]} ${formatBahtCompact(o.confirmedByCategory[c])}`);
  const footer =
    `จังหวัดยืนยันแล้ว ${o.confirmedDistricts} จาก ${o.districts.length} อำเภอ · รวม ${baht(o.confirmedTotal)}` +
    (ready ? `\nพร้อมให้จังหวัดยืนยัน ${ready} อำเภอ` : '') +
    (cats.length ? `\n${cats.join(' · ')}` : '');
  const last = cards.length - 1;
  return cards.map((shown, i) => {
    const range = cards.length > 1 ? ` · อำเภอที่ ${shown[0]!.no}–${shown[shown.length - 1]!.no} จาก ${o.districts.length}` : '';
    const c: ListCard = {
      kind: 'list',
      altText:
        `ยืนยันระดับจังหวัด ${o.provinceName} เดือน${monthTh(o.month)}${cards.length > 1 ? ` (${i + 1}/${cards.length})` : ''}: ` +
        shown.map(({ d }) => `${d.nameTh} ${stateTh(d)}${d.entries ? ` ${baht(d.total)}` : ''}`).join('; '),
      title: `ยืนยันข้อมูลระดับจังหวัด เดือน${monthTh(o.month)}`,
      subtitle: `จังหวัด${o.provinceName}${range}`,
      items: shown.map(({ d, no }) => ({ no: `${no}.`, title: `อำเภอ${d.nameTh}`, detail: itemDetail(d), status: stateTh(d), button: itemButton(s, d) })),
      ...(i === last ? { footer } : {}),
      ...(i === last && ready
        ? { buttons: [{ label: CONFIRM_ALL_LABEL, postback: pb('pr-all', s.token), display: `ยืนยันทุกอำเภอที่พร้อม (${ready} อำเภอ)`, style: 'primary' as const }] }
        : {}),
    };
    return card(c, i === last ? listChoices(s, ready) : undefined);
  });
}

/** The preview of "ยืนยันทุกอำเภอที่พร้อม": which districts, how many entries, the total; nothing is written yet. */
export function confirmAllPrompt(s: ReviewStep<'confirm-all'>, p: { provinceName: string; notReady: Record<'waiting' | 'not-started' | 'province-confirmed', number> }, problem?: string): Reply[] {
  const total = s.districts.reduce((t, d) => t + BigInt(d.total), 0n);
  const entries = s.districts.reduce((t, d) => t + d.entries, 0);
  const n = s.districts.length;
  const left = [
    p.notReady.waiting ? `รออำเภอยืนยัน ${p.notReady.waiting} อำเภอ` : '',
    p.notReady['not-started'] ? `ยังไม่มีรายงาน ${p.notReady['not-started']} อำเภอ` : '',
    p.notReady['province-confirmed'] ? `จังหวัดยืนยันไปแล้ว ${p.notReady['province-confirmed']} อำเภอ` : '',
  ].filter(Boolean);
  const c: InfoCard = {
    kind: 'info',
    altText: `ก่อนยืนยัน จังหวัด${p.provinceName} เดือน${monthTh(s.month)}: จะยืนยัน ${n} อำเภอ ${entries} รายการ รวม ${baht(total)} — ` + s.districts.map((d) => d.name).join(', '),
    title: 'ตรวจก่อนยืนยันทุกอำเภอที่พร้อม',
    subtitle: `จังหวัด${p.provinceName} · ${monthTh(s.month)}`,
    tone: 'neutral',
    sections: [
      {
        rows: [
          { label: 'จะยืนยัน', value: `${n} อำเภอ (${entries} รายการ)`, emphasis: true },
          { label: 'ยอดรวม', value: baht(total), emphasis: true },
        ],
      },
      { heading: 'อำเภอที่จะยืนยัน', rows: s.districts.map((d, i) => ({ label: `${i + 1}. อำเภอ${d.name}`, value: baht(BigInt(d.total)) })) },
    ],
    note:
      (problem ? `${problem}\n` : '') +
      (left.length ? `ยังไม่ยืนยันในครั้งนี้: ${left.join(' · ')}\n` : '') +
      'เมื่อยืนยันแล้ว ข้อมูลส่งถึงศูนย์เขตและกรมฯ และเดือนนี้ของอำเภอเหล่านี้ถูกล็อก',
    buttons: [
      { label: `ยืนยัน ${n} อำเภอ`, postback: pb('pr-all-ok', s.token, { h: confirmAllKey(s.districts) }), display: `ยืนยัน ${n} อำเภอ`, style: 'primary' },
      { label: 'ยังไม่ยืนยัน', postback: pb('pr-list', s.token), display: 'ยังไม่ยืนยัน กลับไปรายการอำเภอ', style: 'link' },
    ],
  };
  return [card(c, [tap('กลับไปรายการอำเภอ', pb('pr-list', s.token), 'กลับไปรายการอำเภอ'), say('เมนู')])];
}

/** Fingerprint of the districts a preview showed, carried by its button: a tap on an older preview confirms nothing. */
export const confirmAllKey = (districts: ReviewStep<'confirm-all'>['districts']): string =>
  reasonTag(districts.map((d) => `${d.id}:${d.revision ?? ''}:${d.entries}:${d.total}`).join(','));

/** One district-month: totals by product type, entry counts, and what the province may do. */
export function detailPrompt(s: ProvinceReviewState, d: DistrictMonthSummary): Reply[] {
  const buttons: CardButton[] = [];
  if (d.state === 'ready') {
    buttons.push({ label: 'ยืนยันข้อมูลอำเภอนี้', postback: pb('pr-confirm', s.token, { d: String(d.districtId), r: d.revision === null ? '' : String(d.revision) }), display: `ยืนยัน อำเภอ${d.nameTh}`, style: 'primary' });
  }
  if (d.state !== 'province-confirmed' && d.districtConfirmed > 0) {
    buttons.push({ label: 'ส่งกลับให้อำเภอ', postback: pb('pr-return', s.token, { d: String(d.districtId) }), display: `ส่งกลับ อำเภอ${d.nameTh}`, style: 'secondary' });
  }
  buttons.push({ label: 'กลับไปรายการอำเภอ', postback: pb('pr-list', s.token), display: 'กลับไปรายการอำเภอ', style: 'link' });
  const notes: string[] = [];
  if (d.state === 'province-confirmed') notes.push(`จังหวัดยืนยันแล้ว โดย ${d.confirmedBy} เมื่อ ${whenTh(d.confirmedAt!)} ข้อมูลถูกล็อก หากต้องแก้ไข อำเภอต้องขอปลดล็อก`);
  if (d.state === 'waiting') notes.push('ยืนยันระดับจังหวัดได้เมื่ออำเภอยืนยันครบทุกรายการ');
  if (d.returnedAt && d.state !== 'province-confirmed') notes.push(`จังหวัดเคยส่งกลับเมื่อ ${whenTh(d.returnedAt)} เหตุผล: ${d.returnReason}`);
  const c: InfoCard = {
    kind: 'info',
    altText: `อำเภอ${d.nameTh} เดือน${monthTh(s.month)}: ${stateTh(d)} รวม ${baht(d.total)}${d.state === 'ready' ? ' — กดยืนยันหรือส่งกลับ' : ''}`,
    title: `อำเภอ${d.nameTh}`,
    subtitle: `เดือน${monthTh(s.month)} · ${stateTh(d)}`,
    tone: d.state === 'province-confirmed' ? 'success' : d.state === 'ready' ? 'neutral' : 'warning',
    sections: [
      {
        heading: 'ยอดจำหน่ายแยกตามประเภทผลิตภัณฑ์',
        rows: [...CATEGORIES.map((k) => ({ label: CATEGORY_TH[k], value: baht(d.byCategory[k]) })), { label: 'รวมทั้งสิ้น', value: baht(d.total), emphasis: true }],
      },
      {
        heading: 'รายการ',
        rows: [
          { label: 'ผู้ผลิตที่รายงาน', value: `${d.producers} ราย` },
          { label: 'อำเภอยืนยันแล้ว', value: `${d.districtConfirmed} รายการ` },
          { label: 'รออำเภอยืนยัน', value: `${d.waiting - d.returnedToProducer} รายการ` },
          { label: 'ส่งกลับให้ผู้ผลิตแก้ไข', value: `${d.returnedToProducer} รายการ` },
          ...(d.provinceConfirmed ? [{ label: 'จังหวัดยืนยันแล้ว', value: `${d.provinceConfirmed} รายการ` }] : []),
        ],
      },
    ],
    ...(notes.length ? { note: notes.join('\n') } : {}),
    buttons,
  };
  return [card(c, [say('เมนู')])];
}

/** Common reasons as quick replies: the label fits a button, the text says it fully. */
const REASONS: [string, string][] = [
  ['ยอดสูงผิดปกติ', 'ยอดขายสูงหรือต่ำผิดปกติ กรุณาตรวจสอบตัวเลขกับผู้ผลิตอีกครั้ง'],
  ['ยอดไม่ตรงกับ รต.2', 'ยอดในระบบไม่ตรงกับแบบ รต.2 ที่อำเภอลงนาม กรุณาตรวจสอบ'],
  ['ประเภทไม่ถูกต้อง', 'บันทึกประเภทผลิตภัณฑ์ไม่ถูกต้อง กรุณาตรวจสอบ'],
  ['ผู้ผลิตรายงานไม่ครบ', 'ผู้ผลิตรายงานยังไม่ครบ กรุณาติดตามให้ครบก่อนยืนยัน'],
  ['ยอดส่งออกไม่ถูกต้อง', 'ยอดส่งออกไม่ถูกต้อง กรุณาตรวจสอบกับผู้ผลิต'],
];

export function reasonPrompt(s: ReviewStep<'reason'>, problem?: string): Reply[] {
  return [
    text(
      `${problem ? `${problem}\n\n` : ''}ส่งข้อมูลอำเภอ${s.districtName} เดือน${monthTh(s.month)} กลับให้อำเภอตรวจสอบ\n` +
        'กรุณาพิมพ์เหตุผล (3–300 ตัวอักษร) หรือเลือกจากปุ่มด้านล่าง รายการที่อำเภอยืนยันแล้วจะกลับไปรออำเภอยืนยันใหม่',
      [...REASONS.map(([label, t]) => say(label, t)), tap('ไม่ส่งกลับ', pb('pr-list', s.token), 'ไม่ส่งกลับ'), say('ยกเลิก')],
    ),
  ];
}

/** The send-back said in full, before anything is written: only "ยืนยันส่งกลับ" (or a typed "ยืนยัน") sends it. */
export function reasonConfirmPrompt(s: ReviewStep<'reason-confirm'>, problem?: string): Reply[] {
  const d = String(s.districtId);
  return [
    text(
      `${problem ? `${problem}\n\n` : ''}ส่งกลับข้อมูลอำเภอ${s.districtName} เดือน${monthTh(s.month)} ให้อำเภอตรวจสอบใหม่\nเหตุผล: ${s.reason}\n` +
        'กด "ยืนยันส่งกลับ" เพื่อส่งกลับและแจ้งเจ้าหน้าที่อำเภอ หรือ "แก้เหตุผล" เพื่อพิมพ์ใหม่',
      [
        tap('ยืนยันส่งกลับ', pb('pr-return-ok', s.token, { d, h: reasonTag(s.reason) }), 'ยืนยันส่งกลับ'),
        tap('แก้เหตุผล', pb('pr-return', s.token, { d }), 'แก้เหตุผล'),
        tap('ไม่ส่งกลับ', pb('pr-detail', s.token, { d }), 'ไม่ส่งกลับ'),
      ],
    ),
  ];
}

/** What the district's officers are told when the province sends their month back. */
export function returnedPush(p: { districtName: string; month: string; entries: number; total: bigint; reason: string; by: string }): Reply[] {
  return [
    text(
      `จังหวัดส่งข้อมูลเดือน${monthTh(p.month)} ของอำเภอ${p.districtName} กลับมาให้ตรวจสอบ (${p.entries} รายการ รวม ${baht(p.total)})\n` +
        `เหตุผล: ${p.reason}\nโดย ${p.by}\n` +
        'รายการเหล่านี้กลับไปรออำเภอยืนยัน กรุณาตรวจสอบ แก้ไข แล้วยืนยันอีกครั้ง',
      [say('ตรวจสอบ/ยืนยัน')],
    ),
  ];
}
