// An empty producer register as an officer fills it in: the department's column headings, one example row, and
// the accepted values of the type and category columns beneath.
import ExcelJS from 'exceljs';
import { CATEGORIES, CATEGORY_TH, PRODUCER_TYPE_TH } from '../domain/catalog.js';
import { COLUMN_TH, type RegistryColumn } from '../domain/registry/columns.js';

const ORDER: RegistryColumn[] = ['seq', 'code', 'name', 'type', 'categories', 'tambon', 'district', 'province', 'phone'];
const EXAMPLE = ['1', '', 'กลุ่มแม่บ้านเกษตรกรบ้านใหม่', 'กลุ่มผู้ผลิตชุมชน', 'อาหาร, เครื่องดื่ม', 'บ้านใหม่', 'เมืองฉะเชิงเทรา', 'ฉะเชิงเทรา', '081-234-5678'];
const WIDTHS = [7, 16, 40, 30, 30, 16, 20, 16, 16];

/** The template workbook as bytes. */
export async function registerTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ทะเบียนผู้ผลิต', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(ORDER.map((c) => COLUMN_TH[c])).font = { bold: true };
  ws.addRow(EXAMPLE);
  ORDER.forEach((_, i) => (ws.getColumn(i + 1).width = WIDTHS[i]));
  ws.getColumn(2).numFmt = '@';
  ws.getColumn(9).numFmt = '@';
  const help = wb.addWorksheet('คำอธิบาย');
  help.addRow(['รหัสผู้ผลิต', 'เลขทะเบียนผู้ผลิต OTOP ถ้ามี (เว้นว่างได้ ระบบจะออกรหัส <รหัสอำเภอ>-C-<ลำดับ>)']);
  help.addRow(['ประเภทผู้ผลิต', Object.values(PRODUCER_TYPE_TH).join(' / ')]);
  help.addRow(['ประเภทผลิตภัณฑ์', `${CATEGORIES.map((c) => CATEGORY_TH[c]).join(' / ')} (หลายประเภทคั่นด้วยจุลภาค)`]);
  help.addRow(['ผู้ผลิตที่มีอยู่แล้ว', 'แถวที่รหัสหรือชื่อ (ในอำเภอเดียวกัน) ตรงกับที่ลงทะเบียนไว้ จะแก้ไขข้อมูลผู้ผลิตรายนั้น ไม่เพิ่มรายใหม่']);
  help.getColumn(1).width = 20;
  help.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
