// Estimates (ประมาณการ), pure parts: the even split and the province's estimate table (CSV and an XLSX laid out like
// the fy2563 พะเยา letter), every bad file refused with its row, column and a Thai reason.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxCells } from '../../src/cli/read-sheet.js';
import { estimateGap, evenSplit, parseEstimateTable, type TableProblem } from '../../src/domain/targets/index.js';
import { districtUnits, fixtureRows } from './fixtures.js';

const PHAYAO = districtUnits(56);
const B = (baht: number | bigint) => BigInt(baht) * 100n;
const parse = (rows: string[][]) => parseEstimateTable(rows, { fiscalYear: 2563, units: PHAYAO });
const problems = (rows: string[][]): TableProblem[] => {
  const r = parse(rows);
  if (r.ok) throw new Error('expected the table to be refused');
  return r.problems;
};
/** The seed CSV with the two OCR-garbled names written as the real districts. */
const fixed = () => fixtureRows('fy2563-phayao-district-estimates.csv').map((r) => r.map((c) => (c === 'กุชวาง' ? 'ภูซาง' : c === 'ภูพานยาว' ? 'ภูกามยาว' : c)));

describe('even split of the gap', () => {
  it.each([
    // gap baht, months, expected baht per month
    [1_800_003, 4, [450_001, 450_001, 450_001, 450_000]],
    [700_000, 4, [175_000, 175_000, 175_000, 175_000]],
    [10, 3, [4, 3, 3]],
    [2, 4, [1, 1, 0, 0]],
    [0, 4, [0, 0, 0, 0]],
    [1_234_567, 12, Array.from({ length: 12 }, (_, i) => (i < 7 ? 102_881 : 102_880))],
  ])('%d baht over %d months is whole baht each, the remainder in the earliest months, summing exactly', (gap, n, expected) => {
    const split = evenSplit(B(gap), n);
    expect(split).toEqual(expected.map(B));
    expect(split.reduce((s, x) => s + x, 0n)).toBe(B(gap));
    expect(split.every((x) => x % 100n === 0n)).toBe(true);
  });

  it('the gap is target − actual rounded up to whole baht, and 0 once the target is reached', () => {
    expect(estimateGap(B(3_000_003), 120_000_050n)).toBe(B(1_800_003));
    expect(estimateGap(B(3_000_003), 120_000_000n)).toBe(B(1_800_003));
    expect(estimateGap(B(100), B(100))).toBe(0n);
    expect(estimateGap(B(100), B(250))).toBe(0n);
  });

  it('refuses a gap with satang or no months rather than guessing', () => {
    expect(() => evenSplit(150n, 2)).toThrow();
    expect(() => evenSplit(B(10), 0)).toThrow();
  });
});

describe('the province estimate table', () => {
  it('the seed CSV as printed is refused: its two OCR-garbled district names are listed with the closest real names', () => {
    const p = problems(fixtureRows('fy2563-phayao-district-estimates.csv'));
    expect(p).toEqual([
      { row: 9, column: 'B (district)', message: expect.stringContaining('ไม่รู้จักอำเภอ "กุชวาง" ชื่อที่ใกล้เคียง: ภูซาง') },
      { row: 10, column: 'B (district)', message: expect.stringContaining('ไม่รู้จักอำเภอ "ภูพานยาว" ชื่อที่ใกล้เคียง: ภูกามยาว') },
    ]);
  });

  it('with the real names (or district codes) it gives each district June–September and actual to date = target − the months', () => {
    const r = parse(fixed());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.months).toEqual(['2020-06', '2020-07', '2020-08', '2020-09']);
    expect(r.estimates).toHaveLength(9);
    const muang = r.estimates[0]!;
    expect([muang.unit.code, muang.target, muang.months.map((m) => m.amount)]).toEqual([5601, B(418_453_794), [B(40_600_500), B(40_200_500), B(42_516_494), B(26_874_500)]]);
    expect(muang.actualToDate).toBe(B(418_453_794 - 150_191_994));
    const byCode = fixed().map((row, i) => (i === 0 ? ['code', ...row] : [String(5600 + i), ...row]));
    byCode[8]![2] = 'กุชวาง'; // a garbled name beside a right code: the code decides
    const r2 = parse(byCode);
    expect(r2.ok && r2.estimates.map((e) => e.unit.nameTh).at(7)).toBe('ภูซาง');
  });

  it('reads an XLSX laid out like the letter: title rows, a two-row Thai header, formatted numbers, a "รวมทั้งสิ้น" row checked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ประมาณการ');
    ws.addRow(['ประมาณการยอดจำหน่ายสินค้าหนึ่งตำบล หนึ่งผลิตภัณฑ์ รายอำเภอ ปีงบประมาณ ๒๕๖๓']);
    ws.mergeCells('A1:H1');
    ws.addRow(['ที่', 'ชื่ออำเภอ', 'เป้ารายได้ปี 63 เพิ่มขึ้น 10%', 'ปีงบประมาณ 2563']);
    ws.addRow(['', '', '', 'มิ.ย. 63', 'ก.ค. 63', 'ส.ค. 63', 'ก.ย. 63', 'รวมทั้งหมด']);
    ws.mergeCells('D2:H2');
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    ws.mergeCells('C2:C3');
    const data = fixed().slice(1, 4).map((r) => [Number(r[0]), r[1], ...r.slice(2).map(Number)]);
    for (const r of data) ws.addRow(r).eachCell((c, i) => { if (i > 2) c.numFmt = '#,##0'; });
    const sum = (i: number) => data.reduce((s, r) => s + (r[i] as number), 0);
    ws.addRow(['รวมทั้งสิ้น', '', sum(2), sum(3), sum(4), sum(5), sum(6), sum(7)]);
    const rows = await xlsxCells(Buffer.from(await wb.xlsx.writeBuffer()), { cells: 'values' });
    const r = parse(rows);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.estimates.map((e) => e.unit.nameTh)).toEqual(['เมืองพะเยา', 'จุน', 'เชียงคำ']);
    rows.at(-1)![2] = String(sum(2) + 1); // the printed total of the letter is 1 baht off its rows: refused
    expect(problems(rows)).toEqual([{ row: 7, column: 'C (เป้ารายได้ปี 63 เพิ่มขึ้น 10%)', message: expect.stringContaining('แถว "รวม" ไม่ตรงกับผลรวมของแถวข้างบน') }]);
  });

  it.each<[string, (rows: string[][]) => void, { row: number; column: string | null; message: RegExp }]>([
    ['wrong header', (r) => { r[0]![3] = 'june'; }, { row: 1, column: 'D (june)', message: /ไม่รู้จักหัวคอลัมน์ "june"/ }],
    ['no district column', (r) => { r[0]![1] = 'name'; }, { row: 1, column: null, message: /ไม่พบแถวหัวตารางที่มีคอลัมน์ "ชื่ออำเภอ"/ }],
    ['a month of another fiscal year', (r) => { r[0]![3] = 'estimate_jun_2564'; }, { row: 1, column: 'D (estimate_jun_2564)', message: /ไม่อยู่ในปีงบประมาณ 2563/ }],
    ['months not running to September', (r) => { for (const row of r) row.splice(6, 1); }, { row: 1, column: null, message: /ต่อเนื่องกันจนถึงกันยายน/ }],
    ['unknown district', (r) => { r[3]![1] = 'เชียงคาน'; }, { row: 4, column: 'B (district)', message: /ไม่รู้จักอำเภอ "เชียงคาน" ชื่อที่ใกล้เคียง: เชียงคำ/ }],
    ['duplicate district', (r) => { r[3]![1] = 'อ. จุน'; }, { row: 4, column: 'B (district)', message: /อำเภอจุนซ้ำกับแถว 3/ }],
    ['negative amount', (r) => { r[2]![4] = '-1,000'; }, { row: 3, column: 'E (estimate_jul_2563)', message: /ติดลบไม่ได้/ }],
    ['non-numeric amount', (r) => { r[2]![4] = 'สี่ล้าน'; }, { row: 3, column: 'E (estimate_jul_2563)', message: /ไม่ใช่ตัวเลข/ }],
    ['months over the target', (r) => { r[6]![2] = '1000'; r[6]![7] = '1000'; }, { row: 7, column: 'C (target_fy2563_plus10pct)', message: /มากกว่าเป้า/ }],
    ['a total that is neither the target nor the months', (r) => { r[1]![7] = '1'; }, { row: 2, column: 'H (total)', message: /ไม่เท่ากับเป้า/ }],
  ])('%s: refused, naming the row and column', (_name, spoil, want) => {
    const rows = fixed();
    spoil(rows);
    const p = problems(rows);
    expect(p[0]).toEqual({ row: want.row, column: want.column, message: expect.stringMatching(want.message) });
  });

  it('Thai digits and a total column printing the months’ sum are accepted', () => {
    const rows = fixed();
    rows[1]![3] = '๔๐,๖๐๐,๕๐๐';
    rows[1]![7] = '150,191,994';
    const r = parse(rows);
    expect(r.ok && r.estimates[0]!.months[0]!.amount).toBe(B(40_600_500));
  });
});
