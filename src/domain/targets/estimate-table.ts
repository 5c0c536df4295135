// A province's estimate table (the fy2563 พะเยา letter: ชื่ออำเภอ, the year's target, one column per remaining month,
// รวมทั้งหมด) → one estimate per district, or every problem found, each naming the sheet row, the column and the
// reason in Thai. All-or-nothing. Headers: the clean CSV's (district, target_fy2563_plus10pct, estimate_jun_2563,
// total) or the letter's Thai ones, one row or two ("ปีงบประมาณ 2563" over "มิ.ย. 63"). The months must be the
// fiscal year's last months, consecutive, ending in September; actual to date = target − the months; the total
// column may print the target (as the letter does) or the months' sum; a "รวม" row must equal the column sums.
import { parseAmount } from '../amount-parser.js';
import { fiscalYearMonths, monthParts, type MonthKey } from '../fiscal-period.js';
import { formatBaht, formatMonthTh, thaiMonthName, toArabicDigits, type MonthNumber } from '../thai-format.js';
import { columnLetter, normaliseHeader } from './columns.js';
import type { TableProblem } from './table.js';
import { matchUnit, type UnitRef } from './unit-match.js';

export interface ParsedEstimate {
  unit: UnitRef;
  /** Sheet row (1-based). */
  row: number;
  /** The year's target as printed, satang. */
  target: bigint;
  /** target − the months, satang. */
  actualToDate: bigint;
  months: { month: MonthKey; amount: bigint }[];
}

export type EstimateTableResult = { ok: true; estimates: ParsedEstimate[]; months: MonthKey[] } | { ok: false; problems: TableProblem[] };

type Role = { role: 'no' | 'unit' | 'code' | 'target' | 'total' } | { role: 'month'; month: MonthKey };

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORDS: [string, number][] = [];
for (let m = 1; m <= 12; m++) MONTH_WORDS.push([thaiMonthName(m as MonthNumber), m], [thaiMonthName(m as MonthNumber, 'short'), m]);
MONTH_WORDS.sort((a, b) => b[0].length - a[0].length);
const AMOUNT_CEILING = 1_000_000_000_000n * 100n;

/** The month a header names, with the year printed after it (BE, 2 or 4 digits, or CE in the English form). */
function monthOfHeader(h: string): { month: number; beYear: number | null } | null {
  const en = h.match(/^estimate_([a-z]{3})_(\d{4})$/);
  if (en && EN_MONTHS.includes(en[1]!)) return { month: EN_MONTHS.indexOf(en[1]!) + 1, beYear: Number(en[2]) };
  for (const [word, month] of MONTH_WORDS) {
    const at = h.indexOf(word);
    if (at < 0) continue;
    const y = h.slice(at + word.length).match(/^ ?(\d{2}|\d{4})(?!\d)/);
    return { month, beYear: y ? (y[1]!.length === 2 ? 2500 + Number(y[1]) : Number(y[1])) : null };
  }
  return null;
}

function classify(header: string, fiscalYear: number): Role | { error: string } | null {
  const h = normaliseHeader(header);
  if (h === '') return null;
  if (/^(no|ที่|ลำดับ|ลำดับที่)$/.test(h)) return { role: 'no' };
  if (/^(district|อำเภอ|ชื่ออำเภอ)$/.test(h)) return { role: 'unit' };
  if (/^(code|district_code|รหัส|รหัสอำเภอ)$/.test(h)) return { role: 'code' };
  const m = monthOfHeader(h);
  if (m) {
    const key = fiscalYearMonths(fiscalYear).find((k) => monthParts(k).month === m.month)!;
    const expected = monthParts(key).year + 543;
    if (m.beYear !== null && m.beYear !== expected) return { error: `เดือนนี้ไม่อยู่ในปีงบประมาณ ${fiscalYear} (${formatMonthTh(key)} ต่างหาก) — ตรวจ --fy` };
    return { role: 'month', month: key };
  }
  if (/(^| )(total|รวม)/.test(h)) return { role: 'total' };
  if (/^target|เป้า/.test(h)) return { role: 'target' };
  return { error: `ไม่รู้จักหัวคอลัมน์ "${header}" — ใช้ ชื่ออำเภอ / เป้ารายได้ / มิ.ย. 63 … / รวมทั้งหมด (หรือ district, target_…, estimate_jun_2563, total)` };
}

/** Parses a whole estimate table for `fiscalYear`; `units` are the province's districts. */
export function parseEstimateTable(rows: string[][], opts: { fiscalYear: number; units: readonly UnitRef[] }): EstimateTableResult {
  const at = rows.findIndex((r) => r.some((c) => /^(district|อำเภอ|ชื่ออำเภอ)$/.test(normaliseHeader(c))));
  if (at < 0) return { ok: false, problems: [{ row: 1, column: null, message: 'ไม่พบแถวหัวตารางที่มีคอลัมน์ "ชื่ออำเภอ" (district)' }] };
  const top = rows[at]!;
  const below = rows[at + 1] ?? [];
  const twoRows = below.some((c) => monthOfHeader(normaliseHeader(c)) !== null);
  const names: string[] = [];
  for (let i = 0; i < Math.max(top.length, twoRows ? below.length : 0); i++) {
    const a = (top[i] ?? '').trim();
    const b = twoRows ? (below[i] ?? '').trim() : '';
    names.push(b === '' || b === a ? a : a === '' ? b : `${a} ${b}`);
  }
  const headerRow = at + (twoRows ? 2 : 1);
  const col = (i: number) => `${columnLetter(i)} (${names[i]})`;
  const problems: TableProblem[] = [];
  const roles: (Role | null)[] = names.map((n, i) => {
    const r = classify(n, opts.fiscalYear);
    if (r && 'error' in r) { problems.push({ row: headerRow, column: col(i), message: r.error }); return null; }
    return r;
  });
  const idx = (role: string) => roles.flatMap((r, i) => (r?.role === role ? [i] : []));
  const monthCols = idx('month').sort((a, b) => ((roles[a] as { month: string }).month < (roles[b] as { month: string }).month ? -1 : 1));
  const months = monthCols.map((i) => (roles[i] as { month: MonthKey }).month);
  const [unitCol] = idx('unit');
  const [codeCol] = idx('code');
  const [targetCol] = idx('target');
  const [totalCol] = idx('total');
  if (targetCol === undefined) problems.push({ row: headerRow, column: null, message: 'ไม่พบคอลัมน์เป้ารายได้ของปี (เช่น "เป้ารายได้ปี 63 เพิ่มขึ้น 10%" หรือ target_fy2563_plus10pct)' });
  if (months.length === 0) problems.push({ row: headerRow, column: null, message: 'ไม่พบคอลัมน์ประมาณการรายเดือน (เช่น "มิ.ย. 63" หรือ estimate_jun_2563)' });
  const all = fiscalYearMonths(opts.fiscalYear);
  months.forEach((m, k) => {
    if (k > 0 && m === months[k - 1]) problems.push({ row: headerRow, column: col(monthCols[k]!), message: `เดือน${formatMonthTh(m)}ซ้ำกับคอลัมน์ ${columnLetter(monthCols[k - 1]!)}` });
  });
  const expected = months.length ? all.slice(all.indexOf(months[0]!)) : [];
  if (months.length && new Set(months).size === months.length && months.join() !== expected.join()) {
    problems.push({ row: headerRow, column: null, message: `ประมาณการต้องเป็นเดือนที่เหลือของปีต่อเนื่องกันจนถึงกันยายน: ตั้งแต่${formatMonthTh(months[0]!)} ต้องมี ${expected.map((m) => formatMonthTh(m, { short: true })).join(', ')}` });
  }
  if (problems.length) return { ok: false, problems };

  const numeric = [targetCol!, ...monthCols, ...(totalCol === undefined ? [] : [totalCol])];
  const sums = new Map<number, bigint>(numeric.map((i) => [i, 0n]));
  const estimates: ParsedEstimate[] = [];
  const seen = new Map<number, number>();
  let totalSeen = false;
  for (let r = headerRow; r < rows.length; r++) {
    const cells = rows[r]!;
    const rowNo = r + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    const unitText = (cells[unitCol!] ?? '').trim();
    const isTotal = /^รวม|^total$/i.test(unitText) || (unitText === '' && cells.some((c) => /^รวม/.test(c.trim())));
    const values = new Map<number, bigint>();
    for (const i of numeric) {
      const text = (cells[i] ?? '').trim();
      const where = { row: rowNo, column: col(i) };
      if (text === '') { problems.push({ ...where, message: 'ช่องนี้ว่าง ต้องเป็นตัวเลข (ถ้าไม่มี ใส่ 0)' }); continue; }
      const a = parseAmount(text, { ceilingSatang: AMOUNT_CEILING });
      if (!a.ok) { problems.push({ ...where, message: a.error === 'negative' ? `ติดลบไม่ได้ ("${text}")` : `ไม่ใช่ตัวเลข ("${text}")` }); continue; }
      if (a.satang % 100n !== 0n) { problems.push({ ...where, message: `ต้องเป็นจำนวนเต็มบาท ("${text}")` }); continue; }
      values.set(i, a.satang);
    }
    const complete = values.size === numeric.length;
    if (isTotal) {
      totalSeen = true;
      if (complete) for (const i of numeric) {
        if (values.get(i) !== sums.get(i)) problems.push({ row: rowNo, column: col(i), message: `แถว "รวม" ไม่ตรงกับผลรวมของแถวข้างบน: พิมพ์ ${formatBaht(values.get(i)!)} แต่รวมได้ ${formatBaht(sums.get(i)!)}` });
      }
      continue;
    }
    if (totalSeen) { problems.push({ row: rowNo, column: null, message: 'มีข้อมูลต่อจากแถว "รวม" — แถว "รวม" ต้องเป็นแถวสุดท้าย' }); continue; }
    for (const [i, v] of values) sums.set(i, sums.get(i)! + v);
    const codeText = codeCol === undefined ? '' : (cells[codeCol] ?? '').trim();
    const unit = matchUnit(codeText !== '' ? codeText : unitText, opts.units);
    if (!unit.ok) { problems.push({ row: rowNo, column: col(codeText !== '' ? codeCol! : unitCol!), message: `${unit.message} (ในจังหวัดที่ระบุ)` }); continue; }
    if (seen.has(unit.unit.code)) { problems.push({ row: rowNo, column: col(unitCol!), message: `อำเภอ${unit.unit.nameTh}ซ้ำกับแถว ${seen.get(unit.unit.code)}` }); continue; }
    seen.set(unit.unit.code, rowNo);
    if (!complete) continue;
    const target = values.get(targetCol!)!;
    const monthly = monthCols.map((i, k) => ({ month: months[k]!, amount: values.get(i)! }));
    const sum = monthly.reduce((s, m) => s + m.amount, 0n);
    if (sum > target) { problems.push({ row: rowNo, column: col(targetCol!), message: `ประมาณการรวม ${formatBaht(sum)} บาท มากกว่าเป้า ${formatBaht(target)} บาท (ยอดจริงถึงปัจจุบันจะติดลบ)` }); continue; }
    if (totalCol !== undefined) {
      const total = values.get(totalCol)!;
      if (total !== target && total !== sum) { problems.push({ row: rowNo, column: col(totalCol), message: `รวมทั้งหมด ${formatBaht(total)} ไม่เท่ากับเป้า (${formatBaht(target)}) และไม่เท่ากับผลรวมประมาณการ (${formatBaht(sum)})` }); continue; }
    }
    estimates.push({ unit: unit.unit, row: rowNo, target, actualToDate: target - sum, months: monthly });
  }
  if (!problems.length && estimates.length === 0) problems.push({ row: headerRow + 1, column: null, message: 'ไม่มีแถวข้อมูลใต้หัวตาราง' });
  return problems.length ? { ok: false, problems } : { ok: true, estimates, months };
}

