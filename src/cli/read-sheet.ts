// The one reader of the department's sheets: a .csv (RFC 4180 quoting, UTF-8 with or without BOM) or the first
// worksheet of an .xlsx (exceljs) → rows of cell texts. Two ways to read an XLSX cell, chosen by the caller:
// - `shown` (default): the cell's formatted text as a person sees it (a phone number keeps its leading zero), and a
//   merged area gives its text once, in its master cell;
// - `values`: numbers as plain digits and formulas as their cached result, and a merged area repeats its master's
//   text in every cell (so a two-row header's parent labels every column under it) — for tables of amounts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';

export interface SheetReading {
  cells?: 'shown' | 'values';
}

/** Splits CSV text into rows of cells; quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('CSV: เครื่องหมายคำพูด (") เปิดไว้แต่ไม่ได้ปิด');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('result' in v) return valueText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return String(v.text);
  return '';
}

/** The cells of the first worksheet of an XLSX file's bytes. */
export async function xlsxCells(data: Buffer | ArrayBuffer, reading: SheetReading = {}): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('XLSX: ไม่มีแผ่นงาน');
  const values = reading.cells === 'values';
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (values) cells.push(valueText(cell.isMerged ? cell.master.value : cell.value).trim());
      else cells.push(!cell.isMerged || cell.master.address === cell.address ? (cell.text ?? '') : '');
    }
    rows.push(cells);
  }
  return rows;
}

/** The cell texts of a .csv or .xlsx file, by its extension (bytes may be given when already read). */
export async function readSheet(file: string, reading: SheetReading = {}, bytes?: Buffer): Promise<string[][]> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.xlsx') {
    throw new Error(`อ่านได้เฉพาะไฟล์ .csv หรือ .xlsx (ได้ ${ext || 'ไม่มีนามสกุล'})`);
  }
  const data = bytes ?? (await readFile(file));
  return ext === '.xlsx' ? xlsxCells(data, reading) : parseCsvCells(data.toString('utf8'));
}
