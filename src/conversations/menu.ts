// What each role can do, as a short Thai menu with quick replies (the rich menu shows the same words), and help.
import type { Actor } from '../domain/actor.js';
import type { Role } from '../db/generated/enums.js';
import { say, text, type Reply } from '../bot/reply.js';

/** The words each role's menu offers; each is a start word of some flow (see conversations/index.ts). */
export const MENU_WORDS: Record<Role, string[]> = {
  PRODUCER: ['รายงานยอดขาย', 'ยอดขายของฉัน'],
  DISTRICT_OFFICER: ['บันทึกแทนผู้ผลิต', 'ตรวจสอบ/ยืนยัน', 'ขอปลดล็อก', 'สร้างรหัสเชิญ', 'ความคืบหน้า', 'ทะเบียนผู้ผลิต'],
  PROVINCE_OFFICER: ['ยืนยันระดับจังหวัด', 'คำขอปลดล็อก', 'สร้างรหัสเชิญ', 'ความคืบหน้า', 'ทะเบียนผู้ผลิต'],
  ZONE_ADMIN: ['ความคืบหน้า'],
  DEPARTMENT_ADMIN: ['ความคืบหน้า'],
};

export function menuFor(actor: Actor | null): Reply[] {
  if (!actor) return [text('กรุณาพิมพ์รหัสเชิญที่ได้รับจากสำนักงานพัฒนาชุมชนอำเภอ เพื่อเริ่มใช้งาน')];
  return [text('ต้องการทำรายการใดคะ? เลือกจากปุ่มด้านล่าง หรือเมนูด้านล่างของแชท', [...MENU_WORDS[actor.role].map((w) => say(w)), say('ช่วยเหลือ')])];
}

export function helpFor(actor: Actor | null): Reply[] {
  if (!actor) {
    return [
      text(
        'บอทนี้ใช้รายงานยอดขายผลิตภัณฑ์ OTOP ประจำเดือน\n' +
          'เริ่มต้น: พิมพ์รหัสเชิญ 8 ตัวอักษรที่ได้รับจากเจ้าหน้าที่ (เช่น K7P4-MXQ2)\n' +
          'หากยังไม่มีรหัส กรุณาติดต่อสำนักงานพัฒนาชุมชนอำเภอของท่าน',
      ),
    ];
  }
  const words = MENU_WORDS[actor.role].map((w) => `• ${w}`).join('\n');
  const tips = ROLE_HELP[actor.role];
  return [
    text(
      `สิ่งที่ทำได้:\n${words}\n\n${tips}\n\nคำที่ใช้ได้ทุกเวลา:\n• เมนู — กลับไปเมนูหลัก\n• ยกเลิก — ยกเลิกรายการที่ทำค้างอยู่\n• ช่วยเหลือ — ดูคำแนะนำนี้\n• กำหนดส่งวันไหน — ดูวันกำหนดส่งของเดือนนี้`,
      [say('เมนู')],
    ),
  ];
}

/** Typing amounts: only for the roles that enter them. */
const AMOUNT_TIPS =
  'การพิมพ์ยอดขาย:\n• เป็นบาท ใช้เลขไทยหรืออารบิกก็ได้ เช่น 120,000 หรือ ๑๒๐,๐๐๐ หรือ 1.2 ล้าน\n' +
  '• ทั้ง 4 ช่องในข้อความเดียว เช่น หน้าร้าน 120,000 ออนไลน์ 5,000 ส่งออก 0 ส่งออกออนไลน์ 0\n' +
  '• สตางค์ใช้จุด เช่น 1,250.50 · ไม่มียอด พิมพ์ 0\n• ระหว่างกรอก พิมพ์ "ย้อนกลับ" เพื่อแก้คำตอบก่อนหน้า';

/** What each role should know besides its menu. */
const ROLE_HELP: Record<Role, string> = {
  PRODUCER: `ทุกต้นเดือน รายงานยอดขายของเดือนที่ผ่านมา แยกตามประเภทผลิตภัณฑ์\n\n${AMOUNT_TIPS}`,
  DISTRICT_OFFICER: `ตรวจสอบ/ยืนยันยอดของผู้ผลิตในอำเภอ บันทึกแทนผู้ผลิตที่ไม่มี LINE และพิมพ์ "ลงทะเบียนผู้ผลิต" เพื่อเพิ่มผู้ผลิตใหม่ · พิมพ์ "ประมาณการ" เพื่อรับรองหรือขอแก้ไขประมาณการรายเดือนที่จังหวัดส่งมา\n\n${AMOUNT_TIPS}`,
  PROVINCE_OFFICER: 'ยืนยันยอดระดับจังหวัดเมื่ออำเภอยืนยันแล้ว ตอบคำขอปลดล็อก และสร้างรหัสเชิญให้เจ้าหน้าที่อำเภอ · พิมพ์ "ประมาณการ" เพื่อตั้งประมาณการรายเดือนให้อำเภอและดูว่าอำเภอใดรับรองแล้ว',
  ZONE_ADMIN: 'ดูความคืบหน้าการรายงานและยอดที่จังหวัดยืนยันแล้วของจังหวัดในเขต',
  DEPARTMENT_ADMIN: 'ดูความคืบหน้าการรายงานและยอดที่จังหวัดยืนยันแล้วของทั้งประเทศ',
};
