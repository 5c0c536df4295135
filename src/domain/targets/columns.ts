// What each column of a department target table means, from its header text: the English names of the clean CSVs
// in ../shared/data (sales_fy2560_baht, level2_plus17pct, target_basic …) or the Thai headers of the letters
// (ที่ / อำเภอ / ข้อมูลพื้นฐาน ๒๕๖๓ / ค่าเป้าหมาย ขั้นต้น / ระดับ 2 ร้อยละ 7 …), a two-row header joined by a space.
import { toArabicDigits } from '../thai-format.js';

export type ColumnRole =
  | { role: 'no' }
  | { role: 'zone' }
  | { role: 'round' }
  | { role: 'unit'; unit: 'district' | 'province' }
  | { role: 'history'; fiscalYear: number }
  | { role: 'tier'; tier: 1 | 2 | 3 }
  | { role: 'growth'; level: number; basisPoints: number }
  | { role: 'floor'; level: number; belowBasisPoints: number; printedBasisPoints: number | null }
  | { role: 'target'; basisPoints: number }
  | { role: 'count'; level: number }
  | { role: 'ignore' };

/** Lower-case, Arabic digits, one space, no "(…)" punctuation noise. */
export function normaliseHeader(text: string): string {
  return toArabicDigits(text).toLowerCase().replace(/[\s\u200b]+/g, ' ').trim();
}

const pct = (s: string | undefined): number => Math.round(Number(s) * 100);

/** The role of one column, or null when the header is not one the department uses. */
export function classifyColumn(header: string): ColumnRole | null {
  const h = normaliseHeader(header);
  let m: RegExpMatchArray | null;
  if (h === '') return null;
  if (/^(no|ที่|ลำดับ|ลำดับที่)$/.test(h)) return { role: 'no' };
  if (/^(zone|เขต)$/.test(h)) return { role: 'zone' };
  if (/^(round|รอบ)$/.test(h)) return { role: 'round' };
  if (/^(district|อำเภอ|ชื่ออำเภอ)$/.test(h)) return { role: 'unit', unit: 'district' };
  if (/^(province|จังหวัด|ชื่อจังหวัด)$/.test(h)) return { role: 'unit', unit: 'province' };
  if (/(^| )(target_)?basic$|ขั้นต้น$/.test(h)) return { role: 'tier', tier: 1 };
  if (/(^| )(target_)?standard$|มาตรฐาน$/.test(h)) return { role: 'tier', tier: 2 };
  if (/(^| )(target_)?advanced$|ขั้นสูง$/.test(h)) return { role: 'tier', tier: 3 };
  if (/registered|ลงทะเบียน/.test(h)) return { role: 'ignore' };
  if ((m = h.match(/^level(\d)_products$/) ?? h.match(/^(?:ระดับ|คะแนน) ?(\d) .*(?:ผลิตภัณฑ์|รายการ)/))) return { role: 'count', level: Number(m[1]) };
  if ((m = h.match(/^level(\d)_below(\d+(?:\.\d+)?)pct(?:_shown_as_plus(\d+(?:\.\d+)?)pct)?$/))) {
    return { role: 'floor', level: Number(m[1]), belowBasisPoints: pct(m[2]), printedBasisPoints: m[3] ? pct(m[3]) : null };
  }
  if ((m = h.match(/^(?:ระดับ|คะแนน) ?(\d) .*(?:น้อยกว่า|ต่ำกว่า) ?ร้อยละ ?(\d+(?:\.\d+)?)(?:.*ร้อยละ ?(\d+(?:\.\d+)?))?/))) {
    return { role: 'floor', level: Number(m[1]), belowBasisPoints: pct(m[2]), printedBasisPoints: m[3] ? pct(m[3]) : null };
  }
  if ((m = h.match(/^level(\d)_plus(\d+(?:\.\d+)?)pct$/) ?? h.match(/^(?:ระดับ|คะแนน) ?(\d) .*(?:ร้อยละ ?|\+ ?)(\d+(?:\.\d+)?)/))) {
    return { role: 'growth', level: Number(m[1]), basisPoints: pct(m[2]) };
  }
  if ((m = h.match(/^target_fy\d{4}_plus(\d+(?:\.\d+)?)pct$/) ?? h.match(/^เป้าหมาย.*(?:ร้อยละ ?|\+ ?)(\d+(?:\.\d+)?)/))) {
    return { role: 'target', basisPoints: pct(m[1]) };
  }
  if ((m = h.match(/^sales_(?:fy|[a-z_]*_)(\d{4})_baht$/) ?? h.match(/^(?:(?:ข้อมูลพื้นฐาน|รายได้|ยอดขาย|ยอดจำหน่าย)\S*.* )?(25\d\d)$/))) {
    return { role: 'history', fiscalYear: Number(m[1]) };
  }
  return null;
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
