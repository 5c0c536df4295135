// What the registry conversation shows: a page of a district's register as a list card, a producer's card, and the
// questions of an edit, a deregistration and a reactivation.
import type { CardButton, ListCard, ProducerCard } from '../bot/cards.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { CATEGORIES, CATEGORY_SHORT_TH, CATEGORY_TH, PRODUCER_TYPE_SHORT_TH, PRODUCER_TYPE_TH } from '../domain/catalog.js';
import type { ProducerType } from '../db/generated/enums.js';
import { dayKeyOf, monthKeyOf, nextMonth } from '../domain/fiscal-period.js';
import { DEREGISTER_REASONS } from '../domain/registry/deregister.js';
import type { DriveStanding } from '../domain/registry/drive.js';
import { REGISTER_PAGE_SIZE, type ProducerDetails, type RegisterPage } from '../domain/registry/upkeep.js';
import { formatDayTh, formatFiscalYearTh, formatMonthTh } from '../domain/thai-format.js';
import type { Field, RegistryState, RegistryStep } from './registry-state.js';
import type { TambonCheck } from '../domain/places.js';
import { KEEP_AS_TYPED, tambonChoices, tambonProblem } from './tambon-prompts.js';

export const FLOW = 'registry';
export const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });
const cancel = say('ยกเลิก');

export const FIELD_TH: Record<Field, string> = { name: 'ชื่อ', type: 'ประเภทผู้ผลิต', categories: 'ประเภทผลิตภัณฑ์', tambon: 'ตำบล', phone: 'โทรศัพท์' };
export const TYPES: readonly ProducerType[] = ['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME'];
/** The typed form each category quick reply sends (one the import's reader accepts). */
const CATEGORY_WORD: Record<(typeof CATEGORIES)[number], string> = { FOOD: 'อาหาร', DRINK: 'เครื่องดื่ม', TEXTILE: 'ผ้า เครื่องแต่งกาย', HOUSEHOLD: 'ของใช้ ของตกแต่ง ของที่ระลึก', HERBAL: 'สมุนไพร' };
export const OTHER_REASON = 'อื่น ๆ';

/** One line about the district's registration drive, or null when it has no setting. */
export function driveLine(d: DriveStanding): string {
  const fy = formatFiscalYearTh(d.fiscalYear);
  return d.workers === null
    ? `กลุ่มผู้ผลิตชุมชนใหม่${fy}: ${d.newGroups} กลุ่ม (ยังไม่ได้ตั้งจำนวนพัฒนากร)`
    : `กลุ่มผู้ผลิตชุมชนใหม่${fy}: ${d.newGroups}/${d.workers} กลุ่ม (พัฒนากร ${d.workers} คน)${d.newGroups >= d.workers ? ' ✅' : ''}`;
}

function statusOf(r: RegisterPage['rows'][number]): string {
  if (!r.active) return 'ยกเลิกแล้ว';
  return r.lineUsers > 0 ? 'มี LINE' : 'ยังไม่มี LINE';
}

export function listChoices(s: RegistryState, page: Pick<RegisterPage, 'page' | 'pages'>, province: boolean): Choice[] {
  const c: Choice[] = [];
  if (page.page > 1) c.push(tap('◀ ก่อนหน้า', pb('rg-page', s.token, { n: String(page.page - 1) }), 'หน้าก่อนหน้า'));
  if (page.page < page.pages) c.push(tap('ถัดไป ▶', pb('rg-page', s.token, { n: String(page.page + 1) }), 'หน้าถัดไป'));
  c.push(tap('ค้นหา', pb('rg-search', s.token), 'ค้นหา'));
  if (s.query) c.push(tap('ทั้งหมด', pb('rg-all', s.token), 'ดูผู้ผลิตทั้งหมด'));
  if (province) c.push(tap('เลือกอำเภออื่น', pb('rg-districts', s.token), 'เลือกอำเภออื่น'));
  else c.push(tap('พิมพ์บัตรเชิญ', { action: 'start', params: { flow: 'invite-sheet' } }, 'พิมพ์บัตรเชิญ'));
  c.push(cancel);
  return c;
}

export function listPrompt(s: RegistryState, page: RegisterPage, districtName: string, drive: DriveStanding, province: boolean): Reply[] {
  const choices = listChoices(s, page, province);
  const counts = `ลงทะเบียนอยู่ ${page.registered} ราย${page.deregistered ? ` · ยกเลิกแล้ว ${page.deregistered} ราย` : ''}`;
  if (page.total === 0) {
    const why = s.query
      ? `ไม่พบผู้ผลิตที่ชื่อหรือรหัสมีคำว่า "${s.query}" ในอำเภอ${districtName}\nพิมพ์คำอื่นเพื่อค้นหาอีกครั้ง หรือเลือกจากปุ่มด้านล่าง`
      : `ทะเบียนผู้ผลิตอำเภอ${districtName} ยังไม่มีผู้ผลิต${province ? '' : '\nพิมพ์ "ลงทะเบียนผู้ผลิต" เพื่อเพิ่มทีละราย หรือนำเข้าทั้งไฟล์ด้วยคำสั่ง npm run producers -- import'}`;
    return [text(`${why}\n\n${driveLine(drive)}`, choices)];
  }
  const first = (page.page - 1) * REGISTER_PAGE_SIZE;
  const subtitle = s.query ? `ค้นหา "${s.query}" · พบ ${page.total} ราย` : counts;
  const c: ListCard = {
    kind: 'list',
    altText: `ทะเบียนผู้ผลิต อำเภอ${districtName} (${subtitle}): ${page.rows.map((r) => r.name).join(', ')}`,
    title: `ทะเบียนผู้ผลิต อ.${districtName}`,
    subtitle,
    items: page.rows.map((r, i) => ({
      no: `${first + i + 1}.`,
      title: r.name,
      detail: `ต.${r.tambon} · ${PRODUCER_TYPE_SHORT_TH[r.type]}`,
      status: statusOf(r),
      button: { label: 'ดูข้อมูล', postback: pb('rg-open', s.token, { p: String(r.id) }), display: `ดูข้อมูล ${r.name}`, style: 'secondary' },
    })),
    footer: `${page.pages > 1 ? `หน้า ${page.page}/${page.pages} · ` : ''}พิมพ์ลำดับเพื่อเปิด หรือพิมพ์ส่วนหนึ่งของชื่อเพื่อค้นหา\n${driveLine(drive)}`,
  };
  return [card(c, choices)];
}

export function searchPrompt(s: RegistryState): Reply[] {
  return [text('พิมพ์ส่วนหนึ่งของชื่อผู้ผลิต (อย่างน้อย 2 ตัวอักษร) หรือรหัสทะเบียน', [tap('ทั้งหมด', pb('rg-all', s.token), 'ดูผู้ผลิตทั้งหมด'), cancel])];
}

/** The province officer's districts, with each one's register size and drive (≤ 12 per card page). */
export function districtsPrompt(s: RegistryState, rows: { id: number; nameTh: string; registered: number; drive: DriveStanding }[], page: number): Reply[] {
  const per = 10;
  const pages = Math.max(1, Math.ceil(rows.length / per));
  const at = Math.min(Math.max(1, page), pages);
  const shown = rows.slice((at - 1) * per, at * per);
  if (!shown.length) return [text('จังหวัดนี้ยังไม่มีอำเภอในระบบ', [cancel])];
  const c: ListCard = {
    kind: 'list',
    altText: `ทะเบียนผู้ผลิตรายอำเภอ: ${shown.map((d) => `${d.nameTh} ${d.registered} ราย`).join(', ')}`,
    title: 'ทะเบียนผู้ผลิตรายอำเภอ',
    subtitle: 'ดูได้อย่างเดียว · อำเภอเป็นผู้แก้ไขทะเบียน',
    items: shown.map((d) => ({
      title: `อำเภอ${d.nameTh}`,
      detail: driveLine(d.drive),
      status: `${d.registered} ราย`,
      button: { label: 'ดูทะเบียน', postback: pb('rg-district', s.token, { d: String(d.id) }), display: `ทะเบียนผู้ผลิต อำเภอ${d.nameTh}`, style: 'secondary' },
    })),
    ...(pages > 1 ? { footer: `หน้า ${at}/${pages}` } : {}),
  };
  const choices: Choice[] = [];
  if (at > 1) choices.push(tap('◀ ก่อนหน้า', pb('rg-dpage', s.token, { n: String(at - 1) }), 'หน้าก่อนหน้า'));
  if (at < pages) choices.push(tap('ถัดไป ▶', pb('rg-dpage', s.token, { n: String(at + 1) }), 'หน้าถัดไป'));
  choices.push(cancel);
  return [card(c, choices)];
}

const phoneShown = (p: string | null) => (p ? (p.length === 10 ? `${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6)}` : `${p.slice(0, 3)}-${p.slice(3)}`) : 'ไม่ระบุ');

export function producerCard(s: RegistryState, p: ProducerDetails, readOnly: boolean): ProducerCard {
  const P = { p: String(p.id) };
  const buttons: CardButton[] = readOnly
    ? []
    : p.active
      ? [
          { label: 'แก้ไขข้อมูล', postback: pb('rg-edit', s.token, P), display: 'แก้ไขข้อมูล', style: 'primary' },
          { label: 'ยกเลิกการลงทะเบียน', postback: pb('rg-dereg', s.token, P), display: 'ยกเลิกการลงทะเบียน', style: 'secondary' },
        ]
      : [{ label: 'กลับมาลงทะเบียน', postback: pb('rg-react', s.token, P), display: 'กลับมาลงทะเบียน', style: 'primary' }];
  buttons.push({ label: 'กลับไปรายชื่อ', postback: pb('rg-back', s.token), display: 'กลับไปรายชื่อ', style: 'link' });
  const last = p.lastReported ? formatMonthTh(p.lastReported) : 'ยังไม่เคยรายงาน';
  const note = p.active
    ? readOnly ? 'ดูได้อย่างเดียว อำเภอเป็นผู้แก้ไขทะเบียน' : 'กดแก้ไขเพื่อเปลี่ยนข้อมูลทีละช่อง ทุกการแก้ไขบันทึกไว้ในประวัติ'
    : `ยกเลิกการลงทะเบียนเมื่อ ${formatDayTh(dayKeyOf(p.deregisteredAt!))} · ${p.deregisterReason ?? ''}\nประวัติยอดขายยังอยู่ครบ ไม่ต้องรายงานตั้งแต่เดือน${formatMonthTh(nextMonth(monthKeyOf(p.deregisteredAt!)))}`;
  return {
    kind: 'producer',
    altText: `${p.name} รหัส ${p.registrationCode} ${p.active ? 'ลงทะเบียนอยู่' : 'ยกเลิกการลงทะเบียนแล้ว'} ${p.lineUsers ? 'เชื่อม LINE แล้ว' : 'ยังไม่มี LINE'} รายงานล่าสุด ${last}`,
    title: p.name,
    subtitle: `รหัส ${p.registrationCode} · อำเภอ${p.districtName}`,
    active: p.active,
    activeLabel: p.active ? 'ลงทะเบียนอยู่' : 'ยกเลิกแล้ว',
    lineLinked: p.lineUsers > 0,
    lineLabel: p.lineUsers > 0 ? `เชื่อม LINE แล้ว${p.lineUsers > 1 ? ` ${p.lineUsers} คน` : ''}` : 'ยังไม่มี LINE',
    type: PRODUCER_TYPE_TH[p.type],
    categories: p.categories.map((c) => CATEGORY_TH[c]).join(', '),
    tambon: p.tambon,
    phone: phoneShown(p.phone),
    lastReported: last,
    note,
    buttons,
  };
}

/** The card carries "กลับไปรายชื่อ" itself; the quick reply adds only what the card lacks. */
export function cardPrompt(s: RegistryState, p: ProducerDetails, readOnly: boolean): Reply[] {
  return [card(producerCard(s, p, readOnly), [cancel])];
}

export function fieldPrompt(s: RegistryStep<'edit-field'>, name: string): Reply[] {
  const fields = Object.keys(FIELD_TH) as Field[];
  return [text(`แก้ไขข้อมูลของ ${name}\nเลือกช่องที่จะแก้ไขค่ะ`, [...fields.map((f) => tap(FIELD_TH[f], pb('rg-field', s.token, { v: f }), `แก้ไข${FIELD_TH[f]}`)), tap('กลับ', pb('rg-open', s.token, { p: String(s.producerId) }), 'กลับ'), cancel])];
}

export function valuePrompt(s: RegistryStep<'edit-value'>, p: ProducerDetails, tambons: readonly string[]): Reply[] {
  const back = tap('กลับ', pb('rg-edit', s.token, { p: String(s.producerId) }), 'เลือกช่องอื่น');
  switch (s.field) {
    case 'name':
      return [text(`ชื่อเดิม: ${p.name}\nพิมพ์ชื่อใหม่ (3–200 ตัวอักษร)`, [back, cancel])];
    case 'type':
      return [text(`ประเภทเดิม: ${PRODUCER_TYPE_TH[p.type]}\nเลือกประเภทใหม่`, [...TYPES.map((t) => say(PRODUCER_TYPE_SHORT_TH[t], PRODUCER_TYPE_TH[t])), back, cancel])];
    case 'categories':
      return [
        text(`ผลิตภัณฑ์เดิม: ${p.categories.map((c) => CATEGORY_TH[c]).join(', ')}\nเลือกหนึ่งประเภท หรือพิมพ์หลายประเภทคั่นด้วยจุลภาค เช่น อาหาร, เครื่องดื่ม`, [
          ...CATEGORIES.map((c) => say(CATEGORY_SHORT_TH[c], CATEGORY_WORD[c])),
          back,
          cancel,
        ]),
      ];
    case 'tambon':
      return [text(`ตำบลเดิม: ${p.tambon}\nพิมพ์ชื่อตำบลใหม่ หรือเลือกจากปุ่ม`, tambonChoices(tambons.filter((t) => t !== p.tambon), [back, cancel]))];
    case 'phone':
      return [text(`โทรศัพท์เดิม: ${phoneShown(p.phone)}\nพิมพ์เบอร์ใหม่ เช่น 081-234-5678 (พิมพ์ - เพื่อลบเบอร์)`, [back, cancel])];
  }
}

/** The typed tambon is not one of the district's: say so, offer the closest, or keeping it as typed. */
export function tambonProblemPrompt(s: RegistryStep<'edit-value'>, check: Exclude<TambonCheck, { kind: 'ok' }>, districtName: string, list: readonly string[]): Reply[] {
  const back = tap('กลับ', pb('rg-edit', s.token, { p: String(s.producerId) }), 'เลือกช่องอื่น');
  return tambonProblem(check, districtName, list, tap(KEEP_AS_TYPED, pb('rg-keep', s.token), KEEP_AS_TYPED), [back, cancel]);
}

export function editConfirmPrompt(s: RegistryStep<'edit-confirm'>, name: string, before: string, after: string): Reply[] {
  return [
    text(`ยืนยันการแก้ไข${FIELD_TH[s.field]}ของ ${name}\nจาก: ${before}\nเป็น: ${after}`, [
      tap('ยืนยัน', pb('rg-yes', s.token), 'ยืนยันการแก้ไข'),
      tap('พิมพ์ใหม่', pb('rg-field', s.token, { v: s.field }), 'พิมพ์ใหม่'),
      cancel,
    ]),
  ];
}

export function reasonPrompt(s: RegistryStep<'dereg-reason'>, name: string): Reply[] {
  return [
    text(`ยกเลิกการลงทะเบียน ${name}\nเพราะเหตุใดคะ?`, [
      ...[...DEREGISTER_REASONS, OTHER_REASON].map((r, i) => tap(r, pb('rg-reason', s.token, { v: String(i) }), r)),
      tap('กลับ', pb('rg-open', s.token, { p: String(s.producerId) }), 'กลับ'),
      cancel,
    ]),
  ];
}

export function otherReasonPrompt(): Reply[] {
  return [text('พิมพ์เหตุผลที่ยกเลิกการลงทะเบียน (2–200 ตัวอักษร)', [cancel])];
}

export function deregConfirmPrompt(s: RegistryStep<'dereg-confirm'>, name: string, now: Date): Reply[] {
  const from = formatMonthTh(nextMonth(monthKeyOf(now)));
  return [
    text(`ยืนยันยกเลิกการลงทะเบียน ${name}\nเหตุผล: ${s.reason}\n\nประวัติยอดขายยังอยู่ครบ เดือนนี้ยังต้องรายงาน และไม่ต้องรายงานตั้งแต่เดือน${from} เป็นต้นไป กลับมาลงทะเบียนได้ภายหลัง`, [
      tap('ยืนยัน ยกเลิกทะเบียน', pb('rg-yes', s.token), 'ยืนยันยกเลิกการลงทะเบียน'),
      tap('ไม่ยกเลิก', pb('rg-open', s.token, { p: String(s.producerId) }), 'ไม่ยกเลิก'),
    ]),
  ];
}

export function reactConfirmPrompt(s: RegistryStep<'react-confirm'>, name: string): Reply[] {
  return [
    text(`ยืนยันให้ ${name} กลับมาลงทะเบียน\nผู้ผลิตจะต้องรายงานยอดขายตั้งแต่เดือนนี้เป็นต้นไป`, [
      tap('ยืนยัน', pb('rg-yes', s.token), 'ยืนยันกลับมาลงทะเบียน'),
      tap('กลับ', pb('rg-open', s.token, { p: String(s.producerId) }), 'กลับ'),
    ]),
  ];
}
