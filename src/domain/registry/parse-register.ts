// Reads a producer register laid out as the department's sheets are (title rows above a header row, a row per
// producer) into typed rows, and every problem into a Thai message naming the sheet row, the column and the closest
// valid value. Pure: the reference data comes in as a PlaceIndex.
import type { ProducerType, ProductCategory } from '../../db/generated/enums.js';
import { normalisePhone, normaliseProducerName, PRODUCER_NAME_MAX, PRODUCER_NAME_MIN, TAMBON_MAX } from '../producers.js';
import { toArabicDigits } from '../thai-format.js';
import { COLUMN_TH, columnOf, readCategories, readProducerType, REQUIRED_COLUMNS, type RegistryColumn } from './columns.js';
import type { PlaceIndex } from './place-index.js';

export interface RegisterRow {
  /** 1-based row number in the sheet. */
  row: number;
  code: string | null;
  name: string;
  type: ProducerType;
  categories: ProductCategory[];
  tambon: string;
  districtId: number;
  phone: string | null;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ParsedRegister {
  rows: RegisterRow[];
  errors: RowError[];
  /** Rows that were blank or a "รวม" line, skipped. */
  skipped: number;
}

export interface ParseOptions {
  index: PlaceIndex;
  /** --province: names are looked up there; rows of another province are refused. */
  provinceId?: number;
  /** --district: rows without a district cell belong to it; rows of another district are refused. */
  districtId?: number;
}

/** The header row: the first of the top 15 rows that names every required column (or all but อำเภอ with --district). */
function findHeader(table: string[][], needDistrict: boolean): { at: number; columns: Map<RegistryColumn, number> } | null {
  for (let at = 0; at < Math.min(table.length, 15); at++) {
    const columns = new Map<RegistryColumn, number>();
    table[at]!.forEach((cell, i) => {
      const c = columnOf(cell);
      if (c && !columns.has(c)) columns.set(c, i);
    });
    if (REQUIRED_COLUMNS.every((c) => columns.has(c) || (c === 'district' && !needDistrict))) return { at, columns };
  }
  return null;
}

/** A phone cell: any common Thai format; a number cell that lost its leading 0 gets it back. */
export function readPhone(cell: string): string | null | undefined {
  const t = toArabicDigits(cell.normalize('NFKC')).trim();
  if (!t || t === '-') return null;
  const first = t.split(/[,/]| หรือ /)[0]!.trim();
  const direct = normalisePhone(first);
  if (direct) return direct;
  const digits = first.replace(/\D/g, '');
  return /^[2-9]\d{7,8}$/.test(digits) ? normalisePhone(`0${digits}`) ?? undefined : undefined;
}

const isBlank = (cells: string[]): boolean => cells.every((c) => !c.trim());
const isTotalRow = (cells: string[]): boolean => cells.some((c) => /^\s*(รวม|รวมทั้งสิ้น|total)(\s|$)/i.test(c));

export function parseRegister(table: string[][], opts: ParseOptions): ParsedRegister {
  const header = findHeader(table, opts.districtId === undefined);
  if (!header) {
    const need = REQUIRED_COLUMNS.filter((c) => c !== 'district' || opts.districtId === undefined).map((c) => COLUMN_TH[c]);
    return { rows: [], errors: [{ row: 1, column: '-', message: `ไม่พบแถวหัวตาราง: ต้องมีคอลัมน์ ${need.join(', ')}` }], skipped: 0 };
  }
  const rows: RegisterRow[] = [];
  const errors: RowError[] = [];
  let skipped = 0;
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  for (let i = header.at + 1; i < table.length; i++) {
    const cells = table[i]!;
    const rowNo = i + 1;
    if (isBlank(cells) || isTotalRow(cells)) {
      skipped++;
      continue;
    }
    const cell = (c: RegistryColumn): string => {
      const at = header.columns.get(c);
      return at === undefined ? '' : (cells[at] ?? '').normalize('NFC').trim();
    };
    const bad = (c: RegistryColumn, message: string) => errors.push({ row: rowNo, column: COLUMN_TH[c], message });
    const before = errors.length;

    const name = normaliseProducerName(cell('name'));
    if (name.length < PRODUCER_NAME_MIN || name.length > PRODUCER_NAME_MAX) bad('name', `ชื่อต้องยาว ${PRODUCER_NAME_MIN}–${PRODUCER_NAME_MAX} ตัวอักษร`);

    const type = readProducerType(cell('type'));
    if (!type) bad('type', `ไม่รู้จักประเภท "${cell('type').slice(0, 40)}" — ใช้ กลุ่มผู้ผลิตชุมชน / ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว / ผู้ผลิตที่เป็น SMEs`);

    const cats = readCategories(cell('categories'));
    if (cats.unknown.length) bad('categories', `ไม่รู้จักประเภทผลิตภัณฑ์ "${cats.unknown.join(', ').slice(0, 60)}" — ใช้ อาหาร / เครื่องดื่ม / ผ้า เครื่องแต่งกาย / ของใช้ ของตกแต่ง ของที่ระลึก / สมุนไพรที่ไม่ใช่อาหาร`);
    else if (!cats.categories.length) bad('categories', 'ต้องระบุประเภทผลิตภัณฑ์อย่างน้อย 1 ประเภท');

    let provinceId = opts.provinceId;
    if (cell('province')) {
      const p = opts.index.province(cell('province'));
      if (!p.ok) bad('province', `ไม่พบจังหวัด "${cell('province').slice(0, 40)}"${p.closest.length ? ` — ใกล้เคียง: ${p.closest.join(', ')}` : ''}`);
      else if (opts.provinceId !== undefined && p.value.id !== opts.provinceId) bad('province', `แถวนี้เป็นของจังหวัด${p.value.nameTh} ไม่ใช่จังหวัดที่เลือกนำเข้า`);
      else provinceId = p.value.id;
    }
    let districtId: number | undefined;
    if (cell('district')) {
      const d = opts.index.district(cell('district'), provinceId);
      if (!d.ok) {
        const what = d.reason === 'ambiguous' ? `ชื่ออำเภอ "${cell('district')}" ซ้ำกันหลายจังหวัด — ระบุจังหวัดหรือรหัสอำเภอ` : `ไม่พบอำเภอ "${cell('district').slice(0, 40)}"`;
        bad('district', `${what}${d.closest.length ? ` — ใกล้เคียง: ${d.closest.join(', ')}` : ''}`);
      } else if (opts.districtId !== undefined && d.value.id !== opts.districtId) bad('district', `แถวนี้เป็นของอำเภอ${d.value.nameTh} ไม่ใช่อำเภอที่เลือกนำเข้า`);
      else districtId = d.value.id;
    } else if (opts.districtId !== undefined) districtId = opts.districtId;
    else bad('district', 'ต้องระบุอำเภอ');

    let tambon = cell('tambon').replace(/^(ตำบล|ต\.)\s*/, '');
    if (!tambon || tambon.length > TAMBON_MAX) bad('tambon', 'ต้องระบุชื่อตำบล');
    else if (districtId !== undefined) {
      const t = opts.index.tambon(tambon, districtId);
      if (t && !t.ok) bad('tambon', `ไม่พบตำบล "${tambon.slice(0, 40)}" ในอำเภอนี้ — ใกล้เคียง: ${t.closest.join(', ')}`);
      else if (t?.ok) tambon = t.value;
    }

    const phone = readPhone(cell('phone'));
    if (phone === undefined) bad('phone', `เบอร์โทรศัพท์ "${cell('phone').slice(0, 30)}" ไม่ถูกต้อง — เช่น 081-234-5678 หรือ 038-511-234`);

    const code = toArabicDigits(cell('code')).replace(/\s+/g, '') || null;
    if (code !== null) {
      if (code.length > 40) bad('code', 'รหัสผู้ผลิตยาวเกิน 40 ตัวอักษร');
      const first = seenCodes.get(code);
      if (first !== undefined) bad('code', `รหัสผู้ผลิต ${code} ซ้ำกับแถว ${first}`);
      else seenCodes.set(code, rowNo);
    }
    if (districtId !== undefined && name) {
      const key = `${districtId}|${name.toLowerCase()}`;
      const first = seenNames.get(key);
      if (first !== undefined) bad('name', `ชื่อ "${name.slice(0, 60)}" ซ้ำกับแถว ${first} ในอำเภอเดียวกัน`);
      else seenNames.set(key, rowNo);
    }
    if (errors.length > before) continue;
    rows.push({ row: rowNo, code, name, type: type!, categories: cats.categories, tambon, districtId: districtId!, phone: phone ?? null });
  }
  return { rows, errors, skipped };
}
