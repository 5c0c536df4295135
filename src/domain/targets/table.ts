// A department target table (rows of cell text, from CSV or XLSX) → targets to store, or every problem found, each
// naming the sheet row, the column and the reason in Thai. All-or-nothing: any problem and nothing is returned.
// Growth figures must equal baseline × (1 + p) half-up to whole baht; a "รวม" row must equal the column sums.
import { parseAmount } from '../amount-parser.js';
import { formatBaht, toArabicDigits } from '../thai-format.js';
import { classifyColumn, columnLetter, normaliseHeader, type ColumnRole } from './columns.js';
import { DEFAULT_THREE_TIER_SCORES, THREE_TIERS, growthCount, growthThreshold, type TargetKindName, type TargetRoundName } from './scoring.js';
import { matchUnit, type UnitRef } from './unit-match.js';

export interface ParsedLevel {
  level: number;
  label: string;
  score: number;
  /** Absolute threshold (satang, or a count); null when growthBasisPoints is set. */
  threshold: bigint | null;
  growthBasisPoints: number | null;
}

export interface ParsedTarget {
  unit: UnitRef;
  round: TargetRoundName;
  kind: TargetKindName;
  baseline: bigint | null;
  baselineFiscalYear: number | null;
  floorScore: number | null;
  floorLabel: string | null;
  levels: ParsedLevel[];
  history: { fiscalYear: number; amount: bigint }[];
  /** Sheet row (1-based). */
  row: number;
}

export interface TableProblem {
  row: number;
  /** "C (target_basic)"; null for the whole table. */
  column: string | null;
  message: string;
}

export type TableResult = { ok: true; targets: ParsedTarget[]; derivedChecked: number } | { ok: false; problems: TableProblem[] };

export interface TableOptions {
  /** Candidate units: the province's districts, or all provinces / all districts. */
  units: readonly UnitRef[];
  /** Round of the whole file when it has no round column. */
  round?: TargetRoundName;
  /** Scores of ขั้นต้น, ขั้นมาตรฐาน, ขั้นสูง (default 2, 3, 5). */
  tierScores?: readonly [number, number, number];
  /** Accept 3-tier rows whose thresholds do not rise (the letter prints some so). */
  allowUnorderedTiers?: boolean;
}

const ROUND_WORDS: [RegExp, TargetRoundName][] = [
  [/^(full_year|full|ทั้งปี)$/, 'FULL_YEAR'],
  [/^(round1_oct_mar|round1|1|รอบที่ ?1|รอบ ?1)$/, 'ROUND_1'],
  [/^(round2_apr_sep|round2|2|รอบที่ ?2|รอบ ?2)$/, 'ROUND_2'],
];
const AMOUNT_CEILING = 1_000_000_000_000n * 100n;
const isHeaderish = (cells: string[]) => cells.every((c) => c.trim() === '' || !/^[\d,.\s]+$/.test(toArabicDigits(c).trim()) || /^25\d\d$/.test(toArabicDigits(c).trim()));

/** Finds the header (one row, or two when the next row only holds sub-headers) and each column's role. */
function readHeader(rows: string[][]): { at: number; height: number; roles: (ColumnRole | null)[]; names: string[] } | null {
  const at = rows.findIndex((r) => r.some((c) => { const x = classifyColumn(c); return x?.role === 'unit'; }));
  if (at < 0) return null;
  const top = rows[at]!;
  const below = rows[at + 1] ?? [];
  const twoRows = below.some((c) => c.trim() !== '') && isHeaderish(below) && below.some((c) => classifyColumn(c) !== null || /^25\d\d$/.test(toArabicDigits(c).trim()));
  const width = Math.max(top.length, twoRows ? below.length : 0);
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const a = (top[i] ?? '').trim();
    const b = twoRows ? (below[i] ?? '').trim() : '';
    names.push(b === '' || b === a ? a : a === '' ? b : `${a} ${b}`);
  }
  return { at, height: twoRows ? 2 : 1, roles: names.map((n) => (n === '' ? { role: 'ignore' } : classifyColumn(n) ?? classifyColumn(n.split(' ').slice(-1)[0] ?? ''))), names };
}

/** Parses a whole table; see the file comment. */
export function parseTargetTable(rows: string[][], opts: TableOptions): TableResult {
  const problems: TableProblem[] = [];
  const header = readHeader(rows);
  if (!header) return { ok: false, problems: [{ row: 1, column: null, message: 'ไม่พบแถวหัวตารางที่มีคอลัมน์ "อำเภอ" หรือ "จังหวัด" (district / province)' }] };
  const { roles, names } = header;
  const headerRow = header.at + header.height;
  const col = (i: number) => `${columnLetter(i)} (${names[i]})`;
  roles.forEach((r, i) => { if (r === null) problems.push({ row: headerRow, column: col(i), message: `ไม่รู้จักหัวคอลัมน์ "${names[i]}" — ใช้ชื่อตามตารางของกรมฯ เช่น ขั้นต้น / ขั้นมาตรฐาน / ขั้นสูง, ระดับ 1 ร้อยละ 16, level1_products` }); });
  if (problems.length) return { ok: false, problems };
  const idx = (pred: (r: ColumnRole) => boolean) => roles.flatMap((r, i) => (r && pred(r) ? [i] : []));
  const tiers = idx((r) => r.role === 'tier');
  const growth = idx((r) => r.role === 'growth');
  const counts = idx((r) => r.role === 'count');
  const floors = idx((r) => r.role === 'floor');
  const history = idx((r) => r.role === 'history');
  const unitCol = idx((r) => r.role === 'unit')[0]!;
  const roundCol = idx((r) => r.role === 'round')[0];
  const kinds = [tiers.length > 0, growth.length > 0, counts.length > 0].filter(Boolean).length;
  if (kinds !== 1) return { ok: false, problems: [{ row: headerRow, column: null, message: 'ตารางต้องมีเกณฑ์แบบเดียว: 3 ขั้น (ขั้นต้น/ขั้นมาตรฐาน/ขั้นสูง) หรือระดับตามร้อยละที่เพิ่มขึ้น หรือจำนวนผลิตภัณฑ์' }] };
  if (tiers.length > 0 && new Set(tiers.map((i) => (roles[i] as { tier: number }).tier)).size !== 3) {
    return { ok: false, problems: [{ row: headerRow, column: null, message: 'ตาราง 3 ขั้นต้องมีครบ ขั้นต้น ขั้นมาตรฐาน และขั้นสูง' }] };
  }
  if ((growth.length || floors.length) && history.length === 0) {
    return { ok: false, problems: [{ row: headerRow, column: null, message: 'ตารางระดับตามร้อยละต้องมีคอลัมน์ยอดขายปีฐาน เช่น sales_fy2560_baht หรือ "ข้อมูลพื้นฐาน ๒๕๖๐"' }] };
  }
  const numeric = [...history, ...tiers, ...growth, ...counts, ...floors, ...idx((r) => r.role === 'target')];
  const isCount = counts.length > 0;
  const sums = new Map<number, bigint>(numeric.map((i) => [i, 0n]));
  const targets: ParsedTarget[] = [];
  const seen = new Map<string, number>();
  let derivedChecked = 0;
  let totalSeen = false;

  for (let r = headerRow; r < rows.length; r++) {
    const cells = rows[r]!;
    const rowNo = r + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    const unitText = (cells[unitCol] ?? '').trim();
    const isTotal = /^รวม|^total$/i.test(unitText) || (unitText === '' && cells.some((c) => /^รวม/.test(c.trim())));
    const values = new Map<number, bigint>();
    let bad = false;
    for (const i of numeric) {
      const text = (cells[i] ?? '').trim();
      const where = { row: rowNo, column: col(i) };
      if (text === '') { problems.push({ ...where, message: 'ช่องนี้ว่าง ต้องเป็นตัวเลข' }); bad = true; continue; }
      const a = parseAmount(text, { ceilingSatang: AMOUNT_CEILING });
      if (!a.ok) { problems.push({ ...where, message: a.error === 'negative' ? `ติดลบไม่ได้ ("${text}")` : `ไม่ใช่ตัวเลข ("${text}")` }); bad = true; continue; }
      if (a.satang % 100n !== 0n) { problems.push({ ...where, message: `ต้องเป็นจำนวนเต็ม ("${text}")` }); bad = true; continue; }
      const v = isCount && !history.includes(i) ? a.satang / 100n : a.satang;
      values.set(i, v);
    }
    if (isTotal) {
      totalSeen = true;
      if (!bad) for (const i of numeric) {
        if (values.get(i) !== sums.get(i)) problems.push({ row: rowNo, column: col(i), message: `แถว "รวม" ไม่ตรงกับผลรวมของแถวข้างบน: พิมพ์ ${show(values.get(i)!, isCount && !history.includes(i))} แต่รวมได้ ${show(sums.get(i)!, isCount && !history.includes(i))}` });
      }
      continue;
    }
    if (totalSeen) { problems.push({ row: rowNo, column: null, message: 'มีข้อมูลต่อจากแถว "รวม" — แถว "รวม" ต้องเป็นแถวสุดท้าย' }); continue; }
    for (const [i, v] of values) sums.set(i, sums.get(i)! + v);
    const unit = matchUnit(unitText, opts.units);
    if (!unit.ok) { problems.push({ row: rowNo, column: col(unitCol), message: unit.message }); continue; }
    let round = opts.round ?? 'FULL_YEAR';
    if (roundCol !== undefined) {
      const text = normaliseHeader(cells[roundCol] ?? '');
      const found = ROUND_WORDS.find(([re]) => re.test(text));
      if (!found) { problems.push({ row: rowNo, column: col(roundCol), message: `ไม่รู้จักรอบ "${cells[roundCol]}" (ทั้งปี / รอบที่ 1 / รอบที่ 2)` }); continue; }
      round = found[1];
    }
    const key = `${unit.unit.code}/${round}`;
    if (seen.has(key)) { problems.push({ row: rowNo, column: col(unitCol), message: `${unit.unit.nameTh} ${round === 'FULL_YEAR' ? '' : `(${round}) `}ซ้ำกับแถว ${seen.get(key)}` }); continue; }
    seen.set(key, rowNo);
    if (bad) continue;
    const built = buildTarget(rowNo, unit.unit, round, values, roles, col, opts);
    problems.push(...built.problems);
    derivedChecked += built.derivedChecked;
    if (built.target) targets.push(built.target);
  }
  if (!problems.length && targets.length === 0) problems.push({ row: headerRow + 1, column: null, message: 'ไม่มีแถวข้อมูลใต้หัวตาราง' });
  return problems.length ? { ok: false, problems } : { ok: true, targets, derivedChecked };
}

const show = (v: bigint, count: boolean) => (count ? v.toString() : formatBaht(v));

function buildTarget(row: number, unit: UnitRef, round: TargetRoundName, values: Map<number, bigint>, roles: (ColumnRole | null)[], col: (i: number) => string, opts: TableOptions) {
  const problems: TableProblem[] = [];
  let derivedChecked = 0;
  const of = <R extends ColumnRole['role']>(role: R) => [...values].flatMap(([i, v]) => (roles[i]!.role === role ? [{ i, v, r: roles[i] as Extract<ColumnRole, { role: R }> }] : []));
  const history = of('history').sort((a, b) => a.r.fiscalYear - b.r.fiscalYear).map((h) => ({ fiscalYear: h.r.fiscalYear, amount: h.v }));
  const base = history.at(-1) ?? null;
  const check = (i: number, printed: bigint, bp: number) => {
    const derived = growthThreshold(base!.amount, bp);
    derivedChecked++;
    if (derived !== printed) problems.push({ row, column: col(i), message: `ตัวเลข ${formatBaht(printed)} ไม่เท่ากับ ยอดปีฐาน ${formatBaht(base!.amount)} × (1 + ${bp / 100}%) = ${formatBaht(derived)} (ปัดเศษครึ่งขึ้นเป็นบาท)` });
  };
  const t: ParsedTarget = { unit, round, kind: 'SALES', baseline: base?.amount ?? null, baselineFiscalYear: base?.fiscalYear ?? null, floorScore: null, floorLabel: null, levels: [], history, row };
  const tiers = of('tier').sort((a, b) => a.r.tier - b.r.tier);
  if (tiers.length) {
    const scores = opts.tierScores ?? THREE_TIERS.map((n) => DEFAULT_THREE_TIER_SCORES[n]);
    t.levels = tiers.map((x, k) => ({ level: x.r.tier, label: THREE_TIERS[k]!, score: scores[k]!, threshold: x.v, growthBasisPoints: null }));
    for (let k = 1; k < tiers.length && !opts.allowUnorderedTiers; k++) {
      if (tiers[k]!.v <= tiers[k - 1]!.v) problems.push({ row, column: col(tiers[k]!.i), message: `${THREE_TIERS[k]} (${formatBaht(tiers[k]!.v)}) ต้องมากกว่า ${THREE_TIERS[k - 1]} (${formatBaht(tiers[k - 1]!.v)}) — ถ้าหนังสือพิมพ์ไว้อย่างนี้จริง ใช้ --allow-unordered-tiers` });
    }
  }
  for (const g of of('growth')) { check(g.i, g.v, g.r.basisPoints); t.levels.push({ level: g.r.level, label: `ระดับ ${g.r.level}`, score: g.r.level, threshold: null, growthBasisPoints: g.r.basisPoints }); }
  for (const x of of('target')) check(x.i, x.v, x.r.basisPoints);
  for (const f of of('floor')) {
    if (f.r.printedBasisPoints !== null) check(f.i, f.v, f.r.printedBasisPoints);
    t.floorScore = f.r.level;
    t.floorLabel = `ต่ำกว่าร้อยละ ${f.r.belowBasisPoints / 100}`;
  }
  const counts = of('count').sort((a, b) => a.r.level - b.r.level);
  if (counts.length) {
    t.kind = 'ONLINE_PRODUCTS';
    t.baseline = null;
    t.baselineFiscalYear = null;
    t.levels = counts.map((c) => ({ level: c.r.level, label: `ระดับ ${c.r.level}`, score: c.r.level, threshold: c.v, growthBasisPoints: null }));
    for (let k = 1; k < counts.length; k++) if (counts[k]!.v < counts[k - 1]!.v) problems.push({ row, column: col(counts[k]!.i), message: `ระดับ ${counts[k]!.r.level} (${counts[k]!.v}) น้อยกว่าระดับ ${counts[k - 1]!.r.level} (${counts[k - 1]!.v})` });
  }
  t.levels.sort((a, b) => a.level - b.level);
  return { target: problems.length ? null : t, problems, derivedChecked };
}

/** Whether the table's units are districts or provinces (its unit column), or null without a header. */
export function tableUnitKind(rows: string[][]): 'district' | 'province' | null {
  const h = readHeader(rows);
  if (!h) return null;
  const r = h.roles.find((x) => x?.role === 'unit');
  return r?.role === 'unit' ? r.unit : null;
}
