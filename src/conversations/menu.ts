// What each role can do, as a short Thai menu with quick replies, and the help text.
import type { Actor } from '../domain/actor.js';
import { say, text, type Reply } from '../bot/reply.js';

export function menuFor(actor: Actor | null): Reply[] {
  if (!actor) return [text('กรุณาพิมพ์รหัสเชิญที่ได้รับจากสำนักงานพัฒนาชุมชนอำเภอ เพื่อเริ่มใช้งาน')];
  return [text('เลือกรายการที่ต้องการได้จากเมนูด้านล่าง', [say('ช่วยเหลือ')])];
}

export function helpFor(actor: Actor | null): Reply[] {
  if (!actor) {
    return [
      text(
        'บอทนี้ใช้รายงานยอดขายผลิตภัณฑ์ OTOP ประจำเดือน\n' +
          'เริ่มต้น: พิมพ์รหัสเชิญ 8 ตัวอักษรที่ได้รับจากพัฒนากรอำเภอ (เช่น K7P-4MXQ)\n' +
          'หากยังไม่มีรหัส กรุณาติดต่อสำนักงานพัฒนาชุมชนอำเภอของท่าน',
      ),
    ];
  }
  return [
    text(
      'คำที่ใช้ได้ทุกเวลา:\n• เมนู — กลับไปเมนูหลัก\n• ยกเลิก — ยกเลิกรายการที่ทำค้างอยู่\n• ช่วยเหลือ — ดูคำแนะนำนี้',
      [say('เมนู')],
    ),
  ];
}
