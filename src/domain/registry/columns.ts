// The columns of a district's producer register (ทะเบียนผู้ผลิต ผู้ประกอบการ OTOP) as the department's sheets head
// them, with the English aliases an officer might use, and the readers of the type and category cells.
import type { ProducerType, ProductCategory } from '../../db/generated/enums.js';
import { CATEGORIES, CATEGORY_TH } from '../catalog.js';

export type RegistryColumn = 'seq' | 'code' | 'name' | 'type' | 'categories' | 'tambon' | 'district' | 'province' | 'phone';

/** Thai label of each column, as printed in error reports and the template. */
export const COLUMN_TH: Record<RegistryColumn, string> = {
  seq: 'ลำดับ',
  code: 'รหัสผู้ผลิต',
  name: 'ชื่อผู้ผลิต/ผู้ประกอบการ',
  type: 'ประเภทผู้ผลิต',
  categories: 'ประเภทผลิตภัณฑ์',
  tambon: 'ตำบล',
  district: 'อำเภอ',
  province: 'จังหวัด',
  phone: 'โทรศัพท์',
};

const ALIASES: Record<RegistryColumn, string[]> = {
  seq: ['ลำดับ', 'ลำดับที่', 'ที่', 'no', 'no.', 'seq', '#'],
  code: ['รหัสผู้ผลิต', 'รหัส', 'รหัสทะเบียน', 'เลขทะเบียน', 'รหัสผู้ผลิตผู้ประกอบการ', 'code', 'registrationcode', 'registration code'],
  name: ['ชื่อผู้ผลิต/ผู้ประกอบการ', 'ชื่อผู้ผลิต', 'ชื่อผู้ประกอบการ', 'ชื่อผู้ผลิตผู้ประกอบการ', 'ชื่อ', 'ชื่อกลุ่ม', 'name', 'producer'],
  type: ['ประเภทผู้ผลิต', 'ประเภทผู้ผลิต/ผู้ประกอบการ', 'ประเภทผู้ประกอบการ', 'ประเภท', 'type', 'producer type'],
  categories: ['ประเภทผลิตภัณฑ์', 'ผลิตภัณฑ์', 'หมวดผลิตภัณฑ์', 'category', 'categories', 'product category'],
  tambon: ['ตำบล', 'ต.', 'tambon', 'subdistrict', 'sub-district'],
  district: ['อำเภอ', 'อ.', 'district', 'amphoe'],
  province: ['จังหวัด', 'จ.', 'province', 'changwat'],
  phone: ['โทรศัพท์', 'เบอร์โทร', 'เบอร์โทรศัพท์', 'โทร', 'หมายเลขโทรศัพท์', 'phone', 'tel', 'telephone'],
};

const squash = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[\s_]+/g, '').replace(/[“”"']/g, '');
const ALIAS_INDEX = new Map<string, RegistryColumn>(
  (Object.entries(ALIASES) as [RegistryColumn, string[]][]).flatMap(([col, names]) => names.map((n) => [squash(n), col] as const)),
);

/** The column a header cell names, or null. */
export const columnOf = (header: string): RegistryColumn | null => ALIAS_INDEX.get(squash(header)) ?? null;

/** Columns a register must have (the rest are optional). */
export const REQUIRED_COLUMNS: readonly RegistryColumn[] = ['name', 'type', 'categories', 'tambon', 'district'];

const TYPE_WORDS: [RegExp, ProducerType][] = [
  [/sme|ผู้ประกอบการ\s*sme|วิสาหกิจขนาดกลาง/i, 'SME'],
  [/เจ้าของรายเดียว|รายเดียว|single/i, 'SINGLE_OWNER'],
  [/กลุ่ม|community|group|วิสาหกิจชุมชน/i, 'COMMUNITY_GROUP'],
];

/** Reads a producer-type cell in any of its usual long or short forms ("กลุ่มผู้ผลิตชุมชน", "รายเดียว", "SMEs", "1"–"3"). */
export function readProducerType(cell: string): ProducerType | null {
  const t = cell.normalize('NFC').trim();
  if (/^[1๑]$/.test(t)) return 'COMMUNITY_GROUP';
  if (/^[2๒]$/.test(t)) return 'SINGLE_OWNER';
  if (/^[3๓]$/.test(t)) return 'SME';
  for (const [re, type] of TYPE_WORDS) if (re.test(t)) return type;
  return null;
}

const CATEGORY_WORDS: [RegExp, ProductCategory][] = [
  [/^(อาหาร|food)$/i, 'FOOD'],
  [/^(เครื่องดื่ม|drinks?|beverages?)$/i, 'DRINK'],
  [/^(ผ้า|ผ้า\s*เครื่องแต่งกาย|ผ้า\s*และ\s*เครื่องแต่งกาย|ผ้า\/เครื่องแต่งกาย|เครื่องแต่งกาย|textiles?)$/i, 'TEXTILE'],
  [/^(ของใช้|ของตกแต่ง|ของที่ระลึก|ของใช้\s*ของตกแต่ง\s*ของที่ระลึก|ของใช้\/ของที่ระลึก|ของใช้\s*ของที่ระลึก|household|souvenirs?)$/i, 'HOUSEHOLD'],
  [/^(สมุนไพร|สมุนไพรที่ไม่ใช่อาหาร|สมุนไพร\s*\(ไม่ใช่อาหาร\)|herbal|herbs?)$/i, 'HERBAL'],
];

/** Reads one or more categories ("อาหาร, เครื่องดื่ม"; full Thai names contain spaces, so commas separate). */
export function readCategories(cell: string): { categories: ProductCategory[]; unknown: string[] } {
  const parts = cell.normalize('NFC').split(/[,;|\n]+/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const categories: ProductCategory[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const full = CATEGORIES.find((c) => CATEGORY_TH[c] === part);
    const hit = full ?? CATEGORY_WORDS.find(([re]) => re.test(part))?.[1];
    if (!hit) unknown.push(part);
    else if (!categories.includes(hit)) categories.push(hit);
  }
  return { categories, unknown };
}
