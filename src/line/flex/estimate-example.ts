// The estimate card with the template's placeholder values (test and design reference: building it must give
// flex-templates/estimate-card.json back exactly).
import type { EstimateCard } from '../../bot/cards.js';

export const exampleEstimateCard: EstimateCard = {
  kind: 'estimate',
  altText: 'ประมาณการ อำเภอเมืองพะเยา ปีงบประมาณ 2563: มิ.ย.–ก.ย. 63 รวม 150,191,994 บาท รอรับรอง',
  title: 'ประมาณการ อำเภอเมืองพะเยา',
  subtitle: 'ปีงบประมาณ 2563 · มิ.ย.–ก.ย. 63 · รอรับรอง',
  tone: 'neutral',
  summary: [
    { label: 'เป้ารายได้ทั้งปี', value: '418,453,794 บาท', emphasis: true },
    { label: 'ยอดจริงถึงพฤษภาคม 2563', value: '268,261,800 บาท' },
  ],
  table: {
    heading: 'ประมาณการรายเดือน (บาท)',
    columns: ['เดือน', 'ประมาณการ', 'ยอดจริง'],
    rows: [
      { cells: ['มิ.ย. 63', '40,600,500', '—'] },
      { cells: ['รวม', '150,191,994', '—'], emphasis: true },
    ],
  },
  note: 'ยอดจริงถึงปัจจุบัน + ประมาณการเดือนที่เหลือ = เป้ารายได้ทั้งปี',
  buttons: [
    { label: 'รับรอง', postback: { action: 'start', params: { flow: 'estimate-certify', id: '1', rev: '1', x: 'certify' } }, display: 'รับรองประมาณการ', style: 'primary' },
    { label: 'ไม่รับรอง ขอแก้ไข', postback: { action: 'start', params: { flow: 'estimate-certify', id: '1', rev: '1', x: 'correct' } }, display: 'ไม่รับรอง โดยขอแก้ไข', style: 'secondary' },
    { label: 'เมนู', postback: { action: 'start', params: { flow: 'menu' } }, style: 'link' },
  ],
};
