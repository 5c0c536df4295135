// What each reminder says: text or a list card with one tap that starts exactly the work owed. Identical content
// gives identical replies, so the sender can multicast them.
import type { ReminderContent } from '../domain/reminders/types.js';
import { formatDayTh, formatMonthTh } from '../domain/thai-format.js';
import { card, say, tap, text, type Reply } from './reply.js';

const start = (flow: string, params: Record<string, string>) => ({ action: 'start', params: { flow, ...params } });
const names = (xs: string[], max = 15) => xs.slice(0, max).join(', ') + (xs.length > max ? ` และอีก ${xs.length - max}` : '');

export function reminderReplies(c: ReminderContent): Reply[] {
  const m = formatMonthTh(c.month);
  switch (c.kind) {
    case 'producer-entry':
      return [
        text(
          `${c.today ? 'วันนี้เป็นวันสุดท้ายของการส่ง' : 'ใกล้ถึงกำหนดส่ง'}ยอดขายเดือน${m} (ภายใน ${formatDayTh(c.due)}) ` +
            'ยังมียอดขายที่ยังไม่ได้รายงาน กดปุ่มด้านล่างเพื่อรายงานได้เลย\n(ไม่ต้องการรับการแจ้งเตือน พิมพ์ "ปิดการแจ้งเตือน")',
          [tap(`รายงานเดือน${formatMonthTh(c.month, { short: true })}`, start('sales-entry', { month: c.month }), 'รายงานยอดขาย'), say('กำหนดส่ง')],
        ),
      ];
    case 'district-missing':
      return [
        card({
          kind: 'list',
          altText: `ผู้ผลิตยังไม่รายงานยอดขายเดือน${m} ${c.total} ราย (กำหนดส่ง ${formatDayTh(c.due)})`,
          title: `ยังไม่รายงาน ${c.total} ราย`,
          subtitle: `ยอดขายเดือน${m} กำหนดส่ง ${formatDayTh(c.due)}`,
          items: c.producers.map((p) => ({ title: p.name, button: { label: 'บันทึกแทน', postback: start('sales-entry', { producerId: String(p.producerId), month: c.month }), display: `บันทึกแทน ${p.name}`.slice(0, 300) } })),
          ...(c.total > c.producers.length ? { footer: `และอีก ${c.total - c.producers.length} ราย พิมพ์ "บันทึกแทนผู้ผลิต" เพื่อดูทั้งหมด` } : {}),
        }),
      ];
    case 'district-confirm':
      return [
        text(`มียอดขายเดือน${m} รอการยืนยันจากอำเภอ ${c.awaiting} รายการ กำหนดยืนยัน (รต.2) ภายใน ${formatDayTh(c.due)}`, [
          tap('ตรวจสอบ/ยืนยัน', start('district-review', { month: c.month }), 'ตรวจสอบ/ยืนยัน'),
        ]),
      ];
    case 'province-overdue':
      return [
        text(`เลยกำหนดอำเภอยืนยันยอดเดือน${m} (${formatDayTh(c.due)}) แล้ว ยังค้าง ${c.districts.length} อำเภอ: ${names(c.districts)}`, [
          tap('ดูรายอำเภอ', start('province-review', { m: c.month }), 'ยืนยันระดับจังหวัด'),
        ]),
      ];
    case 'province-confirm':
      return [
        text(`มี ${c.awaiting} อำเภอยืนยันยอดเดือน${m} แล้ว รอจังหวัดยืนยัน กำหนดภายใน ${formatDayTh(c.due)}`, [
          tap('ยืนยันระดับจังหวัด', start('province-review', { m: c.month }), 'ยืนยันระดับจังหวัด'),
        ]),
      ];
    case 'zone-overdue':
      return [text(`เลยกำหนดจังหวัดยืนยันยอดเดือน${m} (${formatDayTh(c.due)}) แล้ว ยังค้าง ${c.provinces.length} จังหวัด: ${names(c.provinces)}`, [tap('ความคืบหน้า', start('progress', { m: c.month }), 'ความคืบหน้า')])];
    case 'department-close':
      return [
        text(
          `วันนี้ (${formatDayTh(c.close)}) เป็นวันปิดรับข้อมูลเดือน${m}: จังหวัดยืนยันครบแล้ว ${c.provincesConfirmed} จาก ${c.provinces} จังหวัด ` +
            `รายการที่รายงานทั้งหมด ${c.entries.toLocaleString('en-US')} รายการ`,
          [tap('ความคืบหน้า', start('progress', { m: c.month }), 'ความคืบหน้า')],
        ),
      ];
  }
}
