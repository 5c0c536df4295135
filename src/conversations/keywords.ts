// Common phrasings answered instead of "ไม่เข้าใจ": a small keyword table per role. Each answer only points to
// what exists (its buttons are menu words of that role, i.e. start words of built flows) — a test checks it.
import type { Ctx } from '../bot/context.js';
import { normaliseWord } from '../bot/router.js';
import { say, text, type Reply } from '../bot/reply.js';
import type { Role } from '../db/generated/enums.js';
import { dueDates } from '../domain/deadlines.js';
import { provinceOf } from './deadlines.js';
import { defaultReportingMonth } from '../domain/fiscal-period.js';
import { formatDayTh, formatMonthTh } from '../domain/thai-format.js';
import { MENU_WORDS } from './menu.js';

interface Keyword {
  /** Normalised (no spaces, lower case); a typed message containing one of them matches. */
  words: string[];
  roles: readonly Role[];
  answer(ctx: Ctx, role: Role): Promise<Reply[]> | Reply[];
}

const ALL: readonly Role[] = ['PRODUCER', 'DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'];
const OFFICERS: readonly Role[] = ['DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'];
/** Quick replies limited to the role's own menu words (nothing that is not built, nothing the role cannot do). */
const offer = (role: Role, ...words: string[]) => [...words.filter((w) => MENU_WORDS[role].includes(w)).map((w) => say(w)), say('เมนู')];

async function deadlines(ctx: Ctx, role: Role): Promise<Reply[]> {
  const month = defaultReportingMonth(ctx.now);
  const due = await dueDates(ctx.tx, month, (await provinceOf(ctx))?.id); // the person's province's dates
  return [
    text(
      `กำหนดส่งยอดขายเดือน${formatMonthTh(month)}:\n` +
        `• ผู้ผลิตรายงานยอดขาย ภายใน ${formatDayTh(due.entryDue)}\n` +
        `• อำเภอตรวจสอบและยืนยัน ภายใน ${formatDayTh(due.districtConfirmDue)}\n` +
        `• จังหวัดยืนยัน ภายใน ${formatDayTh(due.provinceConfirmDue)}\n` +
        'ส่งหลังกำหนดได้ ระบบรับข้อมูลและบันทึกว่าส่งล่าช้า',
      offer(role, 'รายงานยอดขาย', 'บันทึกแทนผู้ผลิต', 'ตรวจสอบ/ยืนยัน', 'ยืนยันระดับจังหวัด', 'ความคืบหน้า'),
    ),
  ];
}

/** Checked in order: the first entry whose word the message contains answers. */
const TABLE: Keyword[] = [
  { words: ['กำหนดส่ง', 'ส่งวันไหน', 'ส่งภายใน', 'ส่งได้ถึง', 'deadline', 'วันสุดท้าย'], roles: ALL, answer: deadlines },
  {
    words: ['ส่งยอด', 'รายงานยอด', 'กรอกยอด', 'ยอดขาย', 'ส่งข้อมูล'],
    roles: ['PRODUCER'],
    answer: (_ctx, role) => [text('รายงานยอดขายประจำเดือน กด "รายงานยอดขาย"\nดูยอดที่ส่งแล้วและยอดสะสม กด "ยอดขายของฉัน"', offer(role, 'รายงานยอดขาย', 'ยอดขายของฉัน'))],
  },
  {
    words: ['ส่งยอด', 'รายงานยอด', 'กรอกยอด', 'บันทึกยอด', 'ยอดขาย'],
    roles: ['DISTRICT_OFFICER'],
    answer: (_ctx, role) => [
      text('บันทึกยอดแทนผู้ผลิตที่ไม่มี LINE กด "บันทึกแทนผู้ผลิต"\nตรวจสอบและยืนยันยอดของอำเภอ กด "ตรวจสอบ/ยืนยัน"\nดูว่าใครส่งแล้ว กด "ความคืบหน้า"', offer(role, 'บันทึกแทนผู้ผลิต', 'ตรวจสอบ/ยืนยัน', 'ความคืบหน้า')),
    ],
  },
  {
    // typed alone, "รายงาน" starts the report flow (start words come first); inside a phrase it lands here
    words: ['ยอดรวม', 'ยอดขาย', 'สรุป', 'ส่งยอด', 'รายงาน'],
    roles: OFFICERS,
    answer: (_ctx, role) => [
      text('ดูยอดขายและการส่งข้อมูลของพื้นที่ที่รับผิดชอบ กด "ความคืบหน้า"\nรายงานเป็นไฟล์ PDF/Excel กด "รายงาน"', offer(role, 'ความคืบหน้า', 'ยืนยันระดับจังหวัด', 'ตรวจสอบ/ยืนยัน', 'รายงาน')),
    ],
  },
  {
    words: ['แก้ยอด', 'แก้ไขยอด', 'ส่งผิด', 'พิมพ์ผิด', 'กรอกผิด'],
    roles: ['PRODUCER', 'DISTRICT_OFFICER'],
    answer: (_ctx, role) => [
      text('แก้ยอดที่ส่งแล้ว (ก่อนอำเภอยืนยัน): เริ่มรายงานเดือนและประเภทเดิมอีกครั้ง ตัวเลขใหม่จะแทนที่ของเดิม\nถ้าจังหวัดยืนยันแล้ว ให้เจ้าหน้าที่อำเภอขอปลดล็อก', offer(role, 'รายงานยอดขาย', 'บันทึกแทนผู้ผลิต', 'ขอปลดล็อก')),
    ],
  },
  {
    words: ['รหัสเชิญ', 'เชิญ', 'เพิ่มผู้ใช้', 'qr'],
    roles: ['DISTRICT_OFFICER', 'PROVINCE_OFFICER'],
    answer: (_ctx, role) => [text('สร้างรหัสเชิญให้ผู้ใช้ใหม่ กด "สร้างรหัสเชิญ"', offer(role, 'สร้างรหัสเชิญ'))],
  },
  {
    words: ['ยกเลิกทะเบียน', 'ยกเลิกการลงทะเบียน', 'เลิกกิจการ', 'แก้ไขผู้ผลิต', 'แก้ข้อมูลผู้ผลิต', 'รายชื่อผู้ผลิต'],
    roles: ['DISTRICT_OFFICER', 'PROVINCE_OFFICER'],
    answer: (_ctx, role) => [text('ดู แก้ไข หรือยกเลิกการลงทะเบียนผู้ผลิต กด "ทะเบียนผู้ผลิต"', offer(role, 'ทะเบียนผู้ผลิต'))],
  },
  {
    words: ['ลงทะเบียน', 'ผู้ผลิตใหม่'],
    roles: ['DISTRICT_OFFICER'],
    answer: () => [text('ลงทะเบียนผู้ผลิตใหม่ พิมพ์ "ลงทะเบียนผู้ผลิต"', [say('ลงทะเบียนผู้ผลิต'), say('เมนู')])],
  },
  { words: ['ปลดล็อก', 'ปลดล็อค'], roles: ['DISTRICT_OFFICER', 'PROVINCE_OFFICER'], answer: (_ctx, role) => [text('เรื่องปลดล็อกเดือนที่ยืนยันแล้ว เลือกจากปุ่มด้านล่าง', offer(role, 'ขอปลดล็อก', 'คำขอปลดล็อก'))] },
  { words: ['สวัสดี', 'hello', 'hi'], roles: ALL, answer: (_ctx, role) => [text('สวัสดีค่ะ ต้องการทำรายการใดคะ?', offer(role, ...MENU_WORDS[role]))] },
  { words: ['ขอบคุณ', 'thank'], roles: ALL, answer: (_ctx, role) => [text('ยินดีค่ะ 😊', offer(role))] },
];

/** The answer to a common phrasing for the person's role, or null when the table has none. */
export async function answerKeyword(ctx: Ctx, typed: string): Promise<Reply[] | null> {
  const role = ctx.actor?.role;
  if (!role) return null;
  const t = normaliseWord(typed);
  const hit = TABLE.find((k) => k.roles.includes(role) && k.words.some((w) => t.includes(w)));
  return hit ? hit.answer(ctx, role) : null;
}

/** Every keyword's words, for tests. */
export const KEYWORD_TABLE: readonly Pick<Keyword, 'words' | 'roles'>[] = TABLE;
