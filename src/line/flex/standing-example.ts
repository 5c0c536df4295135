// The standing card with the template's placeholder values (test and design reference: building it must give
// flex-templates/standing-card.json back exactly).
import type { StandingCard } from '../../bot/cards.js';

export const exampleStandingCard: StandingCard = {
  kind: 'standing',
  altText: 'เป้าหมาย อำเภอบางคล้า รอบที่ 1: ขั้นต้น (2 คะแนน) ยืนยันแล้ว 52,300,000 บาท',
  title: 'เป้าหมาย อำเภอบางคล้า',
  subtitle: 'ปีงบประมาณ 2570 รอบที่ 1 (ต.ค.–มี.ค.) · ยืนยันแล้วถึงเดือนธันวาคม 2569',
  tone: 'neutral',
  summary: [
    { label: 'ระดับที่ได้', value: 'ขั้นต้น (2 คะแนน)', emphasis: true },
    { label: 'ยอดที่ยืนยันแล้ว (3 เดือน)', value: '52,300,000 บาท' },
  ],
  barsHeading: 'เกณฑ์แต่ละระดับ',
  bars: [{ label: 'ขั้นต้น · 2 คะแนน', value: '50,000,000 บาท ✓', permille: 1000, reached: true }],
  ranking: { heading: 'อำเภอเรียงตามระดับ', rows: [{ label: '1. บางคล้า', value: 'ขั้นต้น · 87% ของขั้นมาตรฐาน' }] },
  note: 'นับเฉพาะยอดที่อำเภอหรือจังหวัดยืนยันแล้ว',
  buttons: [
    { label: 'ดูรายอำเภอ', postback: { action: 'start', params: { flow: 'targets', p: '24' } }, display: 'ดูเป้าหมายรายอำเภอ', style: 'primary' },
    { label: 'เดือนก่อน', postback: { action: 'start', params: { flow: 'targets', m: '2026-11' } }, style: 'secondary' },
    { label: 'เมนู', postback: { action: 'start', params: { flow: 'menu' } }, style: 'link' },
  ],
};
