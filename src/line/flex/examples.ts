// Example cards holding exactly the placeholder values of flex-templates/: building one reproduces its template
// (tests/line/flex-*.test.ts hold the builders to that), so a designer's change to a template shows up as a
// snapshot diff. Also handy for previews in the terminal chat client.
import type { InfoCard, ListCard, ProducerCard } from '../../bot/cards.js';

const ENTRY = 'cm2x8k1qa0001';

export const exampleInfoCard: InfoCard = {
  kind: 'info',
  altText: 'สรุปยอดขายเดือนตุลาคม 2566 กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า รวม 177,500 บาท รอยืนยัน',
  title: 'สรุปยอดขาย เดือนตุลาคม 2566',
  subtitle: 'กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า · อ.บางคล้า จ.ฉะเชิงเทรา',
  tone: 'neutral',
  sections: [
    {
      heading: 'ยอดขายตามช่องทาง',
      rows: [
        { label: 'ในประเทศ (หน้าร้าน)', value: '120,000 บาท' },
        { label: 'ในประเทศ (ออนไลน์)', value: '45,500 บาท' },
        { label: 'ต่างประเทศ (ส่งออก)', value: '12,000 บาท' },
      ],
    },
    {
      heading: 'สรุปทั้งเดือน',
      rows: [
        { label: 'รวมยอดขาย', value: '177,500 บาท', emphasis: true },
        { label: 'เป้าหมายเดือนนี้', value: '150,000 บาท' },
        { label: 'เทียบกับเป้าหมาย', value: '118.3%' },
      ],
    },
  ],
  note: 'โปรดตรวจสอบตัวเลขก่อนกดยืนยัน เมื่อยืนยันแล้วจะแก้ไขได้ต่อเมื่อพัฒนาการอำเภอปลดล็อกให้',
  buttons: [
    {
      label: 'ยืนยัน',
      postback: { action: 'confirm-sales', params: { entry: ENTRY, rev: '3' } },
      display: 'ยืนยันยอดขายเดือนตุลาคม 2566',
      style: 'primary',
    },
    {
      label: 'แก้ไข',
      postback: { action: 'edit-sales', params: { entry: ENTRY, rev: '3' } },
      display: 'แก้ไขยอดขาย',
      style: 'secondary',
    },
    { label: 'ยกเลิก', postback: { action: 'cancel', params: { entry: ENTRY } }, style: 'link' },
  ],
};

const item = (no: string, title: string, detail: string, entry: string): ListCard['items'][number] => ({
  no,
  title,
  detail,
  status: 'รอยืนยัน',
  button: { label: 'ดูรายละเอียด', postback: { action: 'open-entry', params: { entry } }, display: `ดูรายละเอียด ${title}` },
});

export const exampleListCard: ListCard = {
  kind: 'list',
  altText: 'ยอดขายรอยืนยัน เดือนตุลาคม 2566 อำเภอบางคล้า 26 รายการ (หน้า 1 จาก 3)',
  title: 'ยอดขายรอยืนยัน เดือนตุลาคม 2566',
  subtitle: 'อำเภอบางคล้า จ.ฉะเชิงเทรา · หน้า 1 จาก 3',
  items: [
    item('1.', 'กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า', 'อาหาร · 53,000 บาท', 'cm2x8k1qa0001'),
    item('2.', 'กลุ่มทอผ้าไหมบ้านหัวไทร', 'ผ้า เครื่องแต่งกาย · 28,400 บาท', 'cm2x8k1qa0002'),
    item('3.', 'วิสาหกิจชุมชนจักสานผักตบชวาเสม็ดใต้', 'ของใช้ ของตกแต่ง · 9,750 บาท', 'cm2x8k1qa0003'),
  ],
  footer: 'แสดง 1–3 จาก 26 รายการ · ยอดรวมหน้านี้ 91,150 บาท',
  buttons: [
    { label: 'หน้าถัดไป', postback: { action: 'list-pending', params: { page: '2' } }, display: 'ดูหน้าถัดไป', style: 'primary' },
    {
      label: 'ยืนยันทั้งหมดในหน้านี้',
      postback: { action: 'confirm-page', params: { page: '1', rev: '12' } },
      style: 'secondary',
    },
    { label: 'กลับเมนูหลัก', postback: { action: 'menu', params: {} }, style: 'link' },
  ],
};

/** A shortfall warning: warning tone, no subtitle, a section without heading, two buttons with default styles. */
export const exampleWarningCard: InfoCard = {
  kind: 'info',
  altText: 'แจ้งเตือน: ยอดขายเดือนตุลาคม 2566 ของกลุ่มทอผ้าไหมบ้านหัวไทร ต่ำกว่าเป้าหมาย 32%',
  title: 'ยอดขายต่ำกว่าเป้าหมาย',
  tone: 'warning',
  sections: [
    {
      rows: [
        { label: 'ยอดขายเดือนตุลาคม 2566', value: '102,000 บาท' },
        { label: 'เป้าหมายเดือนนี้', value: '150,000 บาท' },
        { label: 'ต่ำกว่าเป้าหมาย', value: '48,000 บาท (32%)', emphasis: true },
      ],
    },
  ],
  note: 'หากตัวเลขไม่ถูกต้อง กด "แก้ไข" ก่อนวันที่ 5 พฤศจิกายน 2566',
  buttons: [
    { label: 'ยืนยันตามนี้', postback: { action: 'confirm-sales', params: { entry: 'cm2x8k1qa0002', rev: '1' } } },
    { label: 'แก้ไข', postback: { action: 'edit-sales', params: { entry: 'cm2x8k1qa0002', rev: '1' } } },
  ],
};

const GROUPS: readonly (readonly [string, string, string])[] = [
  ['กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า', 'อาหาร', '53,000'],
  ['กลุ่มทอผ้าไหมบ้านหัวไทร', 'ผ้า เครื่องแต่งกาย', '28,400'],
  ['วิสาหกิจชุมชนจักสานผักตบชวาเสม็ดใต้', 'ของใช้ ของตกแต่ง', '9,750'],
  ['กลุ่มวิสาหกิจชุมชนผลิตภัณฑ์แปรรูปสมุนไพรบ้านหนองบัวทองพัฒนา', 'สมุนไพรที่ไม่ใช่อาหาร', '145,320'],
  ['กลุ่มเกษตรกรทำสวนมะม่วงแปรรูปบ้านคลองหลวงแพ่ง', 'อาหาร', '87,600'],
  ['วิสาหกิจชุมชนน้ำพริกแม่ทองใบ', 'อาหาร', '31,250'],
  ['กลุ่มสตรีสหกรณ์ผ้าบาติกบ้านปากน้ำ', 'ผ้า เครื่องแต่งกาย', '16,900'],
  ['กลุ่มเครื่องดื่มน้ำสมุนไพรตะไคร้ใบเตยบ้านท่าทองหลาง', 'เครื่องดื่ม', '22,480'],
  ['กลุ่มอาชีพทำไม้กวาดดอกหญ้าบ้านเขาดิน', 'ของใช้ ของตกแต่ง', '6,300'],
  ['วิสาหกิจชุมชนเครื่องปั้นดินเผาบ้านบางสวนพัฒนาร่วมใจ', 'ของใช้ ของตกแต่ง', '41,075'],
  ['กลุ่มแม่บ้านเกษตรกรขนมไทยโบราณบ้านเสม็ดเหนือ', 'อาหาร', '19,980'],
  ['วิสาหกิจชุมชนสบู่และเครื่องสำอางจากน้ำผึ้งชันโรงบ้านดอนสีนนท์', 'สมุนไพรที่ไม่ใช่อาหาร', '58,640'],
];

/** A page of `count` (≤ 12) entries awaiting confirmation, with the longest real-looking group names we expect. */
export function examplePageOfEntries(count: number): ListCard {
  const items = Array.from({ length: count }, (_, i) => {
    const [title, category, amount] = GROUPS[i % GROUPS.length] ?? GROUPS[0]!;
    return { ...item(`${i + 1}.`, title, `${category} · ${amount} บาท`, `cm2x8k1qa${String(i).padStart(4, '0')}`), status: i % 3 === 2 ? 'ยืนยันแล้ว' : 'รอยืนยัน' };
  });
  return {
    kind: 'list',
    altText: `ยอดขายเดือนตุลาคม 2566 อำเภอบางคล้า ${count} รายการ`,
    title: 'ยอดขายเดือนตุลาคม 2566',
    subtitle: 'อำเภอบางคล้า จ.ฉะเชิงเทรา',
    items,
    footer: `แสดง ${count} รายการ`,
    buttons: [{ label: 'ยืนยันทั้งหมดในหน้านี้', postback: { action: 'confirm-page', params: { page: '1', rev: '12' } } }],
  };
}

/** The producer card with the placeholder values of flex-templates/producer-card.json. */
export const exampleProducerCard: ProducerCard = {
  kind: 'producer',
  altText: 'กลุ่มวิสาหกิจชุมชนแม่บ้านเกษตรกรบางคล้า รหัส 2403-C-12 ลงทะเบียนอยู่ เชื่อม LINE แล้ว รายงานล่าสุด ตุลาคม 2569',
  title: 'กลุ่มวิสาหกิจชุมชนแม่บ้านเกษตรกรบางคล้า',
  subtitle: 'รหัส 2403-C-12 · อำเภอบางคล้า',
  active: true,
  activeLabel: 'ลงทะเบียนอยู่',
  lineLinked: true,
  lineLabel: 'เชื่อม LINE แล้ว',
  type: 'กลุ่มผู้ผลิตชุมชน',
  categories: 'อาหาร, เครื่องดื่ม',
  tambon: 'ปากน้ำ',
  phone: '081-234-5678',
  lastReported: 'ตุลาคม 2569',
  note: 'กดแก้ไขเพื่อเปลี่ยนข้อมูลทีละช่อง ทุกการแก้ไขบันทึกไว้ในประวัติ',
  buttons: [
    { label: 'แก้ไขข้อมูล', postback: { action: 'rg-edit', params: { t: 'k3m9x2', p: '12' } }, display: 'แก้ไขข้อมูล', style: 'primary' },
    { label: 'ยกเลิกการลงทะเบียน', postback: { action: 'rg-dereg', params: { t: 'k3m9x2', p: '12' } }, display: 'ยกเลิกการลงทะเบียน', style: 'secondary' },
    { label: 'กลับไปรายชื่อ', postback: { action: 'rg-back', params: { t: 'k3m9x2' } }, display: 'กลับไปรายชื่อ', style: 'link' },
  ],
};
