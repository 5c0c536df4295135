// What the register-producer conversation asks at each step; re-used to repeat the question after bad input.
import type { CardButton, InfoCard } from '../bot/cards.js';
import { card, say, tap, text, type Reply } from '../bot/reply.js';
import { CATEGORIES, CATEGORY_SHORT_TH, CATEGORY_TH, PRODUCER_TYPE_SHORT_TH, PRODUCER_TYPE_TH } from '../domain/catalog.js';
import type { ProducerType } from '../db/generated/enums.js';
import { PRODUCER_NAME_MAX, PRODUCER_NAME_MIN } from '../domain/producers.js';
import type { RegStep } from './register-producer-state.js';
import type { TambonCheck } from '../domain/places.js';
import { KEEP_AS_TYPED, tambonChoices, tambonProblem } from './tambon-prompts.js';

export const FLOW = 'register-producer';
export const TYPES: readonly ProducerType[] = ['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME'];
const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });
const cancel = say('ยกเลิก');

export function namePrompt(): Reply[] {
  return [text(`ลงทะเบียนผู้ผลิตใหม่ (1/6)\nชื่อกลุ่ม/ผู้ผลิตตามที่ลงทะเบียน คืออะไรคะ?\n(พิมพ์ ${PRODUCER_NAME_MIN}–${PRODUCER_NAME_MAX} ตัวอักษร เช่น กลุ่มแม่บ้านเกษตรกรบางคล้า)`, [cancel])];
}

export function sameNamePrompt(s: RegStep<'same-name'>, same: { id: number; name: string; tambon: string; registrationCode: string }[]): Reply[] {
  const list = same.slice(0, 3).map((p) => `• ${p.name} (ต.${p.tambon}, รหัส ${p.registrationCode})`).join('\n');
  const use = same.slice(0, 3).map((p, i) => tap(same.length > 1 ? `ใช้รายเดิม ${i + 1}` : 'ใช้รายเดิม', pb('rp-use', s.token, { p: String(p.id) }), `ใช้ ${p.name} ที่มีอยู่แล้ว`));
  return [
    text(`อำเภอนี้มีผู้ผลิตชื่อนี้อยู่แล้ว:\n${list}\n\nเป็นรายเดียวกันหรือไม่คะ? ถ้าเป็นรายใหม่จริง กด "ลงทะเบียนใหม่" หรือพิมพ์ชื่ออื่น`, [
      ...use,
      tap('ลงทะเบียนใหม่', pb('rp-new', s.token), 'เป็นรายใหม่ ลงทะเบียนต่อ'),
      cancel,
    ]),
  ];
}

export function typePrompt(s: RegStep<'type'>): Reply[] {
  const lines = TYPES.map((t) => `• ${PRODUCER_TYPE_TH[t]}`).join('\n');
  return [text(`(2/6) ${s.name} เป็นผู้ผลิตประเภทไหนคะ?\n${lines}`, [...TYPES.map((t) => tap(PRODUCER_TYPE_SHORT_TH[t], pb('rp-type', s.token, { v: t }), PRODUCER_TYPE_TH[t])), cancel])];
}

export function categoryPrompt(s: RegStep<'category'>): Reply[] {
  return [
    text('(3/6) ผลิตภัณฑ์หลักเป็นประเภทไหนคะ?\n(ถ้ามีหลายประเภท เลือกประเภทหลักก่อน ประเภทอื่นจะเพิ่มให้เองเมื่อรายงานยอดขาย)', [
      ...CATEGORIES.map((c) => tap(CATEGORY_SHORT_TH[c], pb('rp-cat', s.token, { c }), CATEGORY_TH[c])),
      cancel,
    ]),
  ];
}

export function tambonPrompt(suggestions: readonly string[]): Reply[] {
  return [text('(4/6) ผู้ผลิตอยู่ตำบลอะไรคะ? (พิมพ์ชื่อตำบล หรือเลือกจากปุ่ม)', tambonChoices(suggestions.slice(0, 12), [cancel]))];
}

/** The typed tambon is not one of the district's: say so, offer the closest, or keeping it as typed. */
export function tambonProblemPrompt(s: RegStep<'tambon'>, check: Exclude<TambonCheck, { kind: 'ok' }>, districtName: string, list: readonly string[]): Reply[] {
  return tambonProblem(check, districtName, list, tap(KEEP_AS_TYPED, pb('rp-keep', s.token), KEEP_AS_TYPED), [cancel]);
}

export function phonePrompt(s: RegStep<'phone'>): Reply[] {
  return [text('(5/6) เบอร์โทรศัพท์ติดต่อผู้ผลิต (เช่น 0812345678)\nถ้าไม่ทราบ กด "ข้าม"', [tap('ข้าม', pb('rp-skip', s.token), 'ข้าม'), cancel])];
}

export function codePrompt(s: RegStep<'code'>, problem?: string): Reply[] {
  return [
    text(
      `${problem ? `${problem}\n\n` : ''}(6/6) ${s.name} มีเลขทะเบียนผู้ผลิต OTOP ไหมคะ? ถ้ามี พิมพ์เลขทะเบียน (เช่น ${CODE_EXAMPLE})\n` +
        `ถ้าไม่มี กด "ไม่มี" ระบบจะออกรหัสให้ในรูปแบบ <รหัสอำเภอ>-C-<ลำดับ>`,
      [tap('ไม่มี', pb('rp-nocode', s.token), 'ไม่มีเลขทะเบียน'), cancel],
    ),
  ];
}

/** An example of an official number in the prompt (any shape registry/codes.ts accepts). */
const CODE_EXAMPLE = 'OTOP-24-0123';

export function summaryCard(s: RegStep<'summary'>, districtName: string): Reply[] {
  const buttons: CardButton[] = [
    { label: 'ยืนยัน ลงทะเบียน', postback: pb('rp-confirm', s.token), display: 'ยืนยัน', style: 'primary' },
    { label: 'แก้ไข (เริ่มใหม่)', postback: pb('rp-edit', s.token), display: 'แก้ไข', style: 'secondary' },
    { label: 'ยกเลิก', postback: pb('rp-cancel', s.token), display: 'ยกเลิก', style: 'link' },
  ];
  const c: InfoCard = {
    kind: 'info',
    altText: `ตรวจสอบก่อนลงทะเบียนผู้ผลิต ${s.name} ต.${s.tambon} อำเภอ${districtName} — กดยืนยันเพื่อลงทะเบียน`,
    title: 'ตรวจสอบก่อนลงทะเบียน',
    subtitle: `ผู้ผลิตใหม่ · อำเภอ${districtName}`,
    tone: 'neutral',
    sections: [
      {
        rows: [
          { label: 'ชื่อ', value: s.name, emphasis: true },
          { label: 'ประเภท', value: PRODUCER_TYPE_TH[s.type] },
          { label: 'ผลิตภัณฑ์', value: CATEGORY_TH[s.category] },
          { label: 'ตำบล', value: s.tambon },
          { label: 'โทรศัพท์', value: s.phone ?? 'ไม่ระบุ' },
          { label: 'เลขทะเบียน', value: s.code ?? 'ไม่มี (ระบบออกรหัสให้)' },
        ],
      },
    ],
    note: s.then === 'invite' ? 'ลงทะเบียนแล้วจะสร้างรหัสเชิญให้ทันที' : 'ลงทะเบียนแล้วจะไปที่การบันทึกยอดขายของผู้ผลิตรายนี้',
    buttons,
  };
  return [card(c)];
}
