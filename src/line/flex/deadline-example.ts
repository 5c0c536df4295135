// The deadline card with the template's placeholder values (test and design reference: building it must give
// flex-templates/deadline-card.json back exactly).
import type { DeadlineCard } from '../../bot/cards.js';

export const exampleDeadlineCard: DeadlineCard = {
  kind: 'deadline',
  altText: 'แก้ไขกำหนดส่ง จังหวัดฉะเชิงเทรา ยอดขายเดือนพฤศจิกายน 2569: ส่งยอดขาย 5 ธ.ค. 2569 → 3 ธ.ค. 2569 รอยืนยัน',
  title: 'แก้ไขกำหนดส่ง จังหวัดฉะเชิงเทรา',
  subtitle: 'ยอดขายเดือนพฤศจิกายน 2569 · รอยืนยัน',
  tone: 'neutral',
  field: 'ส่งยอดขาย (ผู้ผลิต/อำเภอบันทึก)',
  from: '5 ธ.ค. 2569',
  to: '3 ธ.ค. 2569',
  impact: [
    { label: 'ใช้กับ', value: '11 อำเภอ · ผู้ผลิต 412 ราย' },
    { label: '⚠ ก่อนวันนี้', value: 'ยอดที่ส่งหลังวันนี้จะถูกบันทึกว่าส่งช้า', warning: true },
  ],
  note: 'ลำดับ: ส่งยอดขาย ≤ อำเภอยืนยัน ≤ จังหวัดยืนยัน ≤ กรมฯ ปิดรับ · จังหวัดกำหนดได้ไม่เกินวันของกรมฯ',
  buttons: [
    { label: 'ยืนยัน', postback: { action: 'cal-ok', params: { t: 'a1b2c3d4e5', day: '2026-12-03' } }, display: 'ยืนยันกำหนดส่ง', style: 'primary' },
    { label: 'แก้ไข', postback: { action: 'cal-edit', params: { t: 'a1b2c3d4e5' } }, display: 'แก้ไขวันที่', style: 'secondary' },
    { label: 'ยกเลิก', postback: { action: 'cal-no', params: { t: 'a1b2c3d4e5' } }, display: 'ยกเลิก', style: 'link' },
  ],
};
